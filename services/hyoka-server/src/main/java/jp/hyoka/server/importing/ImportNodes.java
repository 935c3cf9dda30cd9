package jp.hyoka.server.importing;

import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.graphql.Results.Typed;

/** The results of the import mutations, beside the host's edited and problem nodes. */
public final class ImportNodes {

    private ImportNodes() {
    }

    public record ImportedNode(AssessmentView assessment, long revision, AnnexImportReport report) implements Typed {
        @Override
        public String graphQlType() {
            return "ChangeAnnexImported";
        }
    }

    public record DocumentImportedNode(AssessmentView assessment, long revision, DocumentImportReport report)
            implements Typed {
        @Override
        public String graphQlType() {
            return "DocumentImported";
        }
    }

    public record FileRejectedNode(String code, String message) implements Typed {
        @Override
        public String graphQlType() {
            return "ImportFileRejected";
        }
    }
}
