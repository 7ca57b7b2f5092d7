package org.ecgleadlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CosineScheduleTest {
    @Test
    void startsAtMaxEndsAtMinAndPassesTheMidpointHalfway() {
        CosineSchedule schedule = new CosineSchedule(1e-3, 1e-6, 100);
        assertEquals(1e-3, schedule.at(0), 1e-15);
        assertEquals((1e-3 + 1e-6) / 2, schedule.at(50), 1e-15);
        assertEquals(1e-6, schedule.at(100), 1e-15);
    }

    @Test
    void matchesPyTorchsRecursiveCosineAnnealingLr() {
        // CosineAnnealingLR.get_lr() updates the rate recursively from the previous one; the closed form must agree.
        double max = 1e-3;
        double min = 1e-6;
        int total = 10;
        CosineSchedule schedule = new CosineSchedule(max, min, total);
        double lr = max;
        for (int t = 1; t < total; t++) {
            lr = (1 + Math.cos(Math.PI * t / total)) / (1 + Math.cos(Math.PI * (t - 1) / total)) * (lr - min) + min;
            assertEquals(lr, schedule.at(t), 1e-15, "step " + t);
        }
        assertEquals(7.940987335200904e-4, schedule.at(3), 1e-15);
    }

    @Test
    void decreasesMonotonically() {
        CosineSchedule schedule = new CosineSchedule(1e-3, 1e-6, 37);
        for (int t = 1; t <= 37; t++) {
            assertTrue(schedule.at(t) < schedule.at(t - 1), "step " + t);
        }
    }

    @Test
    void rejectsAnEmptyRunAndAnInvertedRange() {
        assertThrows(IllegalArgumentException.class, () -> new CosineSchedule(1e-3, 1e-6, 0));
        assertThrows(IllegalArgumentException.class, () -> new CosineSchedule(1e-6, 1e-3, 10));
    }
}
