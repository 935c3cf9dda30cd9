package jp.hyoka.server.subscriptions;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentIds;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.assessment.HistoryWindow;
import jp.hyoka.server.assessment.Nodes.HistoryNode;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * One assessment's new revisions, read from its history (rm_edit_history, a row per line of each stored event) under
 * its municipality's scope. A round sends what was committed since the last message, a page of at most
 * {@link #PAGE} lines per message: a whole command (an import of hundreds of events) arrives together, since the read
 * models only ever show whole commands. The feed remembers the last line it delivered (revision and line), not only
 * the revision: an import's entries and answers are one revision of up to thousands of lines, and a page that stops
 * inside it is continued by the next message from the line after, never cut at the revision's end.
 */
final class AssessmentFeed extends Subscribers<AssessmentChanged> {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentFeed.class);

    /** Changes listed in one message; the rest is in the assessment's history. */
    static final int MAX_CHANGES = 100;
    /**
     * History lines one message covers (it lists the first {@link #MAX_CHANGES}, the only ones read whole: the rest
     * of the page is read as positions only, where it ends and how many).
     */
    static final int PAGE = 1_000;

    /**
     * Reads the window of up to {@code covered} history lines after a position, the first {@code listed} of them
     * whole (the assessment queries; tests fail it on purpose).
     */
    @FunctionalInterface
    interface Lines {
        HistoryWindow after(MunicipalityCode tenant, AssessmentId id, long revision, int line, int listed,
                            int covered);
    }

    private final AssessmentQueries assessments;
    private final Lines lines;
    private final ClasspathFormCatalog forms;
    private final MunicipalityCode tenant;
    private final AssessmentId id;
    /** The last line delivered: its revision and its line within the revision. */
    private long deliveredRevision;
    private int deliveredLine;

    /** Follows the assessment from after every line of {@code revision} (the revision the subscriber has). */
    AssessmentFeed(AssessmentQueries assessments, ClasspathFormCatalog forms, MunicipalityCode tenant, AssessmentId id,
                   long revision) {
        this(assessments, assessments::historyWindow, forms, tenant, id, revision);
    }

    AssessmentFeed(AssessmentQueries assessments, Lines lines, ClasspathFormCatalog forms, MunicipalityCode tenant,
                   AssessmentId id, long revision) {
        this.assessments = assessments;
        this.lines = lines;
        this.forms = forms;
        this.tenant = tenant;
        this.id = id;
        this.deliveredRevision = revision;
        this.deliveredLine = Integer.MAX_VALUE;
    }

    /**
     * The messages for what is new, the position moved past exactly the lines they cover. A read that fails after a
     * page was built (the database away, say) ends the round with the messages built so far, and the next round reads
     * on from there; one that fails before any: thrown, the position unchanged.
     */
    @Override
    List<AssessmentChanged> readNew() {
        List<AssessmentChanged> messages = new ArrayList<>();
        long revision = deliveredRevision;
        int line = deliveredLine;
        FormDefinition form = null;
        try {
            HistoryWindow page = lines.after(tenant, id, revision, line, MAX_CHANGES, PAGE);
            while (!page.isEmpty()) {
                if (form == null) {
                    // Labelled by the form revision the assessment is on now (a migration may just have moved it).
                    AssessmentView view = assessments.find(tenant, id).orElseThrow();
                    form = forms.find(view.form()).orElseThrow();
                }
                revision = page.endRevision();
                line = page.endLine();
                FormDefinition labels = form;
                messages.add(new AssessmentChanged(AssessmentIds.global(id), revision,
                        page.listed().stream().map(entry -> HistoryNode.of(entry, labels)).toList(),
                        page.covered() <= MAX_CHANGES));
                deliveredRevision = revision;
                deliveredLine = line;
                page = page.covered() < PAGE ? HistoryWindow.NONE
                        : lines.after(tenant, id, revision, line, MAX_CHANGES, PAGE);
            }
        } catch (RuntimeException e) {
            if (messages.isEmpty()) {
                throw e;
            }
            LOG.warn("Live updates: sending {} message(s) for {}, the rest next round: {}", messages.size(), id,
                    e.toString());
        }
        return messages;
    }
}
