package org.ecgleadlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.report.Json;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Test;

class TrainConfigTest {
    private static final Path DATA = Path.of("/data/code15").toAbsolutePath();

    @Test
    void trainingFieldsKeepTheirKeysOrderAndTypesBecauseCheckpointsRecordThem() {
        // Checkpoints on disk hold these fields; --resume compares them as strings, so a change here strands runs.
        TrainConfig reduced = TrainConfig.builder().data(DATA).leads(List.of(Lead.V1, Lead.I)).input(InputMode.REDUCED)
                .epochs(3).learningRates(2e-3, 1e-5).maxExams(150).device("cpu").output(Path.of("/out/r"))
                .resume(true).strategy("reduced-channels").build();
        assertEquals("""
                {
                  "data": "%s",
                  "leads": "V1,I",
                  "input": "reduced",
                  "inputChannels": 2,
                  "epochs": 3,
                  "batchSize": 32,
                  "lrMax": 0.002,
                  "lrMin": 1.0E-5,
                  "weightDecay": 0.01,
                  "seed": 1,
                  "splitSeed": 1,
                  "maxExams": 150,
                  "init": "",
                  "strategy": "reduced-channels"
                }
                """.formatted(DATA), Json.toJson(reduced.trainingFields()));

        TrainConfig dropout = TrainConfig.builder().data(DATA).leadDropout(true, 0.1).patientSplit(true)
                .init(Path.of("/w/model.npz")).build();
        assertEquals("""
                {
                  "data": "%s",
                  "leads": "I,II,III,aVR,aVL,aVF,V1,V2,V3,V4,V5,V6",
                  "input": "masked",
                  "inputChannels": 12,
                  "epochs": 10,
                  "batchSize": 32,
                  "lrMax": 0.001,
                  "lrMin": 1.0E-6,
                  "weightDecay": 0.01,
                  "seed": 1,
                  "splitSeed": 1,
                  "maxExams": 0,
                  "init": "%s",
                  "strategy": "train",
                  "leadDropout": "size-uniform",
                  "fullLeadShare": 0.1,
                  "patientSplit": true
                }
                """.formatted(DATA, Path.of("/w/model.npz").toAbsolutePath()), Json.toJson(dropout.trainingFields()));
    }

    @Test
    void withoutAnOutputTheRunFolderIsNamedAfterLeadsAndInput() {
        assertEquals(ProjectPaths.runs().resolve("train-12-lead-masked"), TrainConfig.builder().build().output());
        assertEquals(ProjectPaths.runs().resolve("train-v1-i-reduced"), TrainConfig.builder()
                .leads(List.of(Lead.V1, Lead.I)).input(InputMode.REDUCED).build().output());
        assertEquals(ProjectPaths.runs().resolve("train-12-lead-dropout"),
                TrainConfig.builder().leadDropout(true, 0).build().output());
        assertEquals(Path.of("/out"), TrainConfig.builder().output(Path.of("/out")).build().output());
    }

    @Test
    void toBuilderKeepsEveryKnobAndChangesOnlyWhatIsSet() {
        TrainConfig config = TrainConfig.builder().data(DATA).epochs(4).batchSize(8).learningRates(1e-4, 1e-4)
                .weightDecay(0).seed(7).splitSeed(42).maxExams(9).device("cpu").output(Path.of("/out"))
                .init(Path.of("/w.npz")).resume(true).strategy("s").leadDropout(true, 0.5).patientSplit(true).build();
        assertEquals(config, config.toBuilder().build());
        TrainConfig longer = config.toBuilder().epochs(5).build();
        assertEquals(5, longer.epochs());
        assertEquals(config, longer.toBuilder().epochs(4).build());
        assertNotEquals(config, longer);
    }

    @Test
    void invalidKnobsAreUserErrors() {
        assertThrows(EcgLabException.class, () -> TrainConfig.builder().leads(List.of()).build());
        assertThrows(EcgLabException.class, () -> TrainConfig.builder().epochs(0).build());
        assertThrows(EcgLabException.class, () -> TrainConfig.builder().learningRates(1e-6, 1e-3).build());
        assertThrows(EcgLabException.class, () -> TrainConfig.builder().leadDropout(true, 0)
                .input(InputMode.REDUCED).build());
        assertThrows(EcgLabException.class, () -> TrainConfig.builder().leadDropout(true, 1.5).build());
    }
}
