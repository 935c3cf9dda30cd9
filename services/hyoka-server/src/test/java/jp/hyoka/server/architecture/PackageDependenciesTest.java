package jp.hyoka.server.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's layout stays true (README, "The server by feature"): the kernel names no feature, no package uses a
 * layer above its own, and no two packages depend on each other, directly or round a longer cycle. A package is
 * {@code jp.hyoka.server.<name>} with its sub-packages; a dependency is any mention of another package's name in a
 * main source file (imports, fully qualified names, javadoc links), so a rule broken in a comment fails too.
 */
class PackageDependenciesTest {

    /** What every feature uses and none owns. */
    static final Set<String> KERNEL = Set.of("graphql", "security", "database", "axon", "availability", "observability");

    /**
     * The layers below the features, lowest first: kernel, form catalogue, the assessment host. Any other package is
     * a feature (layer 3), except the application's demo data (4). A package may use its own layer and those below.
     */
    static final Map<String, Integer> LAYER = Map.of(
            "graphql", 0, "security", 0, "database", 0, "axon", 0, "availability", 0, "observability", 0,
            "forms", 1, "assessment", 2, "demo", 4);

    /**
     * Dependencies that break the rules and are still to be removed (the layout moves in steps, each green). The
     * list only shrinks: an entry that no longer occurs fails
     * {@link #givenTheFrozenExceptions_whenLooked_thenEachStillOccurs}.
     */
    static final Set<String> FROZEN = Set.of();

    private static final Path SOURCES = Path.of("src/main/java/jp/hyoka/server");
    private static final Pattern MENTION = Pattern.compile("jp\\.hyoka\\.server\\.([a-z][a-z0-9]*)");

    @Test
    void givenTheKernel_whenItsSourcesAreRead_thenTheyNameNoFeature() {
        List<String> violations = new ArrayList<>();
        dependencies().forEach((from, targets) -> {
            if (KERNEL.contains(from)) {
                targets.stream().filter(to -> !KERNEL.contains(to)).forEach(to -> violations.add(from + " -> " + to));
            }
        });

        assertThat(violations).isEmpty();
    }

    @Test
    void givenTheLayers_whenEachPackagesSourcesAreRead_thenNoneUsesALayerAboveIt() {
        List<String> violations = new ArrayList<>();
        dependencies().forEach((from, targets) -> targets.stream()
                .filter(to -> layer(to) > layer(from))
                .forEach(to -> violations.add(from + " (layer " + layer(from) + ") -> " + to
                        + " (layer " + layer(to) + ")")));

        assertThat(violations).isEmpty();
    }

    private static int layer(String name) {
        return LAYER.getOrDefault(name, 3);
    }

    @Test
    void givenEveryPackage_whenTheirDependenciesAreFollowed_thenNoneLeadsBack() {
        Map<String, Set<String>> dependencies = dependencies();
        List<String> cycles = new ArrayList<>();
        for (String start : dependencies.keySet()) {
            List<String> path = cycleThrough(start, dependencies);
            if (!path.isEmpty() && path.get(0).equals(start) && isSmallestFirst(path)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            }
        }

        assertThat(cycles).isEmpty();
    }

    @Test
    void givenTheFrozenExceptions_whenLooked_thenEachStillOccurs() {
        Set<String> edges = new TreeSet<>();
        mentions().forEach((from, targets) -> targets.forEach(to -> edges.add(from + " -> " + to)));

        assertThat(edges).containsAll(FROZEN);
    }

    /** The shortest path from {@code start} back to itself, or empty. */
    private static List<String> cycleThrough(String start, Map<String, Set<String>> dependencies) {
        Map<String, String> cameFrom = new TreeMap<>();
        List<String> frontier = new ArrayList<>(List.of(start));
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String at : frontier) {
                for (String to : dependencies.getOrDefault(at, Set.of())) {
                    if (to.equals(start)) {
                        List<String> path = new ArrayList<>();
                        for (String step = at; step != null; step = cameFrom.get(step)) {
                            path.add(0, step);
                        }
                        return path;
                    }
                    if (!cameFrom.containsKey(to)) {
                        cameFrom.put(to, at);
                        next.add(to);
                    }
                }
            }
            frontier = next;
        }
        return List.of();
    }

    /** Reports each cycle once, from its alphabetically first package. */
    private static boolean isSmallestFirst(List<String> path) {
        return path.stream().allMatch(name -> name.compareTo(path.get(0)) >= 0);
    }

    /** Package → the other packages its main sources mention, less the frozen exceptions. */
    static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> dependencies = mentions();
        dependencies.forEach((from, targets) -> targets.removeIf(to -> FROZEN.contains(from + " -> " + to)));
        return dependencies;
    }

    private static Map<String, Set<String>> mentions() {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;   // the application class at the root starts everything and may name anything
                }
                String from = relative.getName(0).toString();
                Set<String> targets = dependencies.computeIfAbsent(from, name -> new TreeSet<>());
                Matcher mention = MENTION.matcher(Files.readString(file));
                while (mention.find()) {
                    if (!mention.group(1).equals(from)) {
                        targets.add(mention.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dependencies;
    }
}
