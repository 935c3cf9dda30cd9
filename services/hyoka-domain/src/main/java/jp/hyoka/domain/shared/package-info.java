/** Value types shared by every feature of the domain: tenants (municipalities) and actors. */
package jp.hyoka.domain.shared;
