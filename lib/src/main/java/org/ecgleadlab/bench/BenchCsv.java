package org.ecgleadlab.bench;

import ai.djl.Device;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.util.AtomicFiles;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ProjectPaths;

/**
 * The table {@code bench} appends to ({@code runs/bench/bench.csv} by default): one row per measured figure with the
 * machine, device, threads and load it ran under, so machines can be compared. Its columns never change, so a file
 * from an older version stays appendable; a file with another header is refused.
 */
public final class BenchCsv {
    /** The columns, in order. */
    public static final List<String> HEADER = List.of("time", "host", "device", "cores", "threads", "load_1min",
            "figure", "unit", "median", "min", "max", "gflop_per_s", "runs", "batch", "leads",
            "peak_heap_mb", "peak_rss_mb");

    private BenchCsv() {
    }

    /** The table of this checkout: {@code runs/bench/bench.csv}. */
    public static Path defaultTable() {
        return ProjectPaths.runs().resolve("bench").resolve("bench.csv");
    }

    /** The row of {@code measurement} taken now on {@code device}, in {@link #HEADER}'s order. */
    public static List<String> row(Device device, Measurement measurement) {
        Series series = measurement.series();
        return List.of(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), hostName(), device.toString(),
                Integer.toString(Runtime.getRuntime().availableProcessors()),
                Integer.toString(Devices.intraOpThreads()), format(loadAverage()), measurement.figure(),
                measurement.unit(), format(series.median()), format(series.min()), format(series.max()),
                format(measurement.gflopPerSecond()), Integer.toString(series.rates().length),
                Integer.toString(measurement.batch()), Integer.toString(measurement.leads()),
                Long.toString(Memory.megabytes(series.peakHeapBytes())),
                Long.toString(Memory.megabytes(series.peakRssBytes())));
    }

    /** Appends {@code rows} to {@code table} (written whole through a temporary file), header first if new. */
    public static void append(Path table, List<List<String>> rows) {
        append(table, HEADER, rows);
    }

    /** Appends rows to a table of another schema (growth, Spark scaling), refusing a file with another header. */
    public static void append(Path table, List<String> header, List<List<String>> rows) {
        String existing = existingRows(table, header);
        try {
            StringWriter text = new StringWriter();
            CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
            try (CSVPrinter printer = new CSVPrinter(text, format)) {
                if (existing.isEmpty()) {
                    printer.printRecord(header);
                }
                for (List<String> row : rows) {
                    printer.printRecord(row);
                }
            }
            AtomicFiles.writeString(table, existing + text);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + table + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a {@code table} whose header is not ours: call it before minutes of measuring. */
    public static void checkAppendable(Path table) {
        existingRows(table, HEADER);
    }

    /** The current content of {@code table} ("" when new), refused when its header is not ours. */
    public static String existingRows(Path table, List<String> columns) {
        String existing;
        try {
            existing = Files.isRegularFile(table) ? Files.readString(table, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + table + ": " + e.getMessage(), e);
        }
        String header = String.join(",", columns);
        if (!existing.isEmpty() && !existing.startsWith(header + "\n") && !existing.startsWith(header + "\r\n")) {
            throw new EcgLabException(table + ": header differs from this version's (" + header
                    + "); give another --csv or move the old file away");
        }
        return existing;
    }

    /** The 1-minute load average the row was measured under (-1 where the system has none). */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
