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
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Opens every record under {@code dir}. */
    public static RecordSet open(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        List<Path> headers = headers(root);
        if (headers.isEmpty()) {
            throw new EcgLabException(root + ": no WFDB records (.hea files) in this folder or below; point to the "
                    + "folder that holds the .hea/.mat or .hea/.dat files");
        }
        LabelTally tally = new LabelTally();
        List<ExamInfo> exams = new ArrayList<>();
        Map<String, Path> byName = new HashMap<>();
        Map<Long, Path> byId = new HashMap<>();
        Map<Long, String> fallbackIds = new TreeMap<>();
        List<String> skippedExamples = new ArrayList<>();
        int skipped = 0;
        int withoutDx = 0;
        boolean anyDx = false;
        for (Path hea : headers) {
            String name = recordName(hea);
            Path previous = byName.putIfAbsent(name, hea);
            if (previous != null) {
                throw new EcgLabException(hea + ": record " + name + " also exists as " + previous
                        + "; record names must be unique in a dataset, remove or rename one copy");
            }
            WfdbHeader header = WfdbHeader.read(hea);
            if (StandardLeads.match(header).isEmpty()) {
                skipped++;
                if (skippedExamples.size() < RecordSet.LISTED) {
                    skippedExamples.add(name + " (missing " + String.join(", ", StandardLeads.missing(header)) + ")");
                }
                continue;
            }
            HeaderComments comments = new HeaderComments(header.comments());
            boolean ownRecord = header.recordName().equals(name);
            long id = ownRecord ? comments.number("Exam ID").orElseGet(() -> ExamIds.ofRecordName(name))
                    : ExamIds.ofRecordName(name);
            Path sameId = byId.putIfAbsent(id, hea);
            if (sameId != null) {
                throw new EcgLabException(hea + ": record " + name + " gets exam id " + id + ", as " + sameId
                        + " does; exam ids must be unique in a dataset (see docs/data-formats.md), rename one record");
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
            exams.add(new ExamInfo(id, patient, labels, hea, 0, source(root, hea)));
        }
        return new RecordSet(root, false, exams, headers.size(), skipped, skippedExamples, 0, List.of(), anyDx,
                anyDx ? withoutDx : 0, tally.topOtherCodes(), tally.otherCodeCount(), fallbackIds, Map.of());
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

    private static List<Path> headers(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(WfdbFolder::isHeader)
                    .filter(p -> !hidden(root, p))
                    .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + root + ": " + e.getMessage(), e);
        }
    }

    private static boolean isHeader(Path p) {
        return p.getFileName() != null && p.getFileName().toString().endsWith(".hea") && Files.isRegularFile(p);
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
