/** Events of a review thread: past-tense facts, each naming the assessment and municipality it belongs to. */
package jp.hyoka.domain.review.event;
