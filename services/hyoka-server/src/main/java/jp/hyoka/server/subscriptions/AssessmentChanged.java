package jp.hyoka.server.subscriptions;

import jp.hyoka.server.assessment.Nodes.HistoryNode;

import java.util.List;

/** One message of {@code assessmentChanged}: the changes since the previous one, the revision they reach. */
record AssessmentChanged(String assessmentId, long revision, List<HistoryNode> changes, boolean complete) {
}
