/**
 * Shared components: the boilerplate that national bodies issue and every municipality copies into its
 * 評価書 — the 中間サーバー system description, &lt;中間サーバー・ソフトウェアにおける措置&gt;,
 * &lt;中間サーバー・プラットフォームにおける措置&gt; (v1 data centre, v2 ISMAP cloud), &lt;ガバメントクラウドにおける措置&gt;
 * (DOMAIN.md §5) — curated once by the platform, as the {@link jp.hyoka.domain.components.SharedComponent} aggregate.
 *
 * <h2>What is modelled</h2>
 * <ul>
 *   <li>A component: id (a readable slug in the item-id scheme), family (the code form items name in
 *       {@code componentFamily}, e.g. {@code intermediate-server-platform}), name, issuer (J-LIS, デジタル庁 …) and
 *       the items it fits, per form revision, by stable item id ({@link jp.hyoka.domain.components.ComponentFit}),
 *       checked against the {@link jp.hyoka.domain.form.FormCatalog}: the item exists and takes rich text, and an
 *       item typed SHARED_COMPONENT only takes its own family. Fits can be replaced later (new form revisions).</li>
 *   <li>Versions, numbered 1, 2, 3 … without gaps; each drafted with
 *       {@link jp.hyoka.domain.components.VersionContent}: rich text (sanitised by the domain's
 *       {@link jp.hyoka.domain.form.RichTextSanitizer} port, non-empty, at most 20,000 code points, and no longer
 *       than any fitted item allows), effective date, a note for municipalities, the default 提出時期 and 説明 of
 *       the 変更箇所 row adoption will produce, slots and rendering options.</li>
 *   <li>The cycle, all by platform operators: register → draft version N → submit for review (IN_REVIEW) →
 *       publish (PUBLISHED, frozen); an unpublished version can be withdrawn, which frees its number. One
 *       unpublished version at a time; the draft must name the next number; a version cannot take effect before
 *       the one published before it.</li>
 *   <li>The text's markers ({@link jp.hyoka.domain.components.ComponentText}): {@code {{name}}} for a slot,
 *       {@code {{#}}} for the next point number, {@code {{[}}…{{]}}} for a heading. The slots used and the slots
 *       declared must be the same set. {@code ComponentText.render} fills slots (escaped) and applies the
 *       numbering (① / (1) / ・) and brackets (&lt;&gt; / ＜＞) a document chooses.</li>
 * </ul>
 *
 * <h2>Left to later slices</h2>
 * <ul>
 *   <li>The assessment side: inserting a component into an item (locked, adapted, detached), adopting or declining
 *       a proposal, and the 変更箇所 rows adoption produces.</li>
 *   <li>The fan-out of a published version into per-assessment proposals, and the dry-run impact count.</li>
 *   <li>Text comparison: normalisation for matching, similarity and the three-way merge belong to
 *       {@code jp.hyoka.domain.components.text}, written separately; nothing here compares texts.</li>
 *   <li>Import recognition of boilerplate, the seeded catalogue and a four-eyes rule (reviewer other than the
 *       author). The catalogue's server side (Axon adapter, GraphQL, read models, migration V10) is hyoka-server's
 *       components feature.</li>
 * </ul>
 */
package jp.hyoka.domain.components;
