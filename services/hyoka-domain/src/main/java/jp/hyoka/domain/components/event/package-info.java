/** Events of a shared component: past-tense business facts of the platform, the single source of truth. */
package jp.hyoka.domain.components.event;
