package jp.hyoka.domain.exporting;

/**
 * The page's only style sheet, inline: the export must print the same anywhere, offline, with nothing fetched (no
 * external style, script or font). Mincho/serif and black rules on A4 as the official 様式; tables never split a
 * row across pages, and headings stay with what follows.
 */
final class HtmlStyle {

    static final String CSS = """
            @page { size: A4; margin: 15mm 12mm; }
            html { font-family: "Yu Mincho", "YuMincho", "Hiragino Mincho ProN", "MS Mincho", serif;
                   font-size: 10.5pt; }
            body { margin: 0 auto; max-width: 190mm; color: #000; background: #fff; line-height: 1.5; }
            h1 { font-size: 16pt; text-align: center; margin: 0 0 8mm; }
            h2 { font-size: 13pt; margin: 8mm 0 2mm; break-after: avoid; page-break-after: avoid; }
            p.entry { margin: 0 0 2mm; font-weight: bold; }
            table { width: 100%; border-collapse: collapse; margin: 0 0 4mm; table-layout: fixed; }
            th, td { border: 0.5pt solid #000; padding: 1mm 1.5mm; vertical-align: top; text-align: left;
                     overflow-wrap: anywhere; }
            tr { break-inside: avoid; page-break-inside: avoid; }
            th { background: #eee; font-weight: bold; }
            tr.block th { background: #ddd; }
            tr.entry th { background: #f2f2f2; }
            tr.heading td { font-weight: bold; }
            col.number { width: 14%; } col.label { width: 26%; } col.value { width: 60%; }
            table.cover col.label { width: 30%; } table.cover col.value { width: 70%; }
            table.changes col.date { width: 11%; } table.changes col.path { width: 17%; }
            table.changes col.text { width: 24%; } table.changes col.timing { width: 6%; }
            table.changes col.explanation { width: 18%; }
            span.option { display: inline-block; margin-right: 1.2em; white-space: nowrap; }
            td.value table { margin: 0; }
            td.value p { margin: 0 0 1mm; }
            @media print {
              body { max-width: none; }
              h2 { margin-top: 4mm; }
              section.annex { break-before: page; page-break-before: always; }
              thead { display: table-header-group; }
            }
            """;

    private HtmlStyle() {
    }
}
