package org.ecgleadlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Test;

/**
 * The packages of lib form layers: a package may import the packages of lower layers only, never one of its own layer
 * or above. A package's layer is that of its first name below {@code org.ecgleadlab}, so sub-packages belong to their
 * parent's layer ({@code explain.ig} to explain's, {@code cli.options} to cli's) and a package may import its own
 * sub-packages and they it. Files outside the layers (the root package, the patched rapaio kernel class) import
 * nothing of lib. Only {@code import} lines are read. {@code docs/architecture.md} shows the same table.
 */
class LayeringTest {
    private static final String LIB_PACKAGE = "org.ecgleadlab";
    private static final Path MAIN_SOURCES = ProjectPaths.root().resolve("lib/src/main/java");
    /** The Spark path's own source root: compiled by Maven and scripts/spark.java, never by the other scripts. */
    private static final Path SPARK_SOURCES = ProjectPaths.root().resolve("lib/src/spark/java");
    private static final Path ARCHITECTURE_DOC = ProjectPaths.root().resolve("docs/architecture.md");

    /** Lowest first; index = layer number. Keep docs/architecture.md's "Layering" table the same. */
    static final List<List<String>> LAYERS = List.of(
            List.of("util"),
            List.of("data"),
            List.of("model", "metrics"),
            List.of("report"),
            List.of("train", "measure"),
            List.of("explain", "evaluate"),
            List.of("adapt"),
            List.of("subsets", "bench", "notebook"),
            List.of("cli"),
            List.of("spark"));

    private static final Pattern PACKAGE_LINE = Pattern.compile("^package\\s+([\\w.]+)\\s*;");
    private static final Pattern IMPORT_LINE = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;");
    private static final Pattern DOC_ROW = Pattern.compile("^\\|\\s*(\\d+)\\s*\\|([^|]+)\\|");

    @Test
    void noPackageImportsItsOwnLayerOrAbove() {
        List<String> violations = new ArrayList<>();
        for (Path root : List.of(MAIN_SOURCES, SPARK_SOURCES)) {
            for (Path source : sources(root)) {
                violations.addAll(violations(root.relativize(source).toString(), read(source)));
            }
        }
        assertTrue(violations.isEmpty(), "imports against the layering (docs/architecture.md, \"Layering\"):\n  "
                + String.join("\n  ", violations));
    }

    @Test
    void subPackagesBelongToTheirParentsLayer() {
        assertEquals(layerOf("org.ecgleadlab.explain"), layerOf("org.ecgleadlab.explain.ig"));
        assertEquals(layerOf("org.ecgleadlab.cli"), layerOf("org.ecgleadlab.cli.options"));
        assertEquals(layerOf("org.ecgleadlab.data"), layerOf("org.ecgleadlab.data.wfdb"));
        assertEquals(Optional.empty(), layerOf("org.ecgleadlab"));
        assertEquals(Optional.empty(), layerOf("org.rapaio.jupyter.kernel.channels"));
    }

    @Test
    void reportsUpwardSameLayerUnknownAndOutsideImports() {
        List<String> upward = violations("Foo.java", List.of("package org.ecgleadlab.data;",
                "import org.ecgleadlab.model.LgaEcg;", "import org.ecgleadlab.util.AtomicFiles;"));
        assertEquals(1, upward.size(), upward.toString());
        assertTrue(upward.get(0).contains("org.ecgleadlab.data (layer 1) imports org.ecgleadlab.model.LgaEcg (layer 2)"),
                upward.get(0));
        assertEquals(1, violations("Foo.java", List.of("package org.ecgleadlab.train;",
                "import static org.ecgleadlab.measure.Measure.QRS;")).size());
        assertEquals(List.of(), violations("Foo.java", List.of("package org.ecgleadlab.explain.ig;",
                "import org.ecgleadlab.explain.*;", "import org.ecgleadlab.data.synthetic.SyntheticDefaults;")));
        assertTrue(violations("Foo.java", List.of("package org.ecgleadlab.newthing;")).get(0)
                .contains("not in the layering table"));
        assertEquals(1, violations("Foo.java", List.of("package org.rapaio.x;", "import org.ecgleadlab.util.Verbosity;"))
                .size());
    }

