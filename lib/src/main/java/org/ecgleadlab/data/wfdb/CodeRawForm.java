package org.ecgleadlab.data.wfdb;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.Resampler;
import org.ecgleadlab.util.EcgLabException;

/**
 * A WFDB record as the CODE raw tracing the rest of the pipeline reads: time-major 4096 × 12 floats in mV at
 * 400 Hz, leads in {@link Lead} order. The rule, one for every rate and duration:
 * <ol>
 * <li>Each lead is resampled from the record's rate fs to 400 Hz as {@code scipy.signal.resample_poly(x, up, down)}
 * does ({@link Resampler}, Kaiser beta 5), with up/down = 400/fs in lowest terms (a non-integer fs is taken as the
 * nearest fraction with a denominator up to 1000; ratios whose terms exceed 4000 are refused). A record at 400 Hz is
 * copied unchanged, as resample_poly does for 1/1.</li>
 * <li>If the resampled record has more than 4096 samples (longer than 10.24 s), the centred 4096 are kept: outputs
 * {@code (L − 4096) / 2} (rounded down) onwards of the L resampled samples. Only the native samples these outputs
 * need are resampled (the centre window plus a margin of the filter's half length, its start a multiple of
 * {@code down} so the outputs fall on the same grid); the result equals resampling the whole record and cropping.</li>
 * <li>If it has fewer, it is zero-padded, centred, with {@code (4096 − L) / 2} (rounded down) zero rows before it,
 * as CODE-15% pads its 7-s exams and as our synthetic generator does.</li>
 * </ol>
 * WFDB's invalid-sample value (−32768 in format 16) is converted like any other value.
 */
public final class CodeRawForm {
    /** Largest up or down term of a resampling ratio (the filter has 20 × max(up, down) + 1 taps). */
    static final int MAX_RATIO_TERM = 4000;

    private static final Map<Long, Resampler> RESAMPLERS = new ConcurrentHashMap<>();

    private CodeRawForm() {
    }

    /**
     * Reads the record of {@code heaFile} in CODE raw form: header, the 12 standard leads matched by name (missing
     * limb leads derived from I and II, {@link StandardLeads#plan}; an error naming the missing leads when another is
     * absent, or a lead named twice), only those signals read and checked, then {@link #of}.
     */
    public static float[] read(Path heaFile) {
        return read(heaFile, null);
    }

    /** As {@link #read(Path)}, refusing signal files outside {@code root} (null: no dataset root to confine to). */
    public static float[] read(Path heaFile, Path root) {
        WfdbHeader header = WfdbHeader.read(heaFile);
        if (root != null) {
            header.requireInside(root);
        }
        StandardLeads.duplicate(header).ifPresent(d -> {
            throw new EcgLabException(heaFile + ": record " + header.recordName() + ": " + d
                    + "; which one is meant cannot be known, rename or remove one signal in the header");
        });
        StandardLeads.Plan plan = StandardLeads.plan(header).orElseThrow(() -> new EcgLabException(heaFile
                + ": record " + header.recordName() + " lacks the standard lead(s) "
                + String.join(", ", StandardLeads.underivable(header)) + " (its signals: "
                + String.join(", ", header.signals().stream().map(WfdbSignal::description).toList())
                + "); only records with the 12 standard leads, or with I, II and V1-V6, can be read"));
        return of(WfdbRecord.read(header, plan.stored()), plan.signals());
    }

