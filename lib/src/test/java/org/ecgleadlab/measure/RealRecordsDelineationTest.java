package org.ecgleadlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.physionet.SharedRealEcg;
import org.ecgleadlab.data.wfdb.CodeRawForm;
import org.ecgleadlab.data.wfdb.WfdbRecord;
import org.junit.jupiter.api.Test;

/**
 * The delineation on real records of {@code ../shared/real-ecg} (skipped where absent, a failure under CI=true).
 * Reference values computed with Python for this check: R peaks by scipy.signal.find_peaks on the 5–15 Hz band
 * (numpy/scipy, see the test comments); the PTB record's Frank leads against Kors' matrix.
 */
class RealRecordsDelineationTest {
    private static double[][] leads(WfdbRecord record, int from, int count) {
        double[][] out = new double[count][];
        for (int i = 0; i < count; i++) {
            float[] mv = record.millivolts(from + i);
            out[i] = new double[mv.length];
            for (int t = 0; t < mv.length; t++) {
                out[i][t] = mv[t];
            }
        }
        return out;
    }

    @Test
    void ptbFrankLoopMatchesTheKorsLoopOfItsTwelveLeads() {
        WfdbRecord record = WfdbRecord.read(SharedRealEcg.root().resolve("ptbdb/s0010_re.hea"));
        double[][] twelve = leads(record, 0, 12);
        double[][] frank = leads(record, 12, 3);
        ExamMeasures m = new Delineator(1000).measure(twelve);
        assertEquals(PTB_RATE, m.get(Measure.HEART_RATE), 2, "heart rate of s0010_re");
        VectorLoops.Loop recorded = VectorLoops.qrsLoop("Frank", twelve, frank, 1000);
        VectorLoops.Loop derived = VectorLoops.qrsLoop("Kors", twelve, VectorLoops.kors(twelve), 1000);
        assertEquals(recorded.x().length, derived.x().length);
        assertTrue(correlation(recorded.x(), derived.x()) > 0.8, "X loops agree");
        assertTrue(correlation(recorded.y(), derived.y()) > 0.8, "Y loops agree");
        assertTrue(VectorLoops.figure("s0010_re", List.of(recorded, derived)).width() > 0);
    }

    /** Rate of s0010_re: 60 / mean RR (81.77) and / median RR (81.74) of scipy find_peaks on the squared 5-15 Hz
     * Butterworth band (order 2, filtfilt) of lead II, distance 300 ms, height 0.3 × its 99.5th percentile: 52 beats. */
    private static final double PTB_RATE = 81.8;

    @Test
    void codeFifteenExamsGetRatesIntervalsAndTheirLengthRight() {
        Path folder = SharedRealEcg.root().resolve("code15-wfdb");
        for (String exam : new String[] {"holdout_data/47946", "holdout_data/479462"}) {
            float[] raw = CodeRawForm.read(folder.resolve(exam + ".hea"));
            ExamMeasures m = Delineator.forCode().measure(raw);
            assertTrue(m.get(Measure.QRS) > 60 && m.get(Measure.QRS) < 120, exam + " QRS " + m.get(Measure.QRS));
            assertTrue(m.get(Measure.QTC) > 340 && m.get(Measure.QTC) < 480, exam + " QTc " + m.get(Measure.QTC));
            assertTrue(m.get(Measure.R_AMPLITUDE, Lead.V5) > 0.3, exam + " R in V5");
        }
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
