package org.ecgleadlab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The generated folders have exactly the published CODE-15% and CODE-TEST layouts, names, shapes and types. */
class SyntheticFormatTest {
    static final SyntheticConfig SMALL = SyntheticConfig.defaults().withSizes(2, 40, 16, 8)
            .withRecording(1.0, 0.3, 0.08);

    @RegisterExtension
    static final GeneratedData DATA = new GeneratedData(SMALL);

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }

    static String headerLine(Path file) throws IOException {
        return Files.readAllLines(file).get(0);
    }

    @Test
    void code15PartsHaveTracingsAndExamIdsOfTheRightShapeAndType() {
        for (int part = 0; part < 2; part++) {
            try (HdfFile hdf = new HdfFile(DATA.dataset().code15().resolve("exams_part" + part + ".hdf5"))) {
                Dataset tracings = hdf.getDatasetByPath("tracings");
                // 40 exams and the padding row real parts end with
                assertArrayEquals(new int[] {41, 4096, 12}, tracings.getDimensions());
                assertEquals(float.class, tracings.getJavaType());
                assertEquals(4, tracings.getDataType().getSize(), "float32");
                Dataset ids = hdf.getDatasetByPath("exam_id");
                assertArrayEquals(new int[] {41}, ids.getDimensions());
                assertEquals(long.class, ids.getJavaType());
                assertEquals(8, ids.getDataType().getSize(), "int64");
                long[] examIds = (long[]) ids.getData();
                assertEquals(0, examIds[40], "the padding row has exam_id 0");
                float[][] padding = ((float[][][]) tracings.getData(new long[] {40, 0, 0}, new int[] {1, 4096, 12}))[0];
                assertEquals(-1, firstNonZeroRow(padding, 1), "the padding row is all zeros");
            }
        }
    }

    @Test
    void examsCsvHasTheRealHeaderAndOneRowPerHdf5Exam() throws IOException {
        Path csvFile = DATA.dataset().code15().resolve("exams.csv");
        assertEquals("exam_id,age,is_male,nn_predicted_age,1dAVb,RBBB,LBBB,SB,ST,AF,patient_id,death,timey,"
                + "normal_ecg,trace_file", headerLine(csvFile));
        List<CSVRecord> rows = csv(csvFile);
        assertEquals(80, rows.size());
        Map<Long, String> fileOf = new HashMap<>();
        Map<String, Integer> examsPerPatient = new HashMap<>();
        for (CSVRecord row : rows) {
            assertNull(fileOf.put(Long.parseLong(row.get("exam_id")), row.get("trace_file")),
                    "duplicate exam_id " + row.get("exam_id"));
            for (String column : List.of("is_male", "1dAVb", "RBBB", "LBBB", "SB", "ST", "AF", "normal_ecg")) {
                assertTrue(Set.of("True", "False").contains(row.get(column)), column + " = " + row.get(column));
            }
            assertTrue(Set.of("True", "False", "").contains(row.get("death")));
            boolean anyLabel = List.of("1dAVb", "RBBB", "LBBB", "SB", "ST", "AF").stream()
                    .anyMatch(c -> row.get(c).equals("True"));
            assertEquals(!anyLabel, row.get("normal_ecg").equals("True"));
            examsPerPatient.merge(row.get("patient_id"), 1, Integer::sum);
        }
        assertTrue(examsPerPatient.values().stream().anyMatch(n -> n > 1), "some patients have several exams");
        assertTrue(examsPerPatient.size() < rows.size());

        List<Long> hdfOrder = new ArrayList<>();
        for (int part = 0; part < 2; part++) {
            String name = "exams_part" + part + ".hdf5";
            try (HdfFile hdf = new HdfFile(DATA.dataset().code15().resolve(name))) {
                long[] ids = (long[]) hdf.getDatasetByPath("exam_id").getData();
                for (long id : Arrays.copyOf(ids, ids.length - 1)) {
                    assertEquals(name, fileOf.get(id), "trace_file of exam " + id);
                    hdfOrder.add(id);
                }
            }
        }
        assertEquals(fileOf.keySet(), new HashSet<>(hdfOrder), "every HDF5 exam has one CSV row and back");
        List<Long> csvOrder = rows.stream().map(r -> Long.parseLong(r.get("exam_id"))).toList();
        assertFalse(csvOrder.equals(hdfOrder), "CSV rows are in another order than HDF5 rows, as in the real data");
    }

    @Test
    void testPoolFoldersHaveTheCodeTestLayout() throws IOException {
        Map<Path, Integer> sizes = Map.of(DATA.dataset().codeTest(), 16, DATA.dataset().audit(), 8);
        for (Map.Entry<Path, Integer> folder : sizes.entrySet()) {
            try (HdfFile hdf = new HdfFile(folder.getKey().resolve("ecg_tracings.hdf5"))) {
                Dataset tracings = hdf.getDatasetByPath("tracings");
                assertArrayEquals(new int[] {folder.getValue(), 4096, 12}, tracings.getDimensions());
                assertEquals(float.class, tracings.getJavaType());
            }
            Path gold = folder.getKey().resolve("annotations").resolve("gold_standard.csv");
            assertEquals("1dAVb,RBBB,LBBB,SB,AF,ST", headerLine(gold));
            List<CSVRecord> rows = csv(gold);
            assertEquals(folder.getValue(), rows.size());
            for (CSVRecord row : rows) {
                row.forEach(v -> assertTrue(v.equals("0") || v.equals("1"), "gold standard value " + v));
            }
        }
    }

    @Test
    void sevenSecondExamsAreCentredInZeroPaddingAndSomeExamsAreBlank() {
        int seven = 0;
        int ten = 0;
        int blank = 0;
        for (int part = 0; part < 2; part++) {
            try (HdfFile hdf = new HdfFile(DATA.dataset().code15().resolve("exams_part" + part + ".hdf5"))) {
                float[][][] tracings = (float[][][]) hdf.getDatasetByPath("tracings").getData();
                for (float[][] exam : Arrays.copyOf(tracings, tracings.length - 1)) {
                    int first = firstNonZeroRow(exam, 1);
                    if (first < 0) {
                        blank++;
                        continue;
                    }
                    int last = firstNonZeroRow(exam, -1);
                    int recorded = last - first + 1;
                    assertTrue(recorded == 2800 || recorded == 4000, "recorded samples " + recorded);
                    assertEquals(4096 - 1 - last, first, "padding is centred");
                    assertEquals((4096 - recorded) / 2, first);
                    if (recorded == 2800) {
                        seven++;
                    } else {
                        ten++;
                    }
                }
            }
        }
        assertTrue(seven > 0 && ten > seven && blank > 0, "7-s " + seven + ", 10-s " + ten + ", blank " + blank);
    }

    /** Index of the first (direction 1) or last (-1) row holding a non-zero value, or -1. */
    private static int firstNonZeroRow(float[][] exam, int direction) {
        for (int k = 0; k < exam.length; k++) {
            int row = direction > 0 ? k : exam.length - 1 - k;
            for (float v : exam[row]) {
                if (v != 0) {
                    return row;
                }
            }
        }
        return -1;
    }

    @Test
    void writesGoThroughTheBufferedChannel(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("buffered.hdf5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.removeAttribute("_jHDF");
            assertTrue(CodeFormatWriter.bufferWrites(hdf), "jhdf's internals changed: writes are unbuffered");
            hdf.putDataset("tracings", new float[][][] {{{1f, 2f}, {3f, 4f}}});
        }
        try (HdfFile hdf = new HdfFile(file)) {
            assertArrayEquals(new float[] {3f, 4f}, ((float[][][]) hdf.getDatasetByPath("tracings").getData())[0][1]);
        }
    }

    @Test
    void manifestRecordsTheConfigurationAndEveryFile() {
        GenerationManifest manifest = GenerationManifest.readFrom(DATA.dataset().root());
        assertNotNull(manifest);
        assertEquals(SMALL, manifest.config());
        assertEquals(SyntheticGenerator.DEFAULT_VERSION, manifest.version());
        assertTrue(manifest.files().keySet().containsAll(List.of("code15/exams_part0.hdf5", "code15/exams_part1.hdf5",
                "code15/exams.csv", "code-test/ecg_tracings.hdf5", "code-test/annotations/gold_standard.csv",
                "audit/ecg_tracings.hdf5", "audit/annotations/gold_standard.csv")));
        assertTrue(SyntheticDefaults.isCurrent(DATA.dataset().root(), SMALL));
        assertFalse(SyntheticDefaults.isCurrent(DATA.dataset().root(), SMALL.withSeed(1)), "another seed is stale");
    }
}
