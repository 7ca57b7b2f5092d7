package org.ecgleadlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PreprocessingTest {
    private static final int N = CodeFormat.MODEL_SAMPLES;

    @Test
    void resamplingMatchesScipyFixture() throws IOException {
        Path fixture = ProjectPaths.root().getParent().resolve("shared/fixtures/resample_400_to_250.npz");
        Assumptions.assumeTrue(Files.isRegularFile(fixture), "shared fixtures not found beside the repository");
        Map<String, NpzArrays.Array> npz = NpzArrays.read(fixture);
        NpzArrays.Array input = npz.get("input");
        NpzArrays.Array expected = npz.get("output");
        assertArrayEquals(new int[] {CodeFormat.SAMPLES, Lead.COUNT}, input.shape());
        assertArrayEquals(new int[] {N, Lead.COUNT}, expected.shape());

        float[] modelInput = Preprocessing.toModelInput(input.values());
        double worst = 0;
        for (int s = 0; s < N; s++) {
            for (int l = 0; l < Lead.COUNT; l++) {
                worst = Math.max(worst, Math.abs(modelInput[l * N + s] - expected.values()[s * Lead.COUNT + l]));
            }
        }
        assertTrue(worst <= 1e-5, "largest difference from scipy.signal.resample_poly: " + worst);
    }

    @Test
    void filterHasUnitDcGainAndKeepsAConstant() {
        double[] taps = Resampler.lowPass(161, 1.0 / 8, 5.0);
        assertEquals(161, taps.length);
        assertEquals(1.0, java.util.Arrays.stream(taps).sum(), 1e-12);
        assertEquals(taps[0], taps[160], 1e-15);
        assertEquals(27.239871823604442, Resampler.besselI0(5.0), 1e-9); // scipy.special.i0(5.0)

        float[] constant = new float[400];
        java.util.Arrays.fill(constant, 2f);
        float[] out = new float[250];
        new Resampler(250, 400, 5.0).resample(constant, 0, 1, 400, out, 0, 1);
        // Away from the zero-padded edges a constant stays constant up to the per-phase gain ripple, exactly as in
        // scipy: resample_poly(np.full(400, 2.0, dtype=np.float32), 5, 8)[125:127] == [2.0004811, 1.9997544].
        assertEquals(2.0004811f, out[125], 1e-6f);
        assertEquals(1.9997544f, out[126], 1e-6f);
    }

    @Test
    void maskingZeroesOtherLeadsAndSelectionKeepsOrder() {
        float[] input = new float[Lead.COUNT * N];
        for (int i = 0; i < input.length; i++) {
            input[i] = i / N + 1; // channel c holds c + 1
        }
        float[] masked = InputTransform.masked(List.of(Lead.V1, Lead.I)).apply(input);
        assertEquals(Lead.COUNT * N, masked.length);
        for (Lead lead : Lead.values()) {
            float expected = lead == Lead.V1 || lead == Lead.I ? lead.channel() + 1 : 0;
            assertEquals(expected, masked[lead.channel() * N + 17], lead.label());
        }
        InputTransform selection = InputTransform.selected(Lead.parseList("V1,I"));
        float[] selected = selection.apply(input);
        assertEquals(2, selection.channels());
        assertEquals(2 * N, selected.length);
        assertEquals(Lead.V1.channel() + 1, selected[5]);
        assertEquals(Lead.I.channel() + 1, selected[N + 5]);
        assertEquals(12, InputTransform.allLeads().channels());
    }

    @Test
    void unknownLeadNameIsAnError() {
        CodeDatasetTest.assertError(() -> Lead.parseList("V1,V7"), "'V7'", "lead");
    }
}
