package org.ecgleadlab.data.wfdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.util.EcgLabException;

/**
 * A single-segment WFDB header ({@code .hea}), parsed per the WFDB header specification: a record line
 * ({@code name[/segments] signals [frequency[/counter frequency[(base counter)]] [samples [base time [base date]]]]}),
 * one line per signal (see {@link HeaderLines#signal}), comment lines starting with {@code #} and blank lines.
 * Multi-segment records are refused, and so is a missing or zero sampling frequency (the specification's default of
 * 250 Hz would silently mis-time an ECG).
 *
 * @param file             the header file read
 * @param recordName       the record name on the record line (not necessarily the file's name)
 * @param signalCount      number of signals
 * @param frequency        sampling frequency, Hz (positive)
 * @param samplesPerSignal samples per signal, 0 when the header leaves it out (then inferred from the signal files)
 * @param signals          the signal lines, in header order
 * @param comments         comment lines in order, without the {@code #} and trimmed (e.g. "Dx: 164889003")
 * @param signalLines      the header line number of each signal line (for messages)
 */
public record WfdbHeader(Path file, String recordName, int signalCount, double frequency, long samplesPerSignal,
        List<WfdbSignal> signals, List<String> comments, List<Integer> signalLines) {
    /** Largest header read (real headers are a few kB; a larger file is not a header). */
    static final long MAX_HEADER_BYTES = 1 << 20;

    public WfdbHeader {
        signals = List.copyOf(signals);
        comments = List.copyOf(comments);
        signalLines = List.copyOf(signalLines);
    }

    /** Reads and parses a header; every problem is an {@link EcgLabException} naming the file, line and field. */
    public static WfdbHeader read(Path heaFile) {
        byte[] bytes;
        RecordFiles.requirePlainFile(heaFile, "header file");
        try {
            if (Files.size(heaFile) > MAX_HEADER_BYTES) {
                throw new EcgLabException(heaFile + ": " + Files.size(heaFile) + " bytes, too large for a WFDB header "
                        + "(at most " + MAX_HEADER_BYTES + "); this is not a header file, remove or rename it");
            }
            bytes = Files.readAllBytes(heaFile);
        } catch (NoSuchFileException e) {
            throw new EcgLabException(heaFile + ": header file not found; give the path of an existing .hea file");
        } catch (IOException e) {
            throw new EcgLabException(heaFile + ": cannot read the header (" + e.getMessage() + ")", e);
        }
        return parse(heaFile, decode(bytes));
    }

    /** Parses header text as if read from {@code heaFile} (used for messages and to find signal files). */
    static WfdbHeader parse(Path heaFile, String text) {
        HeaderLines lines = new HeaderLines(heaFile);
        List<String> comments = new ArrayList<>();
        List<WfdbSignal> signals = new ArrayList<>();
        List<Integer> signalLines = new ArrayList<>();
        HeaderLines.RecordLine record = null;
        String[] rawLines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < rawLines.length; i++) {
            String line = rawLines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                comments.add(trimmed.substring(1).strip());
                continue;
            }
            if (trimmed.isEmpty()) {
                continue;
            }
            int lineNumber = i + 1;
            if (record == null) {
                record = lines.record(trimmed, lineNumber);
            } else if (signals.size() < record.signalCount()) {
                signals.add(lines.signal(trimmed, lineNumber));
                signalLines.add(lineNumber);
            } else {
                throw new EcgLabException(heaFile + " line " + lineNumber + ": the record line announces "
                        + record.signalCount() + " signals but there is another signal line ('" + abbreviate(trimmed)
                        + "'); correct the number of signals on line 1 or remove the line");
            }
        }
        if (record == null) {
            throw new EcgLabException(heaFile + ": the header is empty (no record line); the file is not a WFDB "
                    + "header or was cut short: download it again");
        }
        if (signals.size() < record.signalCount()) {
            throw new EcgLabException(heaFile + ": the record line announces " + record.signalCount()
                    + " signals but the header has " + signals.size() + " signal lines; the header is incomplete: "
                    + "download it again");
        }
        return new WfdbHeader(heaFile, record.name(), record.signalCount(), record.frequency(), record.samples(),
                signals, comments, signalLines);
    }

    /** The signal's data file, next to the header. */
    public Path signalFile(int signal) {
        return file.resolveSibling(signals.get(signal).fileName());
    }

    /**
     * Refuses a header whose own file or any signal file, after symbolic links, lies outside {@code root} (a
     * dataset reads only its own files: a header naming {@code ../../etc/passwd} or an absolute path is an error
     * naming the header, its line and the path).
     */
    public void requireInside(Path root) {
        Path realRoot = RecordFiles.real(root);
        RecordFiles.requireInside(realRoot, file, file + ": the header file");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int s = 0; s < signals.size(); s++) {
            String name = signals.get(s).fileName();
            if (seen.add(name)) {
                RecordFiles.requireInside(realRoot, file.resolveSibling(name), file + " line " + signalLines.get(s)
                        + ": signal file '" + name + "'");
            }
        }
    }

    /** Whether the record line names the record of the file's own name ({@code A0001.hea} → A0001). */
    public boolean namesOwnRecord() {
        String name = file.getFileName().toString();
        return name.endsWith(".hea") && recordName.equals(name.substring(0, name.length() - 4));
    }

    /** The signal's description (name), e.g. "II". */
    public String signalName(int signal) {
        return signals.get(signal).description();
    }

    /** Duration in seconds from the header's sample count (0 when the header leaves it out). */
    public double durationSeconds() {
        return samplesPerSignal / frequency;
    }

    /** Strict UTF-8 (µV may be written in it), else ISO-8859-1, which decodes any byte. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
