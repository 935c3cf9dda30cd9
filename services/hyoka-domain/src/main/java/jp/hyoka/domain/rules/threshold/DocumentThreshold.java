package jp.hyoka.domain.rules.threshold;

import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.JapaneseDates;
import jp.hyoka.domain.rules.incidents.SeriousIncident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checks a document's しきい値判断 against its own answers. The form's 対象人数 bands are the decision table's, so the
 * band decides as exactly as a count would. Where the band weighs the conditions and the document does not answer
 * them (a 重点/全項目評価書 never does: they are 基礎項目評価書 items), the result is a range, and a stated result
 * within it is taken as the municipality's answer to what the 基礎 says.
 */
public final class DocumentThreshold {

    private DocumentThreshold() {
    }

    /**
     * The check with the municipality's recorded 重大事故 counted: one concerning 特定個人情報 discovered within the
     * year up to {@code asOf} ({@link SeriousIncident#raisesThresholdOn}) makes the condition true whatever the
     * document says, so the level is judged with it, and a document answering 発生なし — or, being a 重点/全項目評価書,
     * not asking — is warned.
     */
    public static DocumentThresholdCheck check(DocumentThresholdAnswers answers, List<SeriousIncident> seriousIncidents,
                                               LocalDate asOf) {
        Optional<LocalDate> recent = seriousIncidents.stream().filter(incident -> incident.raisesThresholdOn(asOf))
                .map(SeriousIncident::discoveredOn).max(Comparator.naturalOrder());
        if (recent.isEmpty() || answers.seriousIncidentInPastYear().orElse(false)) {
            return check(answers);
        }
        DocumentThresholdCheck counted = check(new DocumentThresholdAnswers(answers.kind(), answers.band(),
                answers.personsCountedOn(), answers.handlersAtLeast500(), answers.handlersCountedOn(),
                Optional.of(true), answers.stated()));
        List<String> warnings = new ArrayList<>(counted.warnings());
        warnings.add(0, "過去1年以内の特定個人情報に関する重大事故(" + JapaneseDates.format(recent.get())
                + "発覚)が記録されている" + (answers.seriousIncidentInPastYear().isPresent()
                ? "が、「発生なし」と回答している(「発生あり」として判断した)"
                : "。しきい値判断では重大事故「発生あり」として判断する"));
        return new DocumentThresholdCheck(counted.decision(), counted.lowest(), counted.highest(), counted.stated(),
                warnings, counted.level());
    }

    public static DocumentThresholdCheck check(DocumentThresholdAnswers answers) {
        List<String> warnings = new ArrayList<>();
        if (answers.band().isEmpty()) {
            warnings.add("対象人数が未回答のため、しきい値判断ができない");
            return new DocumentThresholdCheck(Optional.empty(), Optional.empty(), Optional.empty(), answers.stated(),
                    warnings, Optional.empty());
        }
        long persons = answers.band().get().lowerBound();
        boolean conditionsAnswered = answers.handlersAtLeast500().isPresent()
                && answers.seriousIncidentInPastYear().isPresent();
        ThresholdDecision lowest = ThresholdJudgement.judge(new ThresholdInputs(persons,
                answers.handlersAtLeast500().orElse(false), answers.seriousIncidentInPastYear().orElse(false)));
        ThresholdDecision highest = ThresholdJudgement.judge(new ThresholdInputs(persons,
                answers.handlersAtLeast500().orElse(true), answers.seriousIncidentInPastYear().orElse(true)));
        Optional<ThresholdDecision> decision = conditionsAnswered || lowest.mandatory() == highest.mandatory()
                ? Optional.of(lowest) : Optional.empty();
        if (decision.isEmpty()) {
            warnings.add("対象人数が" + answers.band().get().label() + "のため、取扱者数(500人以上か)と過去1年以内の重大事故"
                    + "により、" + lowest.mandatory().obligation() + "か、" + highest.mandatory().obligation()
                    + "かが決まる(" + (answers.kind() == FormKind.BASIC_ITEMS ? "この評価書で未回答"
                    : "基礎項目評価書の回答による") + ")");
        }
        answers.stated().ifPresent(stated -> {
            boolean contradicts = decision.map(decided -> decided.mandatory() != stated).orElse(
                    stated.compareTo(lowest.mandatory()) < 0 || stated.compareTo(highest.mandatory()) > 0);
            if (contradicts) {
                warnings.add("記載のしきい値判断結果(" + stated.obligation() + ")が、この評価書の回答から導かれる結果("
                        + decision.map(decided -> decided.mandatory().obligation())
                        .orElse(lowest.mandatory().obligation() + "から" + highest.mandatory().obligation())
                        + ")と一致しない");
            }
        });
        MandatoryLevel mandatory = decision.map(ThresholdDecision::mandatory)
                .or(() -> answers.stated().filter(stated -> stated.compareTo(lowest.mandatory()) >= 0
                        && stated.compareTo(highest.mandatory()) <= 0))
                .orElse(lowest.mandatory());
        KindComparison.of(mandatory, answers.kind()).warning().ifPresent(warnings::add);
        if (answers.personsCountedOn().isEmpty() && answers.kind() == FormKind.BASIC_ITEMS) {
            warnings.add("対象人数がいつ時点の計数かが未回答");
        }
        return new DocumentThresholdCheck(decision, Optional.of(lowest.mandatory()), Optional.of(highest.mandatory()),
                answers.stated(), warnings, Optional.of(mandatory));
    }
}
