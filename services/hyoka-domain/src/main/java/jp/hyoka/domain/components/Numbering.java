package jp.hyoka.domain.components;

/** How the numbered points ({@code {{#}}}) of a component text are printed; each heading restarts the count. */
public enum Numbering {
    /** ① ② ③ … (⑳ and beyond up to ㊿; later points as (51) …). */
    CIRCLED,
    /** (1) (2) (3) … */
    PARENTHESISED,
    /** ・ before every point. */
    BULLET;

    private static final int[][] CIRCLED_RANGES = {{1, 20, 0x2460}, {21, 35, 0x3251}, {36, 50, 0x32B1}};

    /** The mark of the {@code n}th point (1-based). */
    public String mark(int n) {
        return switch (this) {
            case BULLET -> "・";
            case PARENTHESISED -> "(" + n + ")";
            case CIRCLED -> circled(n);
        };
    }

    private static String circled(int n) {
        for (int[] range : CIRCLED_RANGES) {
            if (n >= range[0] && n <= range[1]) {
                return new String(Character.toChars(range[2] + n - range[0]));
            }
        }
        return "(" + n + ")";
    }
}
