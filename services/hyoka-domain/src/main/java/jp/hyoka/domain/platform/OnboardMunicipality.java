package jp.hyoka.domain.platform;

import jp.hyoka.domain.shared.Actor;

import java.time.Instant;

/**
 * A platform operator brings a municipality onto Hyoka by its 地方公共団体コード, as typed (it is checked here, check
 * digit included), with its name and the first administrator to invite.
 */
public record OnboardMunicipality(String municipalityCode, String name, FirstAdministrator administrator, Actor by,
                                  Instant at) {
}
