/**
 * Rebuilding the read models from the events: the same projection classes run in a second tracking processor on
 * connections whose search_path is the shadow schema {@code rm_rebuild} alone, so their unqualified table names
 * land in shadow copies of the live tables. Once the copy has caught up it replaces the live tables in one
 * transaction while the live processor is paused, and the live processor continues from where the rebuild stopped
 * ({@link jp.hyoka.server.rebuild.ReadModelRebuilds}).
 */
package jp.hyoka.server.rebuild;
