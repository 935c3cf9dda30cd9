/** Commands on a review thread: imperative, each carrying who and when. */
package jp.hyoka.domain.review.command;
