package jp.hyoka.domain.importing.annex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.Section;

/**
 * Maps the 項目 cell of a 変更箇所 row (DOMAIN.md §4.4, styles A–L) to the place of a form it names: an item with the
 * repeat entries the path names, or a whole entry, block, section or the document; when several items fit equally
 * well the result is {@link PathTargetKind#AMBIGUOUS} with the candidates, never a guess.
 *
 * <p>Everything comes from the form definition: the path is taken apart ({@link ParsedPath}) and every item of the
 * form is scored on its label (exact or fuzzy, at the end of the path or inside 「」), its block and section labels,
 * and the section, block and item numbers, repeat group and リスクN the path gives. The label outweighs numbers, so a
 * right label under a wrong number (基礎 numbering inside a 重点, style H) still wins. The design, weights and limits
 * are in README.md beside this package.
 */
public final class ItemPathResolver {

    private static final double TIE = 0.75;
    /** Below this an item has more evidence against it than for it and is not a candidate. */
    private static final double MINIMUM = 1.5;

    private final List<ItemNode> nodes = new ArrayList<>();
    private final Map<String, String> groupLabels = new LinkedHashMap<>();
    private final String fileGroup;
    private final List<String> sectionLabels = new ArrayList<>();
    private final Map<String, List<String>> otherNumbering = new LinkedHashMap<>();
    /** Section and block titles: a path that is only a title names that, not an item whose label starts with it. */
    private final Set<String> headings = new LinkedHashSet<>();
    /** The labels of {@link #nodes}, indexed by bigram for the comparison of each path with all of them. */
    private final LabelSimilarity.Labels labels;
    /** By node index: the ids in {@link #labels} of the labels a path is compared with for the node. */
    private final NodeLabels[] labelIds;
    /** One node of each block whose label is long enough to be named by a path (the labels a path may name). */
    private final List<ItemNode> namedBlockCandidates = new ArrayList<>();
    /** Block label id in {@link #labels} (-1: not indexed) → the indices in {@link #namedBlockCandidates} of it. */
    private final Map<Integer, int[]> namedBlocksByLabel = new HashMap<>();
    private static final int[] NO_NODES = new int[0];
    /** The nodes a path may be scored for, found through maps over the form (per form, never per file). */
    private final NodeCandidates candidates;
    /** By node index: the block numbers under which a companion form numbers the node's block (its label). */
    private final List<Set<Integer>> companionNumbers = new ArrayList<>();
    /** Item, block and section ids → the section of the first node that has the id ({@link #sectionOf}). */
    private final Map<String, String> sectionById = new HashMap<>();
    /** Block label → the nodes of blocks of several items with that label, in form order (a path may be one). */
    private final Map<String, List<ItemNode>> blocksByLabel = new HashMap<>();

    public ItemPathResolver(FormDefinition form) {
        this(form, List.of());
    }

