package jp.hyoka.server.rebuild;

import java.util.List;

/**
 * The tables the read-model processor writes, all of which a rebuild replaces. Listed, not discovered: a table
 * fed by some other processor must never be swapped for an empty copy. ReadModelRebuildIT fails when a new rm_*
 * table is missing here.
 */
public final class ReadModelTables {

    public static final List<String> ALL = List.of(
            "rm_assessment",
            "rm_answer",
            "rm_edit_history",
            "rm_repeat_entry",
            "rm_past_change",
            "rm_imported_document",
            "rm_unmapped_content",
            "rm_shared_component",
            "rm_shared_component_version",
            "rm_component_use",
            "rm_component_proposal",
            "rm_component_fan_out",
            "rm_publication",
            "rm_review_thread",
            "rm_review_thread_event",
            "rm_affair_end",
            "rm_serious_incident");

    private ReadModelTables() {
    }
}
