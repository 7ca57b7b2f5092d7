package org.ecgleadlab.bench;

import java.nio.file.Path;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.synthetic.DataLayout;
import org.ecgleadlab.data.synthetic.PhysioNetGenerator;
import org.ecgleadlab.data.synthetic.SyntheticConfig;
import org.ecgleadlab.data.synthetic.SyntheticDefaults;
import org.ecgleadlab.data.synthetic.SyntheticGenerator;
import org.ecgleadlab.util.EcgLabException;

/** The datasets of {@code bench --growth}: generated once under the data root, reused while their options match. */
final class GrowthData {
    /** Exams per CODE-15% part file, as the real parts' order of magnitude allows on a small machine. */
    static final int EXAMS_PER_PART = 1000;

    private GrowthData() {
    }

    /**
     * One dataset the jobs run on.
     *
     * @param layout   code15 or ptbxl
     * @param size     exams it was generated with
     * @param folder   what the jobs are given: the code15/ folder or the PTB-XL root
     * @param exams    exams the lib opens there
     * @param testPool exams of its test pool (PTB-XL: fold 10)
     */
    record Dataset(String layout, int size, Path folder, int exams, int testPool) {
    }

    /** A CODE-15%-layout dataset of {@code exams} exams in parts of at most {@value #EXAMS_PER_PART}. */
    static Dataset code15(Path root, int exams) {
        int parts = (exams + EXAMS_PER_PART - 1) / EXAMS_PER_PART;
        if (exams < 1 || exams % parts != 0) {
            throw new EcgLabException("--growth-sizes " + exams + ": " + parts + " parts of at most " + EXAMS_PER_PART
                    + " exams cannot hold it evenly; give a multiple of " + parts);
        }
        // the test pool is not what grows; the jobs read the CODE-15% folder itself
        SyntheticConfig config = SyntheticConfig.defaults().withSizes(parts, exams / parts, 10, 10);
        Path folder = root.resolve("code15-" + exams);
        if (!SyntheticDefaults.isCurrent(folder, config)) {
            System.err.println("generating " + exams + " CODE-15% exams into " + folder);
            new SyntheticGenerator(config, Runtime.getRuntime().availableProcessors(), true).generate(folder);
        }
        return opened("code15", exams, folder.resolve("code15"));
    }

    /** A PTB-XL-layout root of {@code records} records, continued where an earlier generation stopped. */
    static Dataset ptbxl(Path root, int records) {
        Path folder = root.resolve("ptbxl-" + records);
        PhysioNetGenerator generator = new PhysioNetGenerator(DataLayout.PTBXL, SyntheticConfig.defaults(), records,
                Runtime.getRuntime().availableProcessors(), true);
        if (!generator.isCurrent(folder)) {
            System.err.println("generating a PTB-XL root of " + records + " records into " + folder);
            generator.generate(folder);
        }
        return opened("ptbxl", records, folder);
    }

    private static Dataset opened(String layout, int size, Path folder) {
        CodeDataset data = CodeDataset.open(folder);
        return new Dataset(layout, size, folder, data.exams().size(), data.testPool().size());
    }
}
