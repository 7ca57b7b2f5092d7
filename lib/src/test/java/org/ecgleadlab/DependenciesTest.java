package org.ecgleadlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** lib/pom.xml (Maven) and Dependencies.java (JBang //DEPS) must name the same runtime dependencies. */
class DependenciesTest {
    private static final Path LIB = ProjectPaths.root().resolve("lib");
    private static final Path DEPENDENCIES_SOURCE = LIB.resolve("src/main/java/org/ecgleadlab/Dependencies.java");

    @Test
    void jbangDepsMatchThePomsRuntimeDependencies() throws Exception {
        List<String> maven = runtimeDependenciesOfPom(LIB.resolve("pom.xml"));
        List<String> jbang = depsLines(DEPENDENCIES_SOURCE);
        List<String> onlyInPom = new ArrayList<>(maven);
        onlyInPom.removeAll(jbang);
        List<String> onlyInDeps = new ArrayList<>(jbang);
        onlyInDeps.removeAll(maven);
        assertTrue(onlyInPom.isEmpty() && onlyInDeps.isEmpty(),
                "lib/pom.xml and Dependencies.java drifted apart: only in the pom " + onlyInPom
                        + ", only in //DEPS " + onlyInDeps + "; make both list the same coordinates");
        assertEquals(maven.size(), jbang.size(), "a dependency is listed twice in Dependencies.java: " + jbang);
    }

    @Test
    void theNativeLibtorchKeepsItsPlatformClassifier() throws Exception {
        assertTrue(depsLines(DEPENDENCIES_SOURCE).contains("ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64"),
                "JBang needs the classifier, or DJL finds no libtorch offline");
    }

    @Test
    void readsTestScopedDependenciesAsNotRuntime() throws Exception {
        assertFalse(runtimeDependenciesOfPom(LIB.resolve("pom.xml")).stream().anyMatch(d -> d.contains("junit")),
                "JUnit is test-scoped and must not reach the scripts");
    }

    /** {@code group:artifact:version[:classifier]} of every dependency that is not test- or provided-scoped. */
    static List<String> runtimeDependenciesOfPom(Path pom) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement();
        List<String> coordinates = new ArrayList<>();
        for (Element dependencies : children(project, "dependencies")) {
            for (Element dependency : children(dependencies, "dependency")) {
                String scope = text(dependency, "scope");
                if (scope.equals("test") || scope.equals("provided")) {
                    continue;
                }
                String coordinate = text(dependency, "groupId") + ":" + text(dependency, "artifactId") + ":"
                        + text(dependency, "version");
                String classifier = text(dependency, "classifier");
                coordinates.add(classifier.isEmpty() ? coordinate : coordinate + ":" + classifier);
            }
        }
        return coordinates;
    }

    /** The coordinates of the {@code //DEPS} lines of a JBang source. */
    static List<String> depsLines(Path source) throws Exception {
        List<String> coordinates = new ArrayList<>();
        for (String line : Files.readAllLines(source)) {
            if (line.startsWith("//DEPS ")) {
                for (String coordinate : line.substring("//DEPS ".length()).trim().split("[\\s,]+")) {
                    coordinates.add(coordinate);
                }
            }
        }
        return coordinates;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element && node.getNodeName().equals(name)) {
                found.add((Element) node);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
    }
}
