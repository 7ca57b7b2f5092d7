package org.ecgleadlab.measure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.TracingReader;
import org.ecgleadlab.report.Progress;

/**
 * The measures of a seeded random sample of one data folder's exams (anything {@link CodeDataset#open} reads):
 * exams are streamed from the folder in runs, delineated one by one and only their measures kept, plus the mean
 * Welch spectrum of each lead (raw recording, padding cut off).
 *
 * @param name        a short name for tables and plots
 * @param folder      the folder read
 * @param folderExams exams the folder holds
 * @param values      per measure, one array per measured exam ({@link Measure#width()} values each)
 * @param frequencies frequencies of the spectra (Hz)
 * @param spectra     per lead, the mean PSD (mV²/Hz) over the exams whose lead is not flat
 * @param spectraCount per lead, how many exams the mean spectrum averages
 */
public record DataSideMeasures(String name, Path folder, int folderExams, Map<Measure, List<double[]>> values,
                               double[] frequencies, double[][] spectra, int[] spectraCount) {
    /** Welch segment: 1024 samples (2.56 s at 400 Hz, 0.39 Hz bins). */
    public static final int SPECTRUM_SEGMENT = 1024;
    private static final int RUN = 32;

    /** Exams measured. */
    public int exams() {
        return values.get(Measure.ALL_ZERO).size();
    }

    /** The finite values of {@code measure} in {@code channel} (0 for per-exam measures), in exam order. */
    public double[] finite(Measure measure, int channel) {
        return values.get(measure).stream().mapToDouble(v -> v[channel]).filter(Double::isFinite).toArray();
    }

    /**
     * Measures up to {@code maxExams} exams of {@code folder} drawn at random with {@code seed} (all when it holds
     * fewer), with a progress bar when {@code progress}.
     */
    public static DataSideMeasures measure(String name, Path folder, int maxExams, long seed, boolean progress) {
        CodeDataset data = CodeDataset.open(folder);
        List<ExamInfo> sample = sample(data.exams(), maxExams, seed);
        Delineator delineator = Delineator.forCode();
        Map<Measure, List<double[]>> values = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            values.put(m, new ArrayList<>());
        }
        int bins = SPECTRUM_SEGMENT / 2 + 1;
        double[][] spectra = new double[Lead.COUNT][bins];
        int[] counts = new int[Lead.COUNT];
        ProgressBar bar = progress ? Progress.bar("Measuring " + name, sample.size(), "exams") : null;
        try (TracingReader reader = new TracingReader()) {
            for (int from = 0; from < sample.size(); from += RUN) {
                List<ExamInfo> run = sample.subList(from, Math.min(sample.size(), from + RUN));
                for (float[] raw : reader.readAll(run)) {
                    ExamMeasures m = delineator.measure(raw);
                    for (Measure measure : Measure.values()) {
                        values.get(measure).add(m.values(measure));
                    }
                    addSpectra(raw, spectra, counts);
                    if (bar != null) {
                        bar.step();
                    }
                }
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        for (int l = 0; l < Lead.COUNT; l++) {
            for (int k = 0; k < bins; k++) {
                spectra[l][k] = counts[l] == 0 ? Double.NaN : spectra[l][k] / counts[l];
            }
        }
        return new DataSideMeasures(name, folder.toAbsolutePath().normalize(), data.exams().size(), values,
                WelchSpectrum.frequencies(SPECTRUM_SEGMENT, CodeFormat.SAMPLING_HZ), spectra, counts);
    }

    /** A seeded random sample of at most {@code max} exams, in file and row order (for slice reads). */
    static List<ExamInfo> sample(List<ExamInfo> exams, int max, long seed) {
        List<ExamInfo> chosen = new ArrayList<>(exams);
        if (chosen.size() > max) {
            Collections.shuffle(chosen, new Random(seed));
            chosen = new ArrayList<>(chosen.subList(0, max));
        }
        chosen.sort(Comparator.comparing(ExamInfo::file).thenComparingInt(ExamInfo::row));
        return chosen;
    }

    private static void addSpectra(float[] raw, double[][] spectra, int[] counts) {
        int[] span = Delineator.recordedSpan(raw);
        if (span[1] < SPECTRUM_SEGMENT) {
            return;
        }
        double[] lead = new double[span[1]];
        for (int l = 0; l < Lead.COUNT; l++) {
            for (int t = 0; t < span[1]; t++) {
                lead[t] = raw[(span[0] + t) * Lead.COUNT + l];
            }
            if (Delineator.isFlat(lead)) {
                continue;
            }
            double[] psd = WelchSpectrum.psd(lead, CodeFormat.SAMPLING_HZ, SPECTRUM_SEGMENT);
            for (int k = 0; k < psd.length; k++) {
                spectra[l][k] += psd[k];
            }
            counts[l]++;
        }
    }

    @Override
    public String toString() {
        return "DataSideMeasures[" + name + ", " + folder + ", " + exams() + " of " + folderExams + " exams, "
                + Arrays.toString(spectraCount) + "]";
    }
}
