package org.ecgleadlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.CliCapture;
import org.ecgleadlab.cli.CompareDataCommand;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.synthetic.GeneratedData;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare-data on two small generated folders: the table, files, sampling and a folder against itself. */
class DataComparisonTest {
    @TempDir
    static Path temp;
    static SyntheticDataset data;

    @BeforeAll
    static void generate() {
        data = GeneratedData.tiny(temp, 24, 20, 1);
    }

    @Test
    void aFolderAgainstItselfHasRatiosOfOne() {
        DataComparison c = DataComparison.run(data.code15(), "x", data.code15(), "y", 10, 3, false);
        assertEquals(10, c.a().exams());
        assertEquals(24, c.a().folderExams());
        for (DataComparison.Row row : c.rows()) {
            assertEquals(row.a(), row.b(), row.name() + ": same exams, same summary");
            if (!Double.isNaN(row.ratio())) {
                assertEquals(1, row.ratio(), 1e-12, row.name());
            }
        }
        int rows = 0;
        for (Measure m : Measure.values()) {
            rows += m.width();
        }
        assertEquals(rows, c.table().rowCount());
        DataComparison.Row r = c.row(Measure.R_AMPLITUDE, Lead.V5);
        assertTrue(r.a().n() >= 9 && r.a().q1() <= r.a().median() && r.a().median() <= r.a().q3(), r.toString());
    }

    @Test
    void theSampleIsSeededAndBounded() {
        var exams = org.ecgleadlab.data.CodeDataset.open(data.code15()).exams();
        assertEquals(DataSideMeasures.sample(exams, 5, 1), DataSideMeasures.sample(exams, 5, 1));
        assertTrue(!DataSideMeasures.sample(exams, 5, 1).equals(DataSideMeasures.sample(exams, 5, 2)));
        assertEquals(exams.size(), DataSideMeasures.sample(exams, 1000, 1).size());
    }

    @Test
    void theCommandWritesTableJsonPlotsAndProvenance() throws Exception {
        Path out = temp.resolve("out");
        String printed = CliCapture.run(0, new CompareDataCommand(), data.codeTest().toString(),
                data.code15().toString(), "--max-exams", "8", "--names", "test,train", "-o", out.toString());
        CliCapture.run(Cli.USER_ERROR, new CompareDataCommand(), data.codeTest().toString(), "--max-exams", "0");
        for (String file : new String[] {"comparison.csv", "comparison.md", "comparison.json", "provenance.json",
            "amplitudes.png", "noise.png", "intervals.png", "spectra.png"}) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        assertTrue(printed.contains("A = test: 8 of 20 exams") && printed.contains("QRS p2p"), printed);
        assertTrue(Files.readString(out.resolve("comparison.json")).contains("\"R_AMPLITUDE\""));
    }
}
