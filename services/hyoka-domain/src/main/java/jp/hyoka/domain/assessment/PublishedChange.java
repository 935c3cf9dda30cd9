package jp.hyoka.domain.assessment;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.importing.annex.SubmissionTiming;

import java.util.List;

/**
 * One 変更箇所 row of a publication: the item (by id and entries, and its 項目 path as printed), its answer before
 * (as last published) and after (as published now), each also as the text printed in the annex; 提出時期 and the
 * explanation the municipality gave. A null answer means the item was empty.
 */
public record PublishedChange(ItemId itemId, List<String> entries, String itemPath, Answer before, Answer after,
                              String beforeText, String afterText, SubmissionTiming timing, String explanation) {
    public PublishedChange {
        entries = List.copyOf(entries);
    }
}
