/**
 * The platform's own facts, outside any municipality's documents: which municipalities (tenants) are on Hyoka,
 * onboarded by a platform operator. {@link jp.hyoka.domain.platform.MunicipalityDecider} decides; nothing here
 * reads or writes a 評価書.
 */
package jp.hyoka.domain.platform;
