package org.ecgleadlab.data.physionet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.labels.LabelTally;
import org.ecgleadlab.data.wfdb.RecordFiles;
import org.ecgleadlab.data.wfdb.StandardLeads;
import org.ecgleadlab.data.wfdb.WfdbHeader;
import org.ecgleadlab.util.EcgLabException;

/**
 * A folder of WFDB records searched recursively (the Challenge ships one subfolder per source): reads headers only,
 * so opening stays quick for the Challenge's 88,000 records; signals are read when an exam is streamed. A record is named by its header
 * file ({@code A0001.hea} is record A0001), as the WFDB tools address it.
 *
 * <p>Labels: the {@code #Dx:} comment (SNOMED CT codes or Challenge 2020 text, {@link LabelTally}). A folder where no
 * record has one (CODE-15% as converted for the Challenge 2025) is unlabelled. Exam ids: {@link ExamIds}; the
 * {@code # Exam ID:} comment counts only when the header's record line names the file's own record (the Challenge
 * 2025's {@code 9190_low_sample_rate.hea} describes record 9190 at a wrong rate: its comments belong to record 9190,
 * so its id comes from its own name). Patients: the {@code # Patient ID:} comment; without one, each record is its
 * own patient.
 */
public final class WfdbFolder {
    private WfdbFolder() {
    }

