package jp.hyoka.domain.components.text;

import java.util.List;

/** Base tokens [start, end) are replaced by {@code replacement}; start == end is a pure insertion before start. */
record Hunk(int start, int end, List<String> replacement) {

    Hunk {
        replacement = List.copyOf(replacement);
    }

    boolean isInsertion() {
        return start == end;
    }

    /**
     * Two changes overlap when they touch a common base token, or insert at the same place; a change that only
     * borders another (an insertion right before or after a changed sentence) does not.
     */
    boolean overlaps(int otherStart, int otherEnd) {
        boolean bothInsertions = isInsertion() && otherStart == otherEnd;
        return bothInsertions ? start == otherStart : start < otherEnd && otherStart < end;
    }
}
