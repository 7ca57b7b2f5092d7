package org.ecgleadlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.TracingReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleExamsTest {
    /** Gold-standard rows (model order 1dAVb, RBBB, LBBB, SB, AF, ST) of a six-exam CODE-TEST folder. */
    private static final List<String> LABELS = List.of(
            "0,1,0,0,0,0",  // row 0: RBBB alone, but an all-zero tracing
            "1,1,0,0,0,0",  // row 1: RBBB with 1dAVb
            "0,1,0,0,0,0",  // row 2: RBBB alone
            "0,0,0,0,0,0",  // row 3: no label
            "0,0,0,0,1,0",  // row 4: AF alone
            "1,0,0,0,0,0"); // row 5: 1dAVb alone

    @Test
    void prefersExamsWithTheConditionAloneAndSkipsBlankTracings(@TempDir Path dir) throws Exception {
        float[][][] tracings = new float[LABELS.size()][CodeFormat.SAMPLES][Lead.COUNT];
        for (int exam = 1; exam < LABELS.size(); exam++) {
            for (float[] sample : tracings[exam]) {
                Arrays.fill(sample, 0.1f * exam);
            }
        }
        try (WritableHdfFile hdf = HdfFile.write(dir.resolve(CodeFormat.TEST_TRACINGS_FILE))) {
            hdf.putDataset(CodeFormat.TRACINGS, tracings);
        }
        Path gold = dir.resolve(CodeFormat.GOLD_STANDARD);
        Files.createDirectories(gold.getParent());
        Files.writeString(gold, "1dAVb,RBBB,LBBB,SB,AF,ST\n" + String.join("\n", LABELS) + "\n");

        List<ExamInfo> exams = CodeDataset.open(dir).exams();
        try (TracingReader reader = new TracingReader()) {
            Map<String, ExamInfo> examples = ExampleExams.onePerCondition(exams, reader);
            assertEquals(List.of("1dAVb", "RBBB", "AF", ExampleExams.NO_LABEL), List.copyOf(examples.keySet()));
            assertEquals(5, examples.get("1dAVb").row());
            assertEquals(2, examples.get("RBBB").row());
            assertEquals(4, examples.get(Condition.AF.column()).row());
            assertEquals(3, examples.get(ExampleExams.NO_LABEL).row());
        }
        assertEquals("1dAVb + RBBB", ExampleExams.labelText(exams.get(1)));
        assertEquals(ExampleExams.NO_LABEL, ExampleExams.labelText(exams.get(3)));
    }
}
