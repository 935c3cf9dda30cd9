/** Events of an assessment: past-tense business facts, the single source of truth. */
package jp.hyoka.domain.assessment.event;