    /** Whether {@code dir} holds at least one {@code .hea} file, at any depth. */
    public static boolean hasHeaders(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.anyMatch(WfdbFolder::isHeader);
        } catch (IOException | UncheckedIOException e) {
            throw new EcgLabException(dir + ": cannot list the folder (" + e.getMessage() + "); check that it exists "
                    + "and is readable", e);
        }
    }

    /**
     * Opens every record under {@code dir}. Each {@code .hea} entry is read or counted with its reason: one that is
     * not a plain file (a dangling link, a FIFO, a directory) and a record naming a lead twice are skipped and listed
     * as problems; a record lacking a standard lead that cannot be derived is skipped; a header whose record line
     * names another record is read (its id from its file name) and listed as a problem. A header or signal file
     * outside the folder (after links) is an error. A folder that yields no exam is an error saying why.
     */
    public static RecordSet open(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        Listing listing = list(root);
        List<Path> headers = listing.headers();
        if (headers.isEmpty()) {
            throw new EcgLabException(root + ": no WFDB records (.hea files) in this folder or below"
                    + (listing.linkedOutside().isEmpty() ? "" : " (folders linked from outside it are not read: "
                    + listing.linkedOutside().get(0) + ")") + "; point to the folder that holds the .hea/.mat or "
                    + ".hea/.dat files");
        }
        LabelTally tally = new LabelTally();
        List<ExamInfo> exams = new ArrayList<>();
        Map<String, Path> byName = new HashMap<>();
        Map<Long, Path> byId = new HashMap<>();
        Map<Long, String> fallbackIds = new TreeMap<>();
        SkipTally skips = new SkipTally();
        for (Path link : listing.linkedOutside()) {
            skips.problem(link + ": a symbolic link to a folder outside the dataset root, not read (a dataset reads "
                    + "only its own files); move or copy its records into " + root);
        }
        int withoutDx = 0;
        java.util.Set<Long> derived = new java.util.HashSet<>();
        int read = 0;
        boolean anyDx = false;
        for (Path hea : headers) {
            String name = recordName(hea);
            Optional<String> notPlain = RecordFiles.notPlain(hea);
            if (notPlain.isPresent()) {
                skips.skip(RecordSet.NOT_A_FILE, hea + ": " + notPlain.get() + ", not a header file; skipped", true);
                continue;
            }
            Path previous = byName.putIfAbsent(name, hea);
            if (previous != null) {
                throw new EcgLabException(hea + ": record " + name + " also exists as " + previous
                        + "; record names must be unique in a dataset, remove or rename one copy");
            }
            WfdbHeader header = WfdbHeader.read(hea);
            read++;
            header.requireInside(root);
            Optional<StandardLeads.Plan> plan = skips.leadPlan(header, hea, name);
            if (plan.isEmpty()) {
                continue;
            }
            boolean ownRecord = header.namesOwnRecord();
            if (!ownRecord) {
                skips.problem(hea + ": the record line names record " + header.recordName() + ", not " + name
                        + "; read as record " + name + " (id from the file name), rename the file or correct line 1");
            }
            HeaderComments comments = new HeaderComments(header.comments());
            long id = ownRecord ? comments.number("Exam ID").orElseGet(() -> ExamIds.ofRecordName(name))
                    : ExamIds.ofRecordName(name);
            Path sameId = byId.putIfAbsent(id, hea);
            if (sameId != null) {
                throw new EcgLabException(hea + ": record " + name + " gets exam id " + id + ", as " + sameId
                        + " does; exam ids must be unique in a dataset (see docs/data-formats.md), rename one record");
            }
            if (!plan.get().derived().isEmpty()) {
                derived.add(id);
            }
            if (ExamIds.isFallback(id)) {
                fallbackIds.put(id, name);
            }
            long patient = comments.number("Patient ID").orElse(ExamInfo.UNKNOWN_PATIENT);
            Optional<List<String>> dx = comments.dx();
            anyDx |= dx.isPresent();
            if (dx.isEmpty()) {
                withoutDx++;
            }
            float[] labels = tally.ofDx(dx.orElse(List.of()));
            exams.add(new ExamInfo(id, patient, labels, hea, 0, source(root, hea), recordPath(root, hea)));
        }
        if (exams.isEmpty()) {
            throw new EcgLabException(root + ": no exam: " + headers.size() + " .hea entries found, none usable ("
                    + skips.describe() + "); give a folder of records with the 12 standard leads or with I, II and "
                    + "V1-V6 (docs/data-formats.md)");
        }
        return new RecordSet(root, false, exams, read, skips.count(RecordSet.NO_LEADS),
                skips.examples(RecordSet.NO_LEADS), 0, List.of(), anyDx, anyDx ? withoutDx : 0, tally.topOtherCodes(),
                tally.otherCodeCount(), fallbackIds, Map.of(), skips.counts(), skips.problemCount(), skips.problems(),
                derived);
    }

    /** A record's name as a path under the root without {@code .hea}: {@code g1/JS00001}. */
    static String recordPath(Path root, Path hea) {
        String path = root.relativize(hea).toString().replace('\\', '/');
        return path.substring(0, path.length() - ".hea".length());
    }

    /** The record name of a header file: its file name without {@code .hea}. */
    static String recordName(Path hea) {
        String file = hea.getFileName().toString();
        return file.substring(0, file.length() - ".hea".length());
    }

    /** Where an exam comes from: its folder relative to the root, or the root's name for records at the top. */
    private static String source(Path root, Path hea) {
        Path parent = hea.getParent();
        if (parent.equals(root)) {
            Path name = root.getFileName();
            return name == null ? "wfdb" : name.toString();
        }
        return root.relativize(parent).toString().replace('\\', '/');
    }

    /** The {@code .hea} entries under a root, and the folders linked from outside it, which are not walked. */
    private record Listing(List<Path> headers, List<Path> linkedOutside) {
    }

    private static Listing list(Path root) {
        Path realRoot = RecordFiles.real(root);
        List<Path> headers = new ArrayList<>();
        List<Path> linkedOutside = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !hidden(root, p)).forEach(p -> {
                if (isHeader(p)) {
                    headers.add(p.toAbsolutePath().normalize());
                } else if (Files.isSymbolicLink(p) && Files.isDirectory(p)
                        && !RecordFiles.real(p).startsWith(realRoot)) {
                    linkedOutside.add(p.toAbsolutePath().normalize()); // Files.walk does not follow it: say so
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new EcgLabException(root + ": cannot list the folder or one below it (" + e.getMessage()
                    + "); check that every folder in it is readable", e);
        }
        headers.sort(null);
        linkedOutside.sort(null);
        return new Listing(headers, linkedOutside);
    }

    /** A {@code .hea} entry of any kind: plain files are read, the others reported, never dropped in silence. */
    private static boolean isHeader(Path p) {
        return p.getFileName() != null && p.getFileName().toString().endsWith(".hea");
    }

    private static boolean hidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
