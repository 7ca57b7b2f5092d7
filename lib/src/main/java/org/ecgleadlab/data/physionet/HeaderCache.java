package org.ecgleadlab.data.physionet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.ecgleadlab.data.wfdb.StandardLeads;
import org.ecgleadlab.data.wfdb.WfdbHeader;
import org.ecgleadlab.util.AtomicFiles;

/**
 * What {@link PtbXlRoot} needs from each header (does it hold the 12 standard leads, else which are missing), kept
 * between runs: reading PTB-XL's 21,799 headers was most of opening the root (3.6–4.3 s of 5–9 s on the shared
 * development machine). One TSV per root and resolution under {@code runs/cache/wfdb-headers/}; an entry holds while
 * its header's size, modification time (ns) and file key (device, inode) are unchanged, else the header is read again. A header
 * rewritten with the same size and a reset mtime is not seen, the rule make and rsync follow.
 */
final class HeaderCache {
    private record Entry(long size, long modified, String fileKey, String missing) {
    }

    private final Path file;
    private final Path root;
    private final Map<String, Entry> entries = new HashMap<>();
    private boolean changed;

    private HeaderCache(Path file, Path root) {
        this.file = file;
        this.root = root;
    }

    /** The cache of {@code root}'s headers in {@code folder} (empty when there is none yet or it is unreadable). */
    static HeaderCache load(Path folder, Path root, String resolution) {
        String key = UUID.nameUUIDFromBytes((root + "|" + resolution).getBytes(StandardCharsets.UTF_8)).toString();
        HeaderCache cache = new HeaderCache(folder.resolve(key + ".tsv"), root);
        if (Files.isRegularFile(cache.file)) {
            try {
                for (String line : Files.readAllLines(cache.file, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t", -1);
                    if (f.length == 5) {
                        cache.entries.put(f[0], new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], f[4]));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                cache.entries.clear(); // a damaged cache is rebuilt from the headers
            }
        }
        return cache;
    }

    /** The standard leads {@code hea} lacks, joined ("" when it has all 12); null when the header file is absent. */
    String missingLeads(Path hea) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(hea, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the attributes of " + hea + ": " + e.getMessage(), e);
        }
        if (!attributes.isRegularFile()) {
            return null;
        }
        String name = root.relativize(hea).toString();
        long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        // the file key (device and inode) catches a header replaced within one tick of the mtime clock
        String fileKey = String.valueOf(attributes.fileKey()).replace('\t', ' ');
        Entry entry = entries.get(name);
        if (entry != null && entry.size() == attributes.size() && entry.modified() == modified
                && entry.fileKey().equals(fileKey)) {
            return entry.missing();
        }
        WfdbHeader header = WfdbHeader.read(hea);
        String missing = StandardLeads.match(header).isPresent() ? "" : String.join(", ",
                StandardLeads.missing(header));
        entries.put(name, new Entry(attributes.size(), modified, fileKey, missing));
        changed = true;
        return missing;
    }

    /** Writes the cache when a header was read; a cache that cannot be written only costs the next start. */
    void save() {
        if (!changed) {
            return;
        }
        StringBuilder text = new StringBuilder();
        entries.forEach((name, e) -> text.append(name).append('\t').append(e.size()).append('\t')
                .append(e.modified()).append('\t').append(e.fileKey()).append('\t').append(e.missing())
                .append('\n'));
        try {
            AtomicFiles.writeString(file, text.toString());
        } catch (UncheckedIOException e) {
            System.err.println("note: header facts of " + root + " not cached (" + e.getMessage() + "); the headers "
                    + "are read again next time");
        }
    }
}
