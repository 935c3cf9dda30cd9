/**
 * Review threads (issue 19): reviewers and editors comment on an item, an entry or a whole assessment, reply,
 * resolve and reopen. Threads are an aggregate of their own ({@link jp.hyoka.server.review.ReviewThreadAggregate}),
 * so they never touch the assessment's decider, revision or 変更箇所; they are anchored by item ids and survive new
 * versions. A feature: uses the host (the assessment's read model, for a new thread's anchor) and the kernel.
 */
package jp.hyoka.server.review;
