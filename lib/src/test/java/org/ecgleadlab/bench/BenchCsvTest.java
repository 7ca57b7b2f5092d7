package org.ecgleadlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCsvTest {
    @TempDir
    Path temp;

    @Test
    void headerStaysTheOneOlderFilesHave() {
        assertEquals("time,host,device,cores,threads,load_1min,figure,unit,median,min,max,gflop_per_s,runs,batch,leads,"
                + "peak_heap_mb,peak_rss_mb", String.join(",", BenchCsv.HEADER));
    }

    @Test
    void aRowHasACellPerColumnAndAppendsUnderTheHeader() throws IOException {
        Series series = new Series(new double[] {2, 4, 3}, new long[3], new long[3], 3L << 20, -1);
        List<String> row = BenchCsv.row(Device.cpu(), new Measurement("inference", "samples/s", 0.5, series, 32, 12));
        assertEquals(BenchCsv.HEADER.size(), row.size());
        assertEquals(List.of("inference", "samples/s", "3.00", "2.00", "4.00", "1.50", "3", "32", "12", "3", "-1"),
                row.subList(6, row.size()));
        Path table = temp.resolve("bench.csv");
        BenchCsv.append(table, List.of(row));
        BenchCsv.append(table, List.of(row));
        List<String> lines = Files.readAllLines(table);
        assertEquals(3, lines.size());
        assertEquals(String.join(",", BenchCsv.HEADER), lines.get(0));
    }

    @Test
    void refusesAForeignTable() throws IOException {
        Path table = Files.writeString(temp.resolve("other.csv"), "a,b\n");
        assertThrows(EcgLabException.class, () -> BenchCsv.checkAppendable(table));
    }
}
