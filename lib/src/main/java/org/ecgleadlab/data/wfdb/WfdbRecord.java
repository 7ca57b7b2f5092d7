package org.ecgleadlab.data.wfdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ecgleadlab.util.EcgLabException;

/**
 * The samples of a single-segment WFDB record, all signals or a chosen few. Signals are addressed by their index in
 * the header. Every signal read is checked against the header's initial value and checksum (16-bit sum of all
 * samples) where the header gives them, so a truncated or corrupted download is an error, never silent garbage.
 * WFDB's "invalid sample" value (−32768 in format 16) is kept as it is.
 */
public final class WfdbRecord {
    private final WfdbHeader header;
    private final int samples;
    /** Digital samples per header signal; null for signals not read. */
    private final int[][] digital;

    private WfdbRecord(WfdbHeader header, int samples, int[][] digital) {
        this.header = header;
        this.samples = samples;
        this.digital = digital;
    }

    /** Reads the header and every signal. */
    public static WfdbRecord read(Path heaFile) {
        WfdbHeader header = WfdbHeader.read(heaFile);
        int[] all = new int[header.signalCount()];
        Arrays.setAll(all, i -> i);
        return read(header, all);
    }

    /** Reads only the signals at {@code signalIndices} (header indices); files of other signals are not opened. */
    public static WfdbRecord read(WfdbHeader header, int[] signalIndices) {
        Runtime runtime = Runtime.getRuntime();
        return read(header, signalIndices, runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory()));
    }

    /**
     * As {@link #read(WfdbHeader, int[])}, with {@code freeHeap} bytes to hold the record: what the header promises
     * is checked against the signal files' sizes and that heap before anything is allocated.
     */
    static WfdbRecord read(WfdbHeader header, int[] signalIndices, long freeHeap) {
        boolean[] wanted = new boolean[header.signalCount()];
        for (int index : signalIndices) {
            if (index < 0 || index >= header.signalCount()) {
                throw new IllegalArgumentException(header.file() + ": no signal " + index + " (the record has "
                        + header.signalCount() + ")");
            }
            wanted[index] = true;
        }
        List<FileGroup> groups = groups(header, wanted);
        long samples = header.samplesPerSignal();
        if (samples == 0 && !groups.isEmpty()) {
            samples = groups.stream().mapToLong(FileGroup::availableFrames).min().getAsLong();
        }
        if (samples > Integer.MAX_VALUE) {
            throw new EcgLabException(header.file() + ": record " + header.recordName() + " has " + samples
                    + " samples per signal, more than this reader holds in memory; split the record");
        }
        for (FileGroup group : groups) {
            group.requireFrames(header, samples);
        }
        requireHeap(header, groups, samples, freeHeap);
        int[][] digital = new int[header.signalCount()][];
        for (FileGroup group : groups) {
            group.read(header, (int) samples, digital);
        }
        for (int s = 0; s < wanted.length; s++) {
            if (wanted[s]) {
                verify(header, s, digital[s]);
            }
        }
        return new WfdbRecord(header, (int) samples, digital);
    }

    /** The header read. */
    public WfdbHeader header() {
        return header;
    }

    /** Samples per signal. */
    public int samples() {
        return samples;
    }

    /** Whether {@code signal} was read. */
    public boolean isRead(int signal) {
        return signal >= 0 && signal < digital.length && digital[signal] != null;
    }

    /** A copy of the signal's digital (ADC) samples. */
    public int[] digital(int signal) {
        return digitalView(signal).clone();
    }

    /** The signal in millivolts: (digital − baseline) / gain, converted from the header's units. */
    public float[] millivolts(int signal) {
        float[] out = new float[samples];
        millivolts(signal, out, 0, 1);
        return out;
    }

    /** Writes the signal in millivolts to {@code out[offset + i * stride]}. */
    void millivolts(int signal, float[] out, int offset, int stride) {
        int[] values = digitalView(signal);
        WfdbSignal info = header.signals().get(signal);
        double factor = unitFactor(signal);
        double gain = info.gain();
        int baseline = info.baseline();
        for (int i = 0, at = offset; i < values.length; i++, at += stride) {
            out[at] = (float) ((values[i] - baseline) / gain * factor); // divided, as WFDB and wfdb-python do
        }
    }

    /** The signal's factor to millivolts; unknown units are an error naming the file, record and signal. */
    private double unitFactor(int signal) {
        try {
            return header.signals().get(signal).toMillivolts();
        } catch (EcgLabException e) {
            throw new EcgLabException(header.file() + ": record " + header.recordName() + ", " + e.getMessage(), e);
        }
    }

    /** The signal's samples, not copied: callers in this package must not modify them. */
    int[] digitalView(int signal) {
        if (!isRead(signal)) {
            throw new IllegalArgumentException(header.file() + ": signal " + signal + " was not read");
        }
        return digital[signal];
    }

    /**
     * Refuses, before allocating, a record whose samples would not fit in {@code freeHeap}: the bytes read plus the
     * decoded ints, plus the float copies the CODE raw form makes (a header promising 12 × 1.8 GB of samples in
     * sparse files is one line at once, not an OutOfMemoryError).
     */
    private static void requireHeap(WfdbHeader header, List<FileGroup> groups, long samples, long freeHeap) {
        long needed = 0;
        int wanted = 0;
        for (FileGroup group : groups) {
            needed += SampleFormat.bytes(group.format(), samples * group.signals().size());
            wanted += group.wanted().size();
        }
        needed += (Integer.BYTES + 2L * Float.BYTES) * samples * wanted;
        if (needed > freeHeap) {
            throw new EcgLabException(header.file() + ": record " + header.recordName() + " promises " + samples
                    + " samples × " + wanted + " signals (" + needed / 1_000_000 + " MB to hold) but only "
                    + Math.max(0, freeHeap) / 1_000_000 + " MB of memory are free; check the header's number of "
                    + "samples, or split the record (or give Java more memory with -Xmx)");
        }
    }

    /** Initial value and checksum against the header, where it gives them. */
    private static void verify(WfdbHeader header, int signal, int[] values) {
        WfdbSignal info = header.signals().get(signal);
        if (info.initialValue() != null && values.length > 0 && values[0] != info.initialValue()) {
            throw new EcgLabException(where(header, signal) + ": initial value in header " + info.initialValue()
                    + " but data gives " + values[0] + "; the file is corrupt or truncated, download it again");
        }
        if (info.checksum() != null) {
            int sum = 0;
            for (int value : values) {
                sum += value;
            }
            short computed = (short) sum;
            if (computed != (short) (int) info.checksum()) {
                throw new EcgLabException(where(header, signal) + ": checksum in header " + info.checksum()
                        + " but data gives " + computed + "; the file is corrupt or truncated, download it again");
            }
        }
    }

    /** "SIGNALFILE: record R, signal S (name)". */
    static String where(WfdbHeader header, int signal) {
        return header.signalFile(signal) + ": record " + header.recordName() + ", signal " + signal + " ("
                + header.signalName(signal) + ")";
    }

    /** The signals of the header stored in one file, in frame order; {@code wanted} marks those to decode. */
    private record FileGroup(Path file, int format, long byteOffset, List<Integer> signals, List<Integer> wanted,
            long fileBytes) {

        long availableFrames() {
            return SampleFormat.frames(format, signals.size(), fileBytes - byteOffset);
        }

        /** The file holds the samples the header promises (checked for every file before any is read). */
        void requireFrames(WfdbHeader header, long samples) {
            long frames = availableFrames();
            if (frames < samples) {
                throw new EcgLabException(where(header, wanted.get(0)) + ": the signal file holds " + frames
                        + " samples per signal but the header says " + samples
                        + "; the file is truncated, download it again");
            }
        }

        void read(WfdbHeader header, int samples, int[][] digital) {
            int first = wanted.get(0);
            long length = SampleFormat.bytes(format, (long) samples * signals.size());
            if (length > Integer.MAX_VALUE - 16) {
                throw new EcgLabException(where(header, first) + ": the signal file is over 2 GB, more than this reader "
                        + "holds in memory; split the record");
            }
            byte[] data = new byte[(int) length];
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                long position = byteOffset;
                while (buffer.hasRemaining()) {
                    int read = channel.read(buffer, position);
                    if (read < 0) {
                        throw new EcgLabException(where(header, first) + ": the signal file ended early; it is "
                                + "truncated, download it again");
                    }
                    position += read;
                }
            } catch (IOException e) {
                throw new EcgLabException(where(header, first) + ": cannot read the signal file (" + e.getMessage()
                        + ")", e);
            }
            int[] positions = new int[wanted.size()];
            int[] initial = new int[wanted.size()];
            int[][] out = new int[wanted.size()][];
            for (int k = 0; k < positions.length; k++) {
                int signal = wanted.get(k);
                WfdbSignal info = header.signals().get(signal);
                positions[k] = signals.indexOf(signal);
                initial[k] = info.initialValue() != null ? info.initialValue() : info.adcZero();
                out[k] = new int[samples];
                digital[signal] = out[k];
            }
            SampleFormat.decode(format, data, signals.size(), samples, positions, initial, out);
        }
    }

    /** Groups the header's signals by file (header order) and checks what can be read, for files with a wanted one. */
    private static List<FileGroup> groups(WfdbHeader header, boolean[] wanted) {
        Map<String, List<Integer>> byFile = new LinkedHashMap<>();
        for (int s = 0; s < header.signalCount(); s++) {
            byFile.computeIfAbsent(header.signals().get(s).fileName(), f -> new ArrayList<>()).add(s);
        }
        List<FileGroup> groups = new ArrayList<>();
        for (List<Integer> signals : byFile.values()) {
            List<Integer> read = signals.stream().filter(s -> wanted[s]).toList();
            if (read.isEmpty()) {
                continue;
            }
            WfdbSignal first = header.signals().get(signals.get(0));
            for (int s : signals) {
                checkReadable(header, s, first);
            }
            Path file = header.signalFile(read.get(0));
            java.util.Optional<String> notPlain = RecordFiles.notPlain(file);
            if (notPlain.isPresent() && !notPlain.get().equals("absent")) {
                throw new EcgLabException(where(header, read.get(0)) + ": the signal file is " + notPlain.get()
                        + "; replace it by the plain file or remove the record");
            }
            long size;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                size = channel.size();
            } catch (NoSuchFileException e) {
                throw new EcgLabException(where(header, read.get(0)) + ": signal file not found; download the record "
                        + "again or put " + first.fileName() + " next to the header");
            } catch (IOException e) {
                throw new EcgLabException(where(header, read.get(0)) + ": cannot open the signal file ("
                        + e.getMessage() + ")", e);
            }
            groups.add(new FileGroup(file, first.format(), first.byteOffset(), signals, read, size));
        }
        return groups;
    }

    private static void checkReadable(WfdbHeader header, int signal, WfdbSignal first) {
        WfdbSignal info = header.signals().get(signal);
        if (!SampleFormat.supported(info.format())) {
            throw new EcgLabException(where(header, signal) + ": format " + info.format() + " is not supported; "
                    + "supported formats are " + Arrays.stream(SampleFormat.SUPPORTED).mapToObj(Integer::toString)
                    .collect(Collectors.joining(", ")) + " (convert the record, e.g. with wfdb's wrsamp -O 16)");
        }
        if (info.samplesPerFrame() != 1) {
            throw new EcgLabException(where(header, signal) + ": " + info.samplesPerFrame() + " samples per frame "
                    + "are not supported (only 1); resample the record to one sample per frame");
        }
        if (info.skew() != 0) {
            throw new EcgLabException(where(header, signal) + ": skew " + info.skew() + " is not supported (only 0); "
                    + "remove the skew from the record");
        }
        if (info.format() != first.format() || info.byteOffset() != first.byteOffset()) {
            throw new EcgLabException(where(header, signal) + ": format " + info.format() + "+" + info.byteOffset()
                    + " differs from the other signals of " + info.fileName() + " (" + first.format() + "+"
                    + first.byteOffset() + "); signals of one file must share format and byte offset");
        }
    }
}