    /**
     * The CODE raw tracing (4096 × 12, time-major, mV, 400 Hz) of the read signals {@code leadSignals} (12; −1 for a
     * limb lead derived from I and II, see {@link StandardLeads}).
     */
    public static float[] of(WfdbRecord record, int[] leadSignals) {
        if (leadSignals.length != Lead.COUNT) {
            throw new IllegalArgumentException("need 12 lead signals, got " + leadSignals.length);
        }
        WfdbHeader header = record.header();
        int[] ratio = ratio(header.frequency(), header.file());
        int up = ratio[0];
        int down = ratio[1];
        int n = record.samples();
        LimbLeads limb = new LimbLeads(record, leadSignals);
        float[] out = new float[CodeFormat.TRACING_VALUES];
        float[] lead = new float[n];
        if (up == 1 && down == 1) {
            int first = Math.max(0, (n - CodeFormat.SAMPLES) / 2);
            int pad = Math.max(0, (CodeFormat.SAMPLES - n) / 2);
            int count = Math.min(n, CodeFormat.SAMPLES);
            for (int c = 0; c < Lead.COUNT; c++) {
                limb.millivolts(c, lead);
                for (int i = 0; i < count; i++) {
                    out[(pad + i) * Lead.COUNT + c] = lead[first + i];
                }
            }
            return checked(out, header);
        }
        Resampler resampler = resampler(up, down);
        long length = ((long) n * up + down - 1) / down;
        if (length <= CodeFormat.SAMPLES) {
            int pad = (int) ((CodeFormat.SAMPLES - length) / 2);
            for (int c = 0; c < Lead.COUNT; c++) {
                limb.millivolts(c, lead);
                resampler.resample(lead, 0, 1, n, out, pad * Lead.COUNT + c, Lead.COUNT);
            }
            return checked(out, header);
        }
        long firstOutput = (length - CodeFormat.SAMPLES) / 2;
        long margin = 10L * Math.max(up, down) / up + 2; // the filter's half length in input samples, and some
        long from = Math.floorDiv(firstOutput * down / up - margin, down) * down;
        int start = (int) Math.max(0, from);
        int end = (int) Math.min(n, (firstOutput + CodeFormat.SAMPLES) * down / up + margin + 1);
        int skip = (int) (firstOutput - (long) start * up / down);
        float[] window = new float[resampler.outputLength(end - start)];
        for (int c = 0; c < Lead.COUNT; c++) {
            limb.millivolts(c, lead);
            resampler.resample(lead, start, 1, end - start, window, 0, 1);
            for (int i = 0; i < CodeFormat.SAMPLES; i++) {
                out[i * Lead.COUNT + c] = window[skip + i];
            }
        }
        return checked(out, header);
    }

    /** One lead's millivolts: read, or derived from I and II (computed once) per Einthoven and Goldberger. */
    private static final class LimbLeads {
        private final WfdbRecord record;
        private final int[] leadSignals;
        private float[] leadI;
        private float[] leadII;

        LimbLeads(WfdbRecord record, int[] leadSignals) {
            this.record = record;
            this.leadSignals = leadSignals;
        }

        void millivolts(int channel, float[] out) {
            if (leadSignals[channel] >= 0) {
                record.millivolts(leadSignals[channel], out, 0, 1);
                return;
            }
            if (leadI == null) {
                leadI = record.millivolts(leadSignals[Lead.I.channel()]);
                leadII = record.millivolts(leadSignals[Lead.II.channel()]);
            }
            Lead lead = Lead.values()[channel];
            for (int i = 0; i < out.length; i++) {
                double a = leadI[i];
                double b = leadII[i];
                out[i] = (float) switch (lead) {
                    case III -> b - a;
                    case AVR -> -(a + b) / 2;
                    case AVL -> a - b / 2;
                    case AVF -> b - a / 2;
                    default -> throw new IllegalArgumentException("lead " + lead + " cannot be derived");
                };
            }
        }
    }

    /**
     * up/down (lowest terms) taking {@code frequency} Hz to 400 Hz; a non-integer frequency is taken as the nearest
     * fraction p/q with q ≤ 1000.
     */
    static int[] ratio(double frequency, Path file) {
        for (int q = 1; q <= 1000; q++) {
            double p = frequency * q;
            long rounded = Math.round(p);
            if (rounded > 0 && Math.abs(p - rounded) <= 1e-6 * q) {
                long up = (long) CodeFormat.SAMPLING_HZ * q;
                long down = rounded;
                long g = gcd(up, down);
                up /= g;
                down /= g;
                if (up > MAX_RATIO_TERM || down > MAX_RATIO_TERM) {
                    break;
                }
                return new int[] {(int) up, (int) down};
            }
        }
        throw new EcgLabException(file + ": sampling frequency " + frequency + " Hz is not a ratio to 400 Hz this "
                + "toolkit resamples (terms up to " + MAX_RATIO_TERM + "); resample the record to a whole number of Hz");
    }

    /** The shared resampler for up/down (built once per ratio: a 257-Hz filter has 8001 taps). */
    static Resampler resampler(int up, int down) {
        return RESAMPLERS.computeIfAbsent((long) up << 32 | down, key -> new Resampler(up, down, 5.0));
    }

    private static float[] checked(float[] out, WfdbHeader header) {
        for (int i = 0; i < out.length; i++) {
            if (!Float.isFinite(out[i])) {
                int signal = i % Lead.COUNT;
                throw new EcgLabException(header.file() + ": record " + header.recordName() + ", lead "
                        + Lead.values()[signal] + ": a value in mV is not finite (gain too small?); check the gain "
                        + "fields of the header");
            }
        }
        return out;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
