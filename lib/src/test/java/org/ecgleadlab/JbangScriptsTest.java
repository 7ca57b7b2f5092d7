package org.ecgleadlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog, the scripts' shared header, and a smoke run of {@code ./jbang} from the repository root. */
class JbangScriptsTest {
    private static final Path ROOT = ProjectPaths.root();
    private static final String SOURCES_LINE = "//SOURCES ../lib/src/main/java/org/ecgleadlab/**.java";

    @TempDir
    Path temp;

    @Test
    void everyAliasNamesItsScriptAndEveryScriptHasAnAlias() throws IOException {
        Map<String, String> scriptByAlias = aliases();
        scriptByAlias.forEach((alias, script) -> assertEquals("scripts/" + alias + ".java", script,
                "alias " + alias + " in jbang-catalog.json should run scripts/" + alias + ".java"));
        for (Path script : scripts()) {
            String alias = script.getFileName().toString().replaceFirst("\\.java$", "");
            assertTrue(scriptByAlias.containsKey(alias), script + " has no alias in jbang-catalog.json");
        }
    }

    @Test
    void everyScriptCompilesLibFromSource() throws IOException {
        for (Path script : scripts()) {
            List<String> lines = Files.readAllLines(script);
            assertTrue(lines.contains("//JAVA 17+"), script + " lacks //JAVA 17+");
            assertTrue(lines.contains(SOURCES_LINE), script + " lacks " + SOURCES_LINE);
        }
    }

    /**
     * JBang runs the first main(String[]) it finds when a script's class name differs from its file name (ours have
     * hyphens), and lib has mains of its own (the growth benchmark's child, spark-submit's entry): every script names
     * its class with //MAIN.
     */
    @Test
    void everyScriptNamesItsOwnClassAsMain() throws IOException {
        Pattern declared = Pattern.compile("^(?:public )?(?:final )?class (\\w+)", Pattern.MULTILINE);
        for (Path script : scripts()) {
            String text = Files.readString(script);
            Matcher type = declared.matcher(text);
            assertTrue(type.find(), script + " declares no class");
            assertTrue(Files.readAllLines(script).contains("//MAIN " + type.group(1)),
                    script + " lacks //MAIN " + type.group(1) + ": JBang could run another main of lib instead");
        }
    }

    @Test
    void launcherRunsJbangAndPassesItsExitCodesThrough() throws Exception {
        Run version = jbang("--version");
        assertEquals(0, version.exitCode(), version.output());
        assertTrue(version.output().contains("0.132.1"), version.output());

        Run unknown = jbang("no-such-alias");
        assertNotEquals(0, unknown.exitCode(), unknown.output());
        assertTrue(unknown.output().contains("could not be found"), unknown.output());
    }

    /** Smoke test: compiles lib with its //DEPS through JBang and runs a script by its alias (exit 255 path). */
    @Test
    void installKernelHelpRunsThroughTheCatalogAlias() throws Exception {
        Run help = jbang("install-kernel", "--help");
        assertEquals(0, help.exitCode(), help.output());
        assertTrue(help.output().contains("Usage: install-kernel"), help.output());
    }

    private static Map<String, String> aliases() throws IOException {
        JsonObject catalog = JsonParser.parseString(Files.readString(ROOT.resolve("jbang-catalog.json")))
                .getAsJsonObject().getAsJsonObject("aliases");
        Map<String, String> scriptByAlias = new TreeMap<>();
        for (String alias : catalog.keySet()) {
            JsonObject entry = catalog.getAsJsonObject(alias);
            assertFalse(entry.get("description").getAsString().isBlank(), alias + " has no description");
            scriptByAlias.put(alias, entry.get("script-ref").getAsString());
        }
        return scriptByAlias;
    }

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("scripts"))) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private record Run(int exitCode, String output) {
    }

    private Run jbang(String... args) throws Exception {
        List<String> command = Stream.concat(Stream.of(ROOT.resolve("jbang").toString()), Stream.of(args)).toList();
        Path output = Files.createTempFile(temp, "jbang", ".log");
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("./jbang " + String.join(" ", args) + " did not finish in 10 min:\n" + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output));
    }
}