    /**
     * @param companions forms whose numbering a path may use instead of {@code form}'s: a 重点 or 全項目 annex often
     *                   numbers section I as its 基礎項目評価書 does ("I 3 法令上の根拠" for 個人番号の利用, DOMAIN.md §1.5)
     */
    public ItemPathResolver(FormDefinition form, List<FormDefinition> companions) {
        Objects.requireNonNull(form, "form");
        for (FormDefinition companion : companions) {
            for (Section section : companion.sections()) {
                for (Block block : section.blocks()) {
                    String digits = block.number().replaceAll("\\D", "");
                    if (!digits.isEmpty() && !block.label().isEmpty()) {
                        otherNumbering.computeIfAbsent(section.number() + " " + digits, k -> new ArrayList<>())
                                .add(ParsedPath.label(block.label()));
                    }
                }
            }
        }
        String files = null;
        for (RepeatGroup group : form.repeatGroups()) {
            groupLabels.put(group.label(), group.id());
            if (group.label().equals("特定個人情報ファイル")) {
                files = group.id();
            }
        }
        this.fileGroup = files;
        for (Section section : form.sections()) {
            String sectionLabel = ParsedPath.label(section.label());
            if (!sectionLabel.isEmpty()) {
                sectionLabels.add(sectionLabel);
            }
            headings.add(sectionLabel);
            for (Block block : section.blocks()) {
                headings.add(ParsedPath.label(block.label()));
                String heading = "";
                String previous = "";
                for (Item item : block.items()) {
                    if (item.heading() != null) {
                        heading = ParsedPath.label(item.heading());
                    }
                    String label = ParsedPath.label(item.label());
                    nodes.add(ItemNode.of(item, section, block, sectionLabel, ParsedPath.label(block.label()), label,
                            heading, previous, form.chain(item.repeatGroup())));
                    previous = label;
                }
            }
        }
        sectionLabels.add("リスク対策");
        headings.add("リスク対策");
        List<String> compared = new ArrayList<>();         // the labels a path (or its prefixes) is compared with
        for (ItemNode node : nodes) {
            compared.addAll(List.of(node.label(), node.blockLabel(), node.sectionLabel()));
            compared.addAll(node.context());
        }
        labels = new LabelSimilarity.Labels(compared);
        labelIds = nodes.stream().map(node -> new NodeLabels(labels.id(node.label()), labels.id(node.blockLabel()),
                labels.id(node.sectionLabel()), node.context().stream().mapToInt(labels::id).toArray()))
                .toArray(NodeLabels[]::new);
        Set<String> blocks = new LinkedHashSet<>();
        for (ItemNode node : nodes) {
            if (node.blockLabel().length() >= 4 && blocks.add(node.block().id() + "\n" + node.blockLabel())) {
                namedBlockCandidates.add(node);
            }
        }
        Map<Integer, List<Integer>> byLabel = new HashMap<>();
        for (int i = 0; i < namedBlockCandidates.size(); i++) {
            byLabel.computeIfAbsent(labels.id(namedBlockCandidates.get(i).blockLabel()), id -> new ArrayList<>()).add(i);
        }
        byLabel.forEach((id, indices) -> namedBlocksByLabel.put(id, indices.stream().mapToInt(i -> i).toArray()));
        sectionLabels.sort(Comparator.comparingInt(String::length).reversed());
        candidates = new NodeCandidates(nodes, Stream.of(labelIds).mapToInt(NodeLabels::label).toArray(), labels.size());
        for (ItemNode node : nodes) {
            companionNumbers.add(companionNumbers(node));
            for (String id : List.of(node.item().id().value(), node.block().id(), node.section().id())) {
                sectionById.putIfAbsent(id, node.section().id());
            }
            if (node.blockSize() > 1) {
                blocksByLabel.computeIfAbsent(node.blockLabel(), label -> new ArrayList<>()).add(node);
            }
        }
    }

    /**
     * The block numbers {@code k} for which {@code otherNumbering} under "section number k" lists the node's block
     * label: what {@link #score} looked up by that key per path, worked out once. A key's digits count only where
     * they are the decimal a path's number prints as (no leading zero), as the look-up by string required.
     */
    private Set<Integer> companionNumbers(ItemNode node) {
        String prefix = node.section().number() + " ";
        Set<Integer> numbers = new java.util.HashSet<>();
        otherNumbering.forEach((key, blockLabels) -> {
            String digits = key.startsWith(prefix) ? key.substring(prefix.length()) : "";
            if (!digits.isEmpty() && digits.length() <= 9 && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                    && String.valueOf(Integer.parseInt(digits)).equals(digits) && blockLabels.contains(node.blockLabel())) {
                numbers.add(Integer.parseInt(digits));
            }
        });
        return numbers.isEmpty() ? Set.of() : Set.copyOf(numbers);
    }

    /** The item the path names, or empty when it names no single item (see {@link #resolvePath}). */
    public Optional<ItemId> resolve(String itemPath) {
        return resolvePath(itemPath).item();
    }

    /** What the path names, on its own. */
    public PathResolution resolvePath(String itemPath) {
        return resolve(itemPath, null);
    }

    /**
     * The paths of an annex in order. A path that gives no section, block or entry of its own (style E, a bare label
     * such as "再発防止策の内容") takes the entries of the row before it, and its ties are broken towards that row's
     * section.
     */
    public List<PathResolution> resolveAll(List<String> itemPaths) {
        List<PathResolution> results = new ArrayList<>();
        Resolved resolved = new Resolved();
        PathResolution previous = null;
        for (String path : itemPaths) {
            PathResolution result = resolve(path, previous, resolved);
            results.add(result);
            previous = result.kind().resolved() ? result : previous;
        }
        return results;
    }

