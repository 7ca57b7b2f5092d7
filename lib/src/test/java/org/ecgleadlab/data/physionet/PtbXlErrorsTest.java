package org.ecgleadlab.data.physionet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.CliCapture;
import org.ecgleadlab.cli.EcgInfoCommand;
import org.ecgleadlab.data.CodeDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PTB-XL bad input, each a one-line error naming file, line / ecg_id and field (exit 2 through the CLI). */
class PtbXlErrorsTest {
    @TempDir
    Path root;

    private void writeRoot(String scpCodesOfSecond) throws IOException {
        WfdbFiles.write12(root.resolve("records500/00000"), "00001_hr", 1);
        WfdbFiles.write12(root.resolve("records500/00000"), "00002_hr", 2);
        Files.writeString(root.resolve(PtbXlRoot.DATABASE_CSV), PtbXlFixture.HEADER + "\n"
                + "1,15709.0,56.0,1,,63.0,2.0,0.0,CS-12   E,1984-11-09 09:17:34,sinusrhythmus,"
                + "\"{'NORM': 100.0, 'SR': 0.0}\",,,,,False,False,True,,,,,,0,3,records100/00000/00001_lr,"
                + "records500/00000/00001_hr\n"
                + "2,13243.0,19.0,0,,70.0,2.0,0.0,CS-12   E,1984-11-14 12:55:37,sinusbradykardie,"
                + "\"" + scpCodesOfSecond + "\",,,,,False,False,True,,,,,,0,2,records100/00000/00002_lr,"
                + "records500/00000/00002_hr\n");
    }

    @Test
    void aValidRootOpens() throws IOException {
        writeRoot("{'NORM': 80.0, 'SBRAD': 0.0}");
        CodeDataset data = CodeDataset.open(root);
        assertEquals(2, data.exams().size());
        assertTrue(data.exam(2).has(org.ecgleadlab.data.Condition.SB));
        assertEquals(13243, data.exam(2).patientId());
    }

    @Test
    void anScpCodesValueThatIsNotADictionary() throws IOException {
        writeRoot("NORM;SBRAD");
        WfdbFolderTest.assertError(() -> CodeDataset.open(root), PtbXlRoot.DATABASE_CSV, "line 3", "ecg_id 2",
                "field scp_codes", "not a dictionary", "re-download");
        String printed = CliCapture.run(Cli.USER_ERROR, new EcgInfoCommand(), root.toString());
        assertEquals(1, printed.strip().lines().count(), printed);
        assertTrue(printed.startsWith("ecg-info: error: ") && printed.contains("field scp_codes"), printed);
    }

    @Test
    void aPtbXlRootWithoutItsDatabaseFile() throws IOException {
        writeRoot("{}");
        Files.delete(root.resolve(PtbXlRoot.DATABASE_CSV));
        WfdbFolderTest.assertError(() -> CodeDataset.open(root), root.toString(), "PTB-XL root",
                PtbXlRoot.DATABASE_CSV, "download it", "records500/");
        String printed = CliCapture.run(Cli.USER_ERROR, new EcgInfoCommand(), root.toString());
        assertEquals(1, printed.strip().lines().count(), printed);
        // its records500/ folder still opens as plain (unlabelled) WFDB records
        assertEquals(2, CodeDataset.open(root.resolve("records500")).exams().size());
    }

    @Test
    void aBadFoldOrAMissingColumn() throws IOException {
        writeRoot("{}");
        Path csv = root.resolve(PtbXlRoot.DATABASE_CSV);
        Files.writeString(csv, Files.readString(csv).replace(",0,2,records100", ",0,11,records100"));
        WfdbFolderTest.assertError(() -> CodeDataset.open(root), "line 3", "ecg_id 2", "field strat_fold", "'11'");
        Files.writeString(csv, Files.readString(csv).replace("strat_fold", "fold"));
        WfdbFolderTest.assertError(() -> CodeDataset.open(root), "column 'strat_fold' is missing");
    }
}
