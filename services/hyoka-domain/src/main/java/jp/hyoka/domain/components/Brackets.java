package jp.hyoka.domain.components;

/** How a heading ({@code {{[}}…{{]}}}) of a component text is bracketed, e.g. <中間サーバー・プラットフォームにおける措置>. */
public enum Brackets {
    /** &lt;…&gt;, half-width (written as HTML character references in the rich text). */
    ASCII("&lt;", "&gt;"),
    /** ＜…＞, full-width. */
    FULL_WIDTH("＜", "＞");

    private final String open;
    private final String close;

    Brackets(String open, String close) {
        this.open = open;
        this.close = close;
    }

    public String open() {
        return open;
    }

    public String close() {
        return close;
    }
}
