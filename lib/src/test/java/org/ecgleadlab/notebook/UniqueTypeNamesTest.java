package org.ecgleadlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Test;

/**
 * The notebook kernel imports every lib package with a wildcard, so two lib types with one simple name make every cell
 * that names it fail to compile ("reference to Figure is ambiguous"); this keeps top-level names unique.
 */
class UniqueTypeNamesTest {
    @Test
    void everyTopLevelTypeOfLibHasItsOwnSimpleName() throws IOException {
        Path sources = ProjectPaths.root().resolve("lib/src/main/java/org/ecgleadlab");
        Map<String, List<String>> packagesByName;
        try (Stream<Path> files = Files.walk(sources)) {
            packagesByName = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("package-info.java"))
                    .collect(Collectors.groupingBy(f -> f.getFileName().toString().replace(".java", ""), TreeMap::new,
                            Collectors.mapping(f -> sources.relativize(f.getParent()).toString(),
                                    Collectors.toList())));
        }
        Map<String, List<String>> shared = new TreeMap<>(packagesByName);
        shared.values().removeIf(packages -> packages.size() < 2);
        assertEquals(Map.of(), shared, "type names found in more than one package (rename one)");
    }
}
