/** Typed reasons for refusing a command. A rejected command changes nothing. */
package jp.hyoka.domain.rejection;