    /**
     * What one {@link #resolveAll} has worked out already: an annex repeats 項目 texts (one item changed on several
     * dates, "再発防止策の内容" after each file's row), and a path's resolution is a function of its text, the entries
     * it takes and the section of the row before ({@link Context}). Kept for one annex only, never across imports.
     */
    private static final class Resolved {
        private final Map<String, ParsedPath> parsed = new HashMap<>();
        private final Map<Context, PathResolution> resolutions = new HashMap<>();
    }

    /** Everything a resolution depends on besides the form: the text, the entries in force, the section before. */
    private record Context(String itemPath, List<PathEntry> entries, String previousSection) {
    }

    private PathResolution resolve(String itemPath, PathResolution previous) {
        return resolve(itemPath, previous, null);
    }

    /** @param resolved what this annex has resolved so far, or null when the path is resolved alone */
    private PathResolution resolve(String itemPath, PathResolution previous, Resolved resolved) {
        if (itemPath == null || itemPath.isBlank()) {
            return PathResolution.unresolved(List.of(), List.of(), "empty path");
        }
        ParsedPath path = resolved == null ? parse(itemPath)
                : resolved.parsed.computeIfAbsent(itemPath, this::parse);
        List<PathEntry> entries = path.entries();
        boolean bare = path.section() == null && !path.lostSection() && path.block() == null && entries.isEmpty()
                && path.annex() == null;
        String previousSection = null;
        if (bare && previous != null) {
            entries = previous.entries();
            previousSection = sectionOf(previous.targetId());
        }
        if (resolved == null) {
            return resolve(path, entries, previousSection);
        }
        Context context = new Context(itemPath, entries, previousSection);
        PathResolution known = resolved.resolutions.get(context);
        if (known == null) {
            known = resolve(path, entries, previousSection);
            resolved.resolutions.put(context, known);
        }
        return known;
    }

    private ParsedPath parse(String itemPath) {
        return ParsedPath.parse(itemPath, groupLabels, fileGroup, sectionLabels);
    }

    /**
     * For {@code NodeCandidatesTest}: the nodes the form's maps find for the path ({@link NodeCandidates#byLabel},
     * {@link NodeCandidates#withoutLabel}), then the nodes that {@link LabelMatch#possible} and
     * {@link #scoredWithoutLabel} admit when every node is tested; each list ascending.
     */
    List<int[]> candidatesAndEveryNodeTested(String itemPath) {
        ParsedPath path = parse(itemPath);
        LabelSimilarity.Text compact = new LabelSimilarity.Text(path.compact(), labels);
        int[] possible = java.util.stream.IntStream.range(0, nodes.size())
                .filter(i -> LabelMatch.possible(nodes.get(i).label(), labelIds[i].label(), path, compact)).toArray();
        int[] withoutLabel = java.util.stream.IntStream.range(0, nodes.size())
                .filter(i -> scoredWithoutLabel(nodes.get(i), path)).toArray();
        return List.of(candidates.byLabel(path, compact), candidates.withoutLabel(path), possible, withoutLabel);
    }