    @Test
    void theArchitectureDocShowsTheSameLayers() throws IOException {
        Map<Integer, List<String>> documented = new LinkedHashMap<>();
        boolean inLayering = false;
        for (String line : Files.readAllLines(ARCHITECTURE_DOC)) {
            if (line.startsWith("## ")) {
                inLayering = line.startsWith("## Layering");
            }
            Matcher row = DOC_ROW.matcher(line);
            if (inLayering && row.find()) {
                documented.put(Integer.parseInt(row.group(1)),
                        List.of(row.group(2).replace("`", "").trim().split("\\s*,\\s*")));
            }
        }
        Map<Integer, List<String>> tested = new LinkedHashMap<>();
        for (int layer = 0; layer < LAYERS.size(); layer++) {
            tested.put(layer, LAYERS.get(layer));
        }
        assertEquals(tested, documented, "docs/architecture.md's \"Layering\" table (layer | packages) and"
                + " LayeringTest.LAYERS must list the same layers");
    }

    /** The import lines of one source that break the layering, each as a one-line message naming the file. */
    static List<String> violations(String file, List<String> lines) {
        String pkg = lines.stream().map(PACKAGE_LINE::matcher).filter(Matcher::find).map(m -> m.group(1))
                .findFirst().orElse("");
        boolean inLib = pkg.startsWith(LIB_PACKAGE + ".");
        Optional<Integer> layer = layerOf(pkg);
        List<String> violations = new ArrayList<>();
        if (inLib && layer.isEmpty()) {
            violations.add(file + ": package " + pkg + " is not in the layering table; add "
                    + topName(pkg) + " to a layer in LayeringTest.LAYERS and docs/architecture.md");
            return violations;
        }
        for (String line : lines) {
            Matcher m = IMPORT_LINE.matcher(line.strip());
            if (!m.find() || !m.group(1).startsWith(LIB_PACKAGE + ".")) {
                continue;
            }
            String imported = m.group(1);
            String importedPkg = packageOf(imported);
            if (!inLib) {
                violations.add(file + ": " + describe(pkg) + " is outside the layers and imports " + imported
                        + "; it may import nothing of lib");
                continue;
            }
            if (topName(importedPkg).equals(topName(pkg))) {
                continue;
            }
            Optional<Integer> importedLayer = layerOf(importedPkg);
            if (importedLayer.isEmpty() || importedLayer.get() >= layer.get()) {
                violations.add(file + ": " + pkg + " (layer " + layer.get() + ") imports " + imported + " (layer "
                        + importedLayer.map(String::valueOf).orElse("none") + "); a package may import lower layers"
                        + " only: move the code down, or pass what it needs in from above");
            }
        }
        return violations;
    }

    /** The layer of a package under {@code org.ecgleadlab.<name>}, by its first name; empty for anything else. */
    static Optional<Integer> layerOf(String pkg) {
        if (!pkg.startsWith(LIB_PACKAGE + ".")) {
            return Optional.empty();
        }
        String top = topName(pkg);
        for (int layer = 0; layer < LAYERS.size(); layer++) {
            if (LAYERS.get(layer).contains(top)) {
                return Optional.of(layer);
            }
        }
        return Optional.empty();
    }

    private static String topName(String pkg) {
        String below = pkg.startsWith(LIB_PACKAGE + ".") ? pkg.substring(LIB_PACKAGE.length() + 1) : pkg;
        int dot = below.indexOf('.');
        return dot < 0 ? below : below.substring(0, dot);
    }

    /** The package part of an imported name: the names before the first one that starts with a capital letter. */
    private static String packageOf(String imported) {
        List<String> names = new ArrayList<>();
        for (String name : imported.split("\\.")) {
            if (Character.isUpperCase(name.charAt(0))) {
                break;
            }
            names.add(name);
        }
        return String.join(".", names);
    }

    private static String describe(String pkg) {
        return pkg.isEmpty() ? "the default package" : "package " + pkg;
    }

    @Test
    void sparkStaysInItsOwnSourceRoot() {
        // the JBang scripts compile lib/src/main/java: one Spark import there would put Spark on every script
        List<String> sparkImports = new ArrayList<>();
        for (Path source : sources(MAIN_SOURCES)) {
            read(source).stream().filter(line -> line.startsWith("import org.apache.spark"))
                    .forEach(line -> sparkImports.add(MAIN_SOURCES.relativize(source) + ": " + line));
        }
        assertTrue(sparkImports.isEmpty(), "Spark belongs in lib/src/spark/java: " + sparkImports);
        for (Path source : sources(SPARK_SOURCES)) {
            assertTrue(read(source).stream().anyMatch(line -> line.startsWith("package org.ecgleadlab.spark")),
                    source + " must be in package org.ecgleadlab.spark");
        }
    }

    private static List<Path> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path source) {
        try {
            return Files.readAllLines(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
