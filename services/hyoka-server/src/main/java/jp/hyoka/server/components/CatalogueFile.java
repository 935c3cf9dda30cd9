package jp.hyoka.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.hyoka.domain.components.Brackets;
import jp.hyoka.domain.components.ComponentFit;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.components.Numbering;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.components.Slot;
import jp.hyoka.domain.components.VersionContent;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.importing.annex.SubmissionTiming;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the seeded catalogue shipped in the schema artifact ({@value #RESOURCE}, from schema/components), whose
 * shape catalogue.schema.json describes. It is read from the classpath like the form revisions its fits name, so a
 * build always seeds the catalogue written for its own forms, from any working directory and from a deployed jar.
 */
public final class CatalogueFile {

    public static final String RESOURCE = "hyoka/schema/components/catalogue.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogueFile() {
    }

    /** The components of the shipped catalogue, in file order. */
    public static List<CatalogueEntry> read() {
        try (InputStream in = CatalogueFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (hyoka-schema)");
            }
            return parse(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + RESOURCE, e);
        }
    }

    static List<CatalogueEntry> parse(JsonNode catalogue) {
        List<CatalogueEntry> entries = new ArrayList<>();
        for (JsonNode component : catalogue.path("components")) {
            List<ComponentFit> fits = new ArrayList<>();
            component.path("fits").forEach(fit -> fits.add(new ComponentFit(
                    new FormRef(FormKind.valueOf(fit.path("kind").asText()), fit.path("version").asText()),
                    new ItemId(fit.path("itemId").asText()))));
            List<VersionContent> versions = new ArrayList<>();
            component.path("versions").forEach(version -> versions.add(content(version)));
            entries.add(new CatalogueEntry(new ComponentId(component.path("id").asText()),
                    component.path("family").asText(), component.path("name").asText(),
                    component.path("issuer").asText(), fits, versions));
        }
        return List.copyOf(entries);
    }

    private static VersionContent content(JsonNode version) {
        List<Slot> slots = new ArrayList<>();
        version.path("slots").forEach(slot -> slots.add(new Slot(slot.path("name").asText(),
                slot.path("label").asText())));
        RenderingOptions rendering = new RenderingOptions(
                Numbering.valueOf(version.path("numbering").asText(RenderingOptions.DEFAULT.numbering().name())),
                Brackets.valueOf(version.path("brackets").asText(RenderingOptions.DEFAULT.brackets().name())));
        return new VersionContent(version.path("text").asText(), LocalDate.parse(version.path("effectiveFrom").asText()),
                version.path("note").asText(), SubmissionTiming.valueOf(version.path("timing").asText()),
                version.path("explanation").asText(), slots, rendering);
    }
}