    /** What the parsed path names, given the entries in force and the section of the row before (or null). */
    private PathResolution resolve(ParsedPath path, List<PathEntry> entries, String previousSection) {
        if (path.wholeDocument()) {
            return new PathResolution(PathTargetKind.DOCUMENT, "document", entries, 1.0, List.of(), "");
        }
        if (path.compact().isEmpty() && path.section() == null && path.block() == null && entries.isEmpty()
                && path.annex() == null && path.item() == null) {
            return PathResolution.unresolved(List.of(), List.of(), "the path names nothing of the form");
        }
        LabelSimilarity.Text compact = new LabelSimilarity.Text(path.compact(), labels);
        Set<String> namedBlocks = namedBlocks(compact);
        // First the items whose label the path may spell. Once one of them is scored with a label of 0.8 or more,
        // preferLabels drops every item scored on numbers alone (label similarity 0), and an item whose label the
        // path cannot spell has similarity 0 (LabelMatch.possible): the items scored only for being alone in their
        // block or for the item number are then not scored at all.
        // Only the nodes the form's maps find can pass either test (NodeCandidates), each list in form order.
        Scored[] byNode = new Scored[nodes.size()];
        boolean labelled = false;
        for (int i : candidates.byLabel(path, compact)) {
            if (LabelMatch.possible(nodes.get(i).label(), labelIds[i].label(), path, compact)) {
                byNode[i] = score(i, path, compact, previousSection, namedBlocks);
                labelled |= byNode[i] != null && byNode[i].label().similarity() >= 0.8;
            }
        }
        if (!labelled) {
            for (int i : candidates.withoutLabel(path)) {
                if (byNode[i] == null && scoredWithoutLabel(nodes.get(i), path)
                        && !LabelMatch.possible(nodes.get(i).label(), labelIds[i].label(), path, compact)) {
                    byNode[i] = score(i, path, compact, previousSection, namedBlocks);
                }
            }
        }
        List<Scored> scored = new ArrayList<>();
        for (Scored score : byNode) {
            if (score != null) {
                scored.add(score);
            }
        }
        scored = preferLabels(scored);
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        Optional<ItemNode> block = blockNamedExactly(path, scored);
        if (block.isPresent()) {
            return new PathResolution(PathTargetKind.BLOCK, block.get().block().id(), entries, 0.8, List.of(), "");
        }
        if (!scored.isEmpty()) {
            return chooseItem(scored, entries, path);
        }
        return structure(path, compact, entries);
    }

    /**
     * The blocks whose label the path names (block score 0.85 · 1.5 or more). The score depends on the block label
     * only, and cannot reach that where the label's bigram bound ({@link LabelSimilarity.Text#withinBound}) is below
     * 0.85 — always so for an indexed label (4 characters or more) that shares no bigram with the path: only the
     * labels the path touches, and any not indexed, are looked at.
     */
    private Set<String> namedBlocks(LabelSimilarity.Text compact) {
        Set<String> named = new HashSet<>();
        for (int id : compact.touched()) {
            for (int i : namedBlocksByLabel.getOrDefault(id, NO_NODES)) {
                ItemNode node = namedBlockCandidates.get(i);
                if (1.5 * compact.withinBound(id, node.blockLabel()) >= 1.5 * 0.85
                        && blockScore(node, id, compact) >= 1.5 * 0.85) {
                    named.add(node.block().id());
                }
            }
        }
        for (int i : namedBlocksByLabel.getOrDefault(-1, NO_NODES)) {
            ItemNode node = namedBlockCandidates.get(i);
            if (blockScore(node, -1, compact) >= 1.5 * 0.85) {
                named.add(node.block().id());
            }
        }
        return named;
    }

    /**
     * A path whose words are exactly the label of a block of several items ("Ⅳ 8 人手を介在させる作業"), where no
     * item's label is spelled whole at its end: the block, not the item whose label merely starts or ends alike
     * (人手を介在させる作業はない).
     */
    private Optional<ItemNode> blockNamedExactly(ParsedPath path, List<Scored> scored) {
        if (path.compact().isEmpty() || scored.stream().anyMatch(s -> s.label().atEnd() && s.label().similarity() == 1.0)) {
            return Optional.empty();
        }
        List<ItemNode> blocks = blocksByLabel.getOrDefault(path.compact(), List.of()).stream()
                .filter(n -> path.block() == null || n.numberMatches(path.block()))
                .filter(n -> path.section() == null || path.section().equals(n.section().number()))
                .filter(n -> path.entries().stream().allMatch(e -> n.chain().contains(e.group())))
                .map(n -> n.block().id()).distinct()
                .map(id -> nodes.stream().filter(n -> n.block().id().equals(id)).findFirst().orElseThrow()).toList();
        return blocks.size() == 1 ? Optional.of(blocks.get(0)) : Optional.empty();
    }

