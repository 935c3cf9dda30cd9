package jp.hyoka.server.subscriptions;

import java.time.Instant;

/** One message of {@code proposalRaised}. */
record ProposalRaised(String proposalId, String assessmentId, String componentId, int fromVersion, int toVersion,
                      Instant raisedAt) {
}
