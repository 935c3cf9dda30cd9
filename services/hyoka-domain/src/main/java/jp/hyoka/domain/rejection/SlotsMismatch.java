package jp.hyoka.domain.rejection;

import java.util.List;

/** The slots a component text uses and the slots its version declares differ: each must be the other. */
public record SlotsMismatch(List<String> undeclared, List<String> unused) implements Rejection {
    @Override
    public String code() {
        return "SLOTS_MISMATCH";
    }

    @Override
    public String message() {
        return "Slots used in the text but not declared: " + undeclared + "; declared but not used: " + unused + ".";
    }
}
