/** Commands on a shared component: imperative, no suffix, each carrying the operator and the time. */
package jp.hyoka.domain.components.command;
