package jp.hyoka.domain.importing.annex;

import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.Section;
import jp.hyoka.domain.importing.ExportDecoding;
import jp.hyoka.domain.testing.FormFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every resolution of the path resolver stays what it was (kind, target, entries, confidence, every candidate with
 * its score and evidence, the note) while it is made cheaper: a SHA-256 per form of what it makes of many paths,
 * pinned before the speed-ups of 2026-12-07 (seventh pass). The paths: every 項目 of the samples' and the published
 * test documents' annexes, every text of {@link ItemPathResolverTest}'s per-style tables, and 2,000 paths made from
 * the form's own sections, blocks, entries, numbers and labels (right or wrong numbers, cut, misspelt or quoted
 * labels, markup, full-width text), each resolved alone and in order (a bare label takes the row before's context),
 * against every form revision with and without the 基礎 form as companion numbering. On a failure the test prints the
 * new digests; a change that means to resolve differently updates them and says why. BASIC_ITEMS@2024 was pinned
 * again when the 2024 基礎 form lost Ⅳ 8's 判断の根拠 (session 11): the resolver of before the speed-ups gives the
 * same new digest on that form.
 */
class PathResolutionsDigestTest {

    private static final Map<String, String> PINNED = Map.ofEntries(
            Map.entry("ALL_ITEMS@2024", "038bc63ae9abf4d64f5881dfbee977ac8bb97c8029f2ae4b8325dc099ecab929"),
            Map.entry("ALL_ITEMS@2024 with 基礎", "d158b73b2499506e8a56975b6f21ad2c347948e579276b513499f86af09fbd73"),
            Map.entry("ALL_ITEMS@2025", "aa5ca5adf1c4533fd586907e23e99f88140bf4c2641df410aa3cbaeb6f259af0"),
            Map.entry("ALL_ITEMS@2025 with 基礎", "d54cbb1d778b372b439f0ea0d6c86569f91fc8589fe2712d07ae84980dd8c47a"),
            Map.entry("BASIC_ITEMS@2024", "356dbae9aa6cebcf81f8b1f6e12d9773a52fcfc82b4cfdd9e602ba3704f7f1c3"),
            Map.entry("BASIC_ITEMS@2024 with 基礎", "356dbae9aa6cebcf81f8b1f6e12d9773a52fcfc82b4cfdd9e602ba3704f7f1c3"),
            Map.entry("BASIC_ITEMS@2025", "fc983efa8780478929f015e35a39813d23ed62b4b1ccb22256644a48b1a6c0e7"),
            Map.entry("BASIC_ITEMS@2025 with 基礎", "fc983efa8780478929f015e35a39813d23ed62b4b1ccb22256644a48b1a6c0e7"),
            Map.entry("KEY_ITEMS@2024", "b804868b85b9ba2cdec82be10d140c3d2950847b9224bf5ae5a60256494b2bf2"),
            Map.entry("KEY_ITEMS@2024 with 基礎", "27d86beb152ddcd587ce6dc8ac27ccbabcf1df21cb79f8e65fe8173d6841d2a8"),
            Map.entry("KEY_ITEMS@2025", "f73977da662aa780307f042ce72a1f6768368386579eff83d62cc5a5486bdf86"),
            Map.entry("KEY_ITEMS@2025 with 基礎", "c7cac51b8241499ab39d92d36a56c1247178ef5c45089e3f31183617383c508c"));

    @Test
    void givenManyPaths_whenResolvedByEveryForm_thenEveryResolutionIsAsPinned() {
        Map<PathTargetKind, Integer> kinds = new java.util.EnumMap<>(PathTargetKind.class);
        Map<String, String> digests = digests(kinds);
        digests.forEach((form, digest) -> System.out.println("        Map.entry(\"" + form + "\", \"" + digest + "\"),"));
        System.out.println("kinds of the paths resolved in order: " + kinds);

        assertThat(kinds).as("every kind of answer is exercised").containsOnlyKeys(PathTargetKind.values())
                .allSatisfy((kind, count) -> assertThat(count).as("%s", kind).isGreaterThan(20));
        assertThat(digests).isEqualTo(PINNED);
    }

    /** By form: the SHA-256 of every resolution of the paths; {@code kinds} counts the kinds resolved in order. */
    static Map<String, String> digests(Map<PathTargetKind, Integer> kinds) {
        List<String> fixed = fixedPaths();
        assertThat(fixed).hasSizeGreaterThan(500);
        FormDefinition basic = FormFiles.of(FormKind.BASIC_ITEMS, "2025");
        Map<String, String> digests = new LinkedHashMap<>();
        for (FormDefinition form : FormFiles.all()) {
            List<String> paths = new ArrayList<>(fixed);
            paths.addAll(madePaths(form, new Random(form.ref().toString().hashCode()), 2_000));
            for (boolean companion : new boolean[]{false, true}) {
                ItemPathResolver resolver = companion ? new ItemPathResolver(form, List.of(basic))
                        : new ItemPathResolver(form);
                StringBuilder resolved = new StringBuilder();
                for (PathResolution resolution : resolver.resolveAll(paths)) {
                    resolved.append(resolution).append('\n');
                    kinds.merge(resolution.kind(), 1, Integer::sum);
                }
                paths.forEach(path -> resolved.append(resolver.resolvePath(path)).append('\n'));
                digests.put(form.ref() + (companion ? " with 基礎" : ""), sha256(resolved.toString()));
            }
        }
        return digests;
    }

    /** The samples' and published documents' 項目 paths in annex order, then every text of the style tables. */
    static List<String> fixedPaths() {
        List<String> paths = new ArrayList<>();
        for (String sample : List.of("000", "001", "003", "004")) {
            Samples.annex(sample).rows().forEach(row -> paths.add(row.itemPath()));
        }
        for (String name : List.of("basic-items-asahikawa-child-support.txt", "key-items-funabashi-child-allowance.txt",
                "all-items-okayama-resident-register.txt", "basic-items-tsuruoka-disaster-condolence.txt")) {
            ChangeAnnexParser.parse(ExportDecoding.decode(published(name)).lines()).rows()
                    .forEach(row -> paths.add(row.itemPath()));
        }
        List<Method> tables = new ArrayList<>(List.of(ItemPathResolverTest.class.getDeclaredMethods()));
        tables.sort(java.util.Comparator.comparing(Method::getName));   // the JVM lists methods in no set order
        for (Method method : tables) {
            CsvSource table = method.getAnnotation(CsvSource.class);
            if (table == null) {
                continue;
            }
            for (String row : table.value()) {
                for (String cell : row.split(java.util.regex.Pattern.quote(String.valueOf(table.delimiter())))) {
                    paths.add(cell.strip());
                }
            }
        }
        return paths;
    }

    private static byte[] published(String name) {
        try (InputStream in = PathResolutionsDigestTest.class.getResourceAsStream("/published/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ"};
    private static final String[] SEPARATORS = {" ", "", "-", "－", " ー ", "　", "・"};
    private static final String[] NOISE = {"(記述の追加)", "(追加)", "リスク1:", "リスク2: ", "その内容", "(別添1)",
        "全体", "<p>", "</p>", "<br>", "~", "(1. 住民基本台帳ファイル)", "2. 宛名管理ファイル", "※", "「", "」"};

    /** Paths made of the form's own pieces, as authors write them and get them wrong. */
    static List<String> madePaths(FormDefinition form, Random random, int count) {
        List<Section> sections = form.sections();
        List<String> paths = new ArrayList<>();
        while (paths.size() < count) {
            Section section = sections.get(random.nextInt(sections.size()));
            if (section.blocks().isEmpty()) {
                continue;
            }
            Block block = section.blocks().get(random.nextInt(section.blocks().size()));
            if (block.items().isEmpty()) {
                continue;
            }
            Item item = block.items().get(random.nextInt(block.items().size()));
            StringBuilder path = new StringBuilder();
            int style = random.nextInt(10);
            if (style < 7) {                                    // the section: numeral, title, both, or lost
                if (random.nextInt(4) > 0) {
                    path.append(random.nextInt(6) == 0 ? ROMAN[random.nextInt(ROMAN.length)] : section.number());
                    path.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
                } else if (random.nextBoolean()) {
                    path.append("- ");
                }
                if (random.nextBoolean()) {
                    path.append(section.label()).append(random.nextBoolean() ? " " : "");
                }
            }
            if (style < 8) {                                    // the block: its number and maybe its title
                String number = block.number().replaceAll("\\D", "");
                if (random.nextInt(6) == 0 || number.isEmpty()) {
                    number = String.valueOf(1 + random.nextInt(9));
                }
                path.append(number).append(random.nextBoolean() ? ". " : SEPARATORS[random.nextInt(SEPARATORS.length)]);
                if (random.nextBoolean()) {
                    path.append(block.label()).append(' ');
                }
            }
            if (item.repeatGroup() != null && random.nextBoolean()) {   // an entry of its group, or another group's
                List<RepeatGroup> groups = form.repeatGroups();
                RepeatGroup group = random.nextInt(4) == 0 ? groups.get(random.nextInt(groups.size()))
                        : form.repeatGroups().stream().filter(g -> g.id().equals(item.repeatGroup())).findFirst()
                        .orElse(groups.get(0));
                if (group.label().equals("特定個人情報ファイル")) {
                    path.append(random.nextBoolean() ? "(" + (1 + random.nextInt(6)) + ". 収納管理ファイル) "
                            : (1 + random.nextInt(6)) + ". 資格管理ファイル ");
                } else {
                    path.append(group.label()).append(1 + random.nextInt(9))
                            .append(random.nextInt(5) == 0 ? "~" + (2 + random.nextInt(9)) : "").append(' ');
                }
            }
            if (random.nextInt(3) > 0 && !item.number().isEmpty()) {      // the item's number, or a wrong one
                path.append(random.nextInt(5) == 0 ? String.valueOf((char) (0x2460 + random.nextInt(12)))
                        : random.nextInt(5) == 0 ? "(" + (1 + random.nextInt(9)) + ")" : item.number());
            }
            if (item.heading() != null && random.nextInt(4) == 0) {
                path.append(item.heading()).append(' ');
            }
            path.append(label(item.label(), random));
            if (random.nextInt(8) == 0) {
                path.insert(random.nextInt(path.length() + 1), NOISE[random.nextInt(NOISE.length)]);
            }
            String made = path.toString();
            if (random.nextInt(10) == 0) {                      // full-width digits and letters, as some exports
                StringBuilder wide = new StringBuilder();
                made.chars().forEach(c -> wide.append((char) (c >= '!' && c <= '~' ? c - '!' + '！' : c)));
                made = wide.toString();
            }
            paths.add(made);
        }
        return paths;
    }

    /** The label as written, cut at either end, misspelt in one character, quoted, or another item's. */
    private static String label(String label, Random random) {
        int kind = random.nextInt(8);
        if (label.length() < 3 || kind < 3) {
            return label;
        }
        return switch (kind) {
            case 3 -> label.substring(random.nextInt(label.length() / 2));
            case 4 -> label.substring(0, label.length() - random.nextInt(label.length() / 2));
            case 5 -> {
                int at = random.nextInt(label.length());
                yield label.substring(0, at) + "情報".charAt(random.nextInt(2)) + label.substring(at + 1);
            }
            case 6 -> "「" + label + "」の記載";
            default -> label + "等";
        };
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