    /**
     * The label outweighs numbers: when some item's label is spelled in the path, items found by numbers alone drop
     * out, and so does a label that is only the tail of a longer label also spelled there (部署 in 事務担当部署).
     */
    private static List<Scored> preferLabels(List<Scored> scored) {
        boolean labelled = scored.stream().anyMatch(s -> s.label().similarity() >= 0.8);
        List<String> exact = scored.stream().filter(s -> s.label().atEnd() && s.label().similarity() == 1.0)
                .map(s -> s.node().label()).toList();
        List<Scored> kept = new ArrayList<>();
        for (Scored s : scored) {
            String label = s.node().label();
            boolean numbersOnly = s.label().similarity() < (exact.isEmpty() ? 0.01 : 0.8);
            boolean tailOfLonger = s.label().atEnd() && exact.stream()
                    .anyMatch(other -> other.length() > label.length() && other.endsWith(label));
            if (!(labelled && numbersOnly) && !tailOfLonger) {
                kept.add(s);
            }
        }
        return kept;
    }

    private PathResolution chooseItem(List<Scored> scored, List<PathEntry> entries, ParsedPath path) {
        Scored best = scored.get(0);
        List<PathCandidate> close = new ArrayList<>();
        List<Scored> tied = new ArrayList<>();
        for (Scored s : scored) {
            if (best.score() - s.score() < TIE && close.size() < 6) {
                close.add(s.candidate());
                tied.add(s);
            }
        }
        Optional<Scored> numbered = numberedFirst(path, tied);
        if (numbered.isPresent()) {
            // The number is printed before the first of them, but nothing in the form data proves the others are
            // details of it: report all, the first one first, and never guess (issue: "it never guesses silently").
            Scored first = numbered.get();
            List<PathCandidate> firstFirst = Stream.concat(Stream.of(first), tied.stream().filter(s -> s != first))
                    .map(Scored::candidate).toList();
            return new PathResolution(PathTargetKind.AMBIGUOUS, null, entries, 0, firstFirst,
                    firstFirst.size() + " items share number " + first.node().item().number());
        } else if (close.size() > 1) {
            return new PathResolution(PathTargetKind.AMBIGUOUS, null, entries, 0, close,
                    close.size() + " items fit equally well");
        }
        Scored chosen = best;
        List<PathCandidate> shown = Stream.concat(Stream.of(chosen),
                scored.stream().filter(s -> s != chosen)).limit(3).map(Scored::candidate).toList();
        return new PathResolution(PathTargetKind.ITEM, best.node().item().id().value(), entries, best.confidence(),
                shown, "");
    }

    /**
     * "III 7 ②": a path of numbers only whose tied items all carry that same number (the question ② and the
     * その内容 / 再発防止策の内容 printed under it without a number of their own): the first of them, the one the
     * number is printed before, to be listed first among the candidates of an AMBIGUOUS answer. Empty when the path
     * has words, or the tied items differ in number.
     */
    private Optional<Scored> numberedFirst(ParsedPath path, List<Scored> tied) {
        if (tied.size() < 2 || !path.compact().isEmpty() || path.item() == null) {
            return Optional.empty();
        }
        String number = tied.get(0).node().item().number();
        if (tied.stream().anyMatch(s -> !s.node().item().number().equals(number) || s.node().block() != tied.get(0).node().block())) {
            return Optional.empty();
        }
        return tied.stream().min(Comparator.comparingInt(Scored::index));
    }

