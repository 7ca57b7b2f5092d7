package org.ecgleadlab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ecgleadlab.data.Lead;
import org.junit.jupiter.api.Test;

/**
 * The limb leads obey Einthoven's and Goldberger's identities to float precision, noise included, and the
 * precordial leads see the horizontal plane from V1 (right-anterior) round to V6 (lateral).
 */
class LeadIdentityTest {

    @Test
    void einthovenAndGoldbergerHoldExactlyWithNoise() {
        List<GeneratedExam> exams = GeneratedExam.make(Prevalences.defaults(), 30, 1.5, 3);
        int checked = 0;
        for (GeneratedExam exam : exams) {
            for (float[] row : exam.tracing()) {
                float i = row[Lead.I.channel()];
                float ii = row[Lead.II.channel()];
                float iii = row[Lead.III.channel()];
                assertEquals(ii - i, iii, 0f, "III = II - I");
                assertEquals(-(i + ii) * 0.5f, row[Lead.AVR.channel()], 0f, "aVR = -(I + II)/2");
                assertEquals((i - iii) * 0.5f, row[Lead.AVL.channel()], 0f, "aVL = (I - III)/2");
                assertEquals((ii + iii) * 0.5f, row[Lead.AVF.channel()], 0f, "aVF = (II + III)/2");
                // the same identities in their other textbook forms, up to float rounding
                assertEquals(i - ii / 2, row[Lead.AVL.channel()], 1e-6f);
                assertEquals(ii - i / 2, row[Lead.AVF.channel()], 1e-6f);
                assertEquals(0, row[Lead.AVR.channel()] + row[Lead.AVL.channel()] + row[Lead.AVF.channel()], 1e-6f);
                checked++;
            }
        }
        assertEquals(30 * 4096, checked);
    }

    @Test
    void leadVectorsPlaceV1RightAnteriorAndV6Lateral() {
        Vec3 v1 = LeadSystem.leadVector(Lead.V1);
        Vec3 v6 = LeadSystem.leadVector(Lead.V6);
        assertTrue(v1.x() < 0 && v1.z() > 0, "V1 looks right and anterior");
        assertTrue(v6.x() > 0 && Math.abs(v6.z()) < 0.3 * v6.x(), "V6 looks lateral (left)");
        double previous = Double.POSITIVE_INFINITY;
        for (Lead lead : List.of(Lead.V1, Lead.V2, Lead.V3, Lead.V4, Lead.V5, Lead.V6)) {
            Vec3 v = LeadSystem.leadVector(lead);
            double angle = Math.toDegrees(Math.atan2(v.z(), v.x()));
            assertTrue(angle < previous, lead + " lies further left than the lead before it");
            previous = angle;
        }
        assertEquals(60, Math.toDegrees(Math.atan2(LeadSystem.leadVector(Lead.II).y(), LeadSystem.leadVector(Lead.II).x())), 1e-9);
    }

    @Test
    void normalHeartHasRsInV1AndQrInV6WithTransitionInTheMiddle() {
        for (GeneratedExam exam : GeneratedExam.make(new Prevalences(0, 0, 0, 0, 0, 0), 12, 0, 5)) {
            double q = exam.truth().qrsOnsets()[1];
            double d = exam.truth().qrsDuration();
            assertTrue(exam.mean(Lead.V1, q, q + d) < 0, "V1 is mostly negative (rS)");
            assertTrue(exam.mean(Lead.V6, q, q + d) > 0, "V6 is mostly positive (qR)");
            assertTrue(exam.mean(Lead.AVR, q, q + d) < 0, "aVR is negative");
        }
    }
}
