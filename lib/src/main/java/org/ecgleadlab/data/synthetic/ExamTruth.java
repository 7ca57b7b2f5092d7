package org.ecgleadlab.data.synthetic;

import java.util.Set;
import org.ecgleadlab.data.Condition;

/**
 * The generator's ground truth for one exam: what it put in, to check the signal against.
 *
 * @param labels         the exam's labels
 * @param samples        recorded samples before padding (4000 or 2800)
 * @param padBefore      zero rows before the recording in the 4096-row tracing
 * @param qrsOnsets      QRS onset times, s from the start of the recording, of the beats lying wholly in it
 * @param prInterval     P onset to QRS onset, s (NaN in AF: there are no P waves)
 * @param qrsDuration    QRS onset to offset, s
 * @param qtInterval     QRS onset to T end, s
 * @param flatPrecordial index (0 = V1 .. 5 = V6) of a precordial lead whose electrode is off, or -1
 * @param allZero        the tracing is all zeros
 */
public record ExamTruth(Set<Condition> labels, int samples, int padBefore, double[] qrsOnsets, double prInterval,
                        double qrsDuration, double qtInterval, int flatPrecordial, boolean allZero) {
}