    /** No item fits: the entry, block or section the path names, if it names one. */
    private PathResolution structure(ParsedPath path, LabelSimilarity.Text compact, List<PathEntry> entries) {
        Optional<PathEntry> entry = entries.stream().filter(e -> !e.group().equals(fileGroup)).reduce((a, b) -> b);
        if (entry.isPresent()) {
            String block = nodes.stream().filter(n -> entry.get().group().equals(n.block().repeat()))
                    .map(n -> n.block().id()).findFirst().orElse(null);
            return new PathResolution(PathTargetKind.ENTRY, block, entries, 0.9, List.of(), "");
        }
        Map<String, Double> blocks = new LinkedHashMap<>();
        Map<String, Double> sections = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            ItemNode node = nodes.get(i);
            double section = sectionScore(node, labelIds[i], path, compact);
            sections.merge(node.section().id(), section, Math::max);
            double block = blockScore(node, labelIds[i].block(), compact);
            boolean numbered = path.block() != null && node.numberMatches(path.block()) && path.section() != null
                    && path.section().equals(node.section().number());
            if (numbered) {
                block = Math.max(block, 1.5);
            }
            if (block >= 1.1 && (path.block() == null || node.numberMatches(path.block()))) {
                blocks.merge(node.block().id(), block + section, Math::max);
            }
        }
        Optional<Map.Entry<String, Double>> bestBlock = best(blocks);
        if (bestBlock.isPresent() && bestBlock.get().getValue() >= 2.0) {
            List<String> tied = tied(blocks, bestBlock.get().getValue());
            if (tied.size() == 1) {
                return new PathResolution(PathTargetKind.BLOCK, tied.get(0), entries, 0.8, List.of(), "");
            }
            return new PathResolution(PathTargetKind.AMBIGUOUS, null, entries, 0,
                    tied.stream().map(id -> new PathCandidate(id, bestBlock.get().getValue(), "block")).toList(),
                    tied.size() + " blocks fit equally well");
        }
        boolean fileEntry = entries.stream().anyMatch(e -> e.group().equals(fileGroup));
        Optional<Map.Entry<String, Double>> bestSection = best(sections);
        if (bestSection.isPresent() && bestSection.get().getValue() >= 1.0
                && tied(sections, bestSection.get().getValue()).size() == 1
                && (path.compact().isEmpty() || sectionLabelOnly(bestSection.get().getKey(), path))) {
            PathTargetKind kind = fileEntry ? PathTargetKind.ENTRY : PathTargetKind.SECTION;
            return new PathResolution(kind, bestSection.get().getKey(), entries, 0.8, List.of(), "");
        }
        String note = path.annex() != null ? "the form has no annex " + path.annex() + " of that name"
                : "no item, block or section of the form fits";
        return PathResolution.unresolved(entries, numbered(path), note);
    }

    /** For a path with no usable label: the items its item number (and section/block number, if any) point to. */
    private List<PathCandidate> numbered(ParsedPath path) {
        if (path.item() == null) {
            return List.of();
        }
        return nodes.stream().filter(n -> path.item().equals(n.circled()))
                .filter(n -> path.section() == null || path.section().equals(n.section().number()))
                .filter(n -> path.block() == null || n.numberMatches(path.block())).limit(6)
                .map(n -> new PathCandidate(n.item().id().value(), 0, "number " + n.item().number())).toList();
    }

    private boolean sectionLabelOnly(String sectionId, ParsedPath path) {
        return nodes.stream().filter(n -> n.section().id().equals(sectionId)).findFirst()
                .map(n -> !n.sectionLabel().isEmpty() && LabelSimilarity.dice(n.sectionLabel(), path.compact()) >= 0.8)
                .orElse(false);
    }

    private static Optional<Map.Entry<String, Double>> best(Map<String, Double> scores) {
        return scores.entrySet().stream().max(Map.Entry.comparingByValue());
    }

    private static List<String> tied(Map<String, Double> scores, double best) {
        return scores.entrySet().stream().filter(e -> best - e.getValue() < TIE).map(Map.Entry::getKey).toList();
    }

    private String sectionOf(String targetId) {
        if (targetId == null) {
            return null;
        }
        return sectionById.get(targetId);
    }

    /**
     * Whether {@link #score} can score an item whose label the path cannot spell ({@link LabelMatch#possible}): only
     * as the one item of its block or by its item number (see the end of {@code score}); every other such item would
     * be null. Most items of a form are ruled out for a given path.
     */
    private static boolean scoredWithoutLabel(ItemNode node, ParsedPath path) {
        return node.blockSize() == 1 || path.item() != null && path.item().equals(node.circled());
    }

    /** The score of the node with this index for the path, or null when nothing but context speaks for it. */
    private Scored score(int index, ParsedPath path, LabelSimilarity.Text compact, String previousSection,
                         Set<String> namedBlocks) {
        ItemNode node = nodes.get(index);
        NodeLabels ids = labelIds[index];
        if (path.annex() != null && !node.inAnnex(path.annex())) {
            return null;
        }
        int evidence = 0;                                   // what speaks for or against it (Evidence), for why()
        LabelMatch match = LabelMatch.of(node.label(), ids.label(), path, compact, headings);
        double label = match.similarity();
        double score = match.score(node.label());
        int contradictions = 0;
        boolean groupMatched = false;
        for (PathEntry entry : path.entries()) {
            if (entry.group().equals(fileGroup)) {
                score += node.chain().contains(fileGroup) ? 0.3 : -0.5;
            } else if (node.chain().contains(entry.group())) {
                score += 2;
                groupMatched = true;
            } else {
                return null;
            }
        }
        double section = sectionScore(node, ids, path, compact);
        score += section;
        if (section < 0) {
            contradictions++;
            evidence |= Evidence.OTHER_SECTION;
        }
        double block = blockScore(node, ids.block(), compact);
        if (!node.label().equals(node.blockLabel())) {
            score += block;
        }
        if (!namedBlocks.isEmpty() && !namedBlocks.contains(node.block().id())) {
            score -= 1;
            evidence |= Evidence.OTHER_BLOCK_NAMED;
        }
        boolean blockNumberMatched = path.block() != null && node.numberMatches(path.block());
        if (path.block() != null && node.blockNumber() != null) {
            if (blockNumberMatched) {
                score += 1.5;
                evidence |= Evidence.BLOCK_NUMBER;
            } else if (namedBlocks.isEmpty() && companionNumbers.get(index).contains(path.block())) {
                score += 1.2;
                evidence |= Evidence.COMPANION_BLOCK_NUMBER;
            } else {
                score -= 1;
                contradictions++;
                evidence |= Evidence.OTHER_BLOCK_NUMBER;
            }
        }
        boolean itemNumberMatched = false;
        if (path.item() != null) {
            if (path.item().equals(node.circled())) {
                score += 1.5;
                itemNumberMatched = true;
                evidence |= Evidence.ITEM_NUMBER;
            } else if (node.circled() != null) {
                score -= 1.5;
                contradictions++;
                evidence |= Evidence.OTHER_ITEM_NUMBER;
            } else {
                score -= 0.5;
            }
        } else if (node.circled() != null) {
            score -= 0.3;
        }
        if (path.risk() != null && node.risk() != null) {
            score += path.risk().equals(node.risk()) ? 1 : -1;
        }
        int before = Math.max(0, path.compact().length() - node.label().length());
        if (afterContext(node, ids, compact, before)) {
            score += 1;
            evidence |= Evidence.AFTER_CONTEXT;
        }
        if (previousSection != null && previousSection.equals(node.section().id())) {
            score += 0.8;
            evidence |= Evidence.ROW_BEFORE;
        }
        boolean singleBlock = node.blockSize() == 1 && (blockNumberMatched && section >= 0 || block >= 1.5);
        boolean numbers = itemNumberMatched && (blockNumberMatched || groupMatched);
        if (label == 0 && !singleBlock && !numbers || score < MINIMUM) {
            return null;
        }
        double confidence = Math.max(0.1, Math.min(1.0, (label > 0 ? 0.5 + 0.5 * label : 0.6)
                - 0.1 * contradictions));
        return new Scored(node, index, match, score, confidence, path, evidence);
    }

    /**
     * The evidence of a {@link Scored} as flags, turned into words only for the candidates a resolution shows
     * ({@link Scored#candidate}): most scored items are dropped, and their words were most of scoring's allocation.
     */
    private static final class Evidence {
        static final int OTHER_SECTION = 1;
        static final int OTHER_BLOCK_NAMED = 1 << 1;
        static final int BLOCK_NUMBER = 1 << 2;
        static final int COMPANION_BLOCK_NUMBER = 1 << 3;
        static final int OTHER_BLOCK_NUMBER = 1 << 4;
        static final int ITEM_NUMBER = 1 << 5;
        static final int OTHER_ITEM_NUMBER = 1 << 6;
        static final int AFTER_CONTEXT = 1 << 7;
        static final int ROW_BEFORE = 1 << 8;

        private Evidence() {
        }

        /** The words for the evidence, in the order scoring finds it. */
        static String why(ItemNode node, LabelMatch match, ParsedPath path, int evidence, String fileGroup) {
            List<String> why = new ArrayList<>();
            double label = match.similarity();
            if (label > 0) {
                why.add((label == 1.0 ? "label " : "label ~" + Math.round(label * 100) + "% ") + node.item().label()
                        + (match.atEnd() ? "" : " (inside the path)"));
            }
            for (PathEntry entry : path.entries()) {        // scored at all: every entry not of files is its group's
                if (!entry.group().equals(fileGroup)) {
                    why.add("in " + entry.group());
                }
            }
            if ((evidence & OTHER_SECTION) != 0) {
                why.add("section " + path.section() + " ≠ " + node.section().number());
            }
            if ((evidence & OTHER_BLOCK_NAMED) != 0) {
                why.add("the path names another block");
            }
            if ((evidence & BLOCK_NUMBER) != 0) {
                why.add("block " + path.block());
            } else if ((evidence & COMPANION_BLOCK_NUMBER) != 0) {
                why.add("block " + path.block() + " as a companion form numbers it");
            } else if ((evidence & OTHER_BLOCK_NUMBER) != 0) {
                why.add("block " + path.block() + " ≠ " + node.blockNumber());
            }
            if ((evidence & ITEM_NUMBER) != 0) {
                why.add("number " + path.item());
            } else if ((evidence & OTHER_ITEM_NUMBER) != 0) {
                why.add("number " + path.item() + " ≠ " + node.circled());
            }
            if ((evidence & AFTER_CONTEXT) != 0) {
                why.add("after " + String.join("/", node.context()));
            }
            if ((evidence & ROW_BEFORE) != 0) {
                why.add("as the row before");
            }
            return String.join("; ", why);
        }
    }

    /** Whether the path before the item's label spells its heading or the item before it (80 % at least). */
    private static boolean afterContext(ItemNode node, NodeLabels ids, LabelSimilarity.Text compact, int before) {
        int i = 0;
        for (String context : node.context()) {
            if (compact.prefixWithin(before, ids.context()[i++], context, 0.8)) {
                return true;
            }
        }
        return false;
    }

    private static double sectionScore(ItemNode node, NodeLabels ids, ParsedPath path, LabelSimilarity.Text compact) {
        double score = 0;
        String number = node.section().number();
        if (path.annex() != null) {
            score += node.inAnnex(path.annex()) ? 2 : -2;
        } else if (path.section() != null && !number.isEmpty()) {
            score += number.equals(path.section()) ? 1 : -1;
        }
        if (!node.sectionLabel().isEmpty() && compact.within(ids.section(), node.sectionLabel()) >= 0.85) {
            score += 1;
        }
        return score;
    }

    /** @param blockLabelId the id of the node's block label in the index of {@code compact}, or -1 */
    private static double blockScore(ItemNode node, int blockLabelId, LabelSimilarity.Text compact) {
        if (node.blockLabel().isEmpty()) {
            return 0;
        }
        double within = compact.within(blockLabelId, node.blockLabel());
        return within >= 0.75 ? 1.5 * within : 0;
    }

    /**
     * The ids of a node's labels in {@link #labels} ({@link LabelSimilarity.Labels#id}, -1 when not indexed): its
     * label, block label, section label and context labels (in the order of {@link ItemNode#context}).
     */
    private record NodeLabels(int label, int block, int section, int[] context) {
    }

    /** A node scored for a path; the words of its evidence are made only when it is shown ({@link #candidate}). */
    private final class Scored {
        private final ItemNode node;
        private final int index;
        private final LabelMatch label;
        private final double score;
        private final double confidence;
        private final ParsedPath path;
        private final int evidence;
        private PathCandidate candidate;

        Scored(ItemNode node, int index, LabelMatch label, double score, double confidence, ParsedPath path,
               int evidence) {
            this.node = node;
            this.index = index;
            this.label = label;
            this.score = score;
            this.confidence = confidence;
            this.path = path;
            this.evidence = evidence;
        }

        ItemNode node() {
            return node;
        }

        int index() {
            return index;
        }

        LabelMatch label() {
            return label;
        }

        double score() {
            return score;
        }

        double confidence() {
            return confidence;
        }

        PathCandidate candidate() {
            if (candidate == null) {
                candidate = new PathCandidate(node.item().id().value(), Math.round(score * 100) / 100.0,
                        Evidence.why(node, label, path, evidence, fileGroup));
            }
            return candidate;
        }
    }
}
