package org.ecgleadlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class PrevalenceTest {
    static ExamInfo exam(long id, Condition... conditions) {
        float[] labels = new float[Condition.COUNT];
        for (Condition c : conditions) {
            labels[c.index()] = 1;
        }
        return new ExamInfo(id, id, labels, Path.of("part.hdf5"), (int) id, "code15");
    }

    @Test
    void countsEachLabelOncePerExamAndUnlabelledExamsApart() {
        List<ExamInfo> train = List.of(exam(1, Condition.RBBB), exam(2, Condition.RBBB, Condition.AVB1), exam(3),
                exam(4, Condition.AF));
        List<ExamInfo> test = List.of(exam(5), exam(6, Condition.ST));
        Map<String, List<ExamInfo>> sets = new LinkedHashMap<>();
        sets.put("train", train);
        sets.put("test", test);
        Prevalence prevalence = Prevalence.of(sets);
        assertEquals(2, prevalence.count("train", Condition.RBBB));
        assertEquals(50.0, prevalence.percent("train", Condition.RBBB), 1e-12);
        assertEquals(1, prevalence.unlabelled("train"));
        assertEquals(0, prevalence.count("test", Condition.RBBB));
        Table table = prevalence.table();
        assertEquals(List.of("Condition", "Description", "train n", "train %", "test n", "test %"),
                table.columnNames());
        assertEquals(Condition.COUNT + 2, table.rowCount());
        assertEquals(1, table.intColumn("train n").getInt(Condition.AVB1.index()));
        assertEquals(50.0, table.doubleColumn("test %").getDouble(Condition.COUNT), 1e-12);
        assertEquals(4, table.intColumn("train n").getInt(Condition.COUNT + 1));
        Figure.of(prevalence.chart()).image();
        assertThrows(IllegalArgumentException.class, () -> prevalence.count("validation", Condition.ST));
    }
}
