package org.ecgleadlab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.ecgleadlab.util.ProjectPaths;

/**
 * The commit the code runs from: {@code git rev-parse HEAD} when git is installed, else read from {@code .git} by hand
 * (plain checkouts and worktrees, loose and packed refs), else {@code "unknown"} (e.g. a JBang run outside a clone).
 */
final class GitRevision {
    static final String UNKNOWN = "unknown";
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private static volatile String cached;

    private GitRevision() {
    }

    /** The revision of the project root, looked up once per JVM. */
    static String current() {
        String revision = cached;
        if (revision == null) {
            revision = of(ProjectPaths.root());
            cached = revision;
        }
        return revision;
    }

    /** The revision of the repository containing {@code directory}. */
    static String of(Path directory) {
        String fromGit = fromCommand(directory);
        return fromGit != null ? fromGit : fromFiles(directory);
    }

    private static String fromCommand(Path directory) {
        try {
            Process process = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                return null;
            }
            String text = new String(out, StandardCharsets.US_ASCII).trim();
            return SHA.matcher(text).matches() ? text : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Follows {@code .git} (a folder, or a worktree's "gitdir:" file) to HEAD and its ref. */
    static String fromFiles(Path directory) {
        try {
            for (Path dir = directory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path dotGit = dir.resolve(".git");
                if (Files.isDirectory(dotGit)) {
                    return resolveHead(dotGit, dotGit);
                }
                if (Files.isRegularFile(dotGit)) {
                    String pointer = Files.readString(dotGit).trim();
                    if (!pointer.startsWith("gitdir:")) {
                        return UNKNOWN;
                    }
                    Path gitDir = dir.resolve(pointer.substring("gitdir:".length()).trim()).normalize();
                    Path commonDirFile = gitDir.resolve("commondir");
                    Path commonDir = Files.isRegularFile(commonDirFile)
                            ? gitDir.resolve(Files.readString(commonDirFile).trim()).normalize()
                            : gitDir;
                    return resolveHead(gitDir, commonDir);
                }
            }
        } catch (IOException e) {
            return UNKNOWN;
        }
        return UNKNOWN;
    }

    private static String resolveHead(Path gitDir, Path commonDir) throws IOException {
        Path head = gitDir.resolve("HEAD");
        if (!Files.isRegularFile(head)) {
            return UNKNOWN;
        }
        String content = Files.readString(head).trim();
        if (!content.startsWith("ref:")) {
            return SHA.matcher(content).matches() ? content : UNKNOWN;
        }
        String ref = content.substring("ref:".length()).trim();
        for (Path base : List.of(gitDir, commonDir)) {
            Path loose = base.resolve(ref);
            if (Files.isRegularFile(loose)) {
                String sha = Files.readString(loose).trim();
                return SHA.matcher(sha).matches() ? sha : UNKNOWN;
            }
        }
        Path packed = commonDir.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed)) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2 && parts[1].equals(ref) && SHA.matcher(parts[0]).matches()) {
                    return parts[0];
                }
            }
        }
        return UNKNOWN;
    }
}
