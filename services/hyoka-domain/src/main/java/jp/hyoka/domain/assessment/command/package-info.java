/** Commands on an assessment: imperative, no suffix, each carrying tenant, actor and time. */
package jp.hyoka.domain.assessment.command;
