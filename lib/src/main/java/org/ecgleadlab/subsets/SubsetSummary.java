package org.ecgleadlab.subsets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.explain.RankedSubsets;
import org.ecgleadlab.metrics.PairedDifference;
import org.ecgleadlab.report.Json;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.util.EcgLabException;

/**
 * The search's findings as written to {@value #FILE_NAME} (read back by {@code adapt --subsets best} and the notebook).
 *
 * @param maxSize          largest size searched exhaustively
 * @param threshold        decision threshold of F1
 * @param exams            evaluation exams
 * @param splitSeed        the test pool's split seed
 * @param checkpoint       the model's weights
 * @param leadDropoutModel whether the model was trained with lead dropout
 * @param bestBySize       the best subset of each searched size
 * @param ranking          the ranking's order (most important first), or empty without a ranking
 * @param rankingStandings Top-1/2/3 and Bottom-3 among the subsets of their size
 * @param devices          the device sets, same fields
 * @param correlations     fused importance vs macro F1
 * @param bestPairIsTop2   whether the best pair is the ranking's Top-2 (null without a ranking or pairs)
 * @param secondsPerStage  wall time per stage
 * @param provenance       inputs and options
 */
public record SubsetSummary(int maxSize, double threshold, int exams, long splitSeed, String checkpoint,
                            boolean leadDropoutModel, List<Best> bestBySize, List<String> ranking,
                            List<Position> rankingStandings, List<Position> devices,
                            List<SubsetAnalysis.Correlation> correlations, Boolean bestPairIsTop2,
                            Map<String, Double> secondsPerStage, Provenance provenance) {
    public static final String FILE_NAME = "summary.json";

    /** The best subset of one size: its macro F1 and AUC with 95 % intervals, and those level with it. */
    public record Best(int size, String leads, double macroF1, double macroF1Lower, double macroF1Upper,
                       double macroAuc, double macroAucLower, double macroAucUpper, int subsets,
                       List<String> indistinguishable) {
    }

    /**
     * A named subset's place: rank among its size (0 if that size was not searched), percentile, macro F1 with its
     * interval, and paired macro-F1 differences to the best of its size and to all 12 leads.
     */
    public record Position(String name, String description, String leads, int size, int rank, int of,
                           double percentile, double macroF1, double macroF1Lower, double macroF1Upper,
                           double macroAuc, Double deltaVsBest, Double pVsBest, Boolean amongBest, double deltaVsAll12,
                           double deltaVsAll12Lower, double deltaVsAll12Upper, double pVsAll12) {
        static Position of(SubsetAnalysis.Standing s, String description) {
            PairedDifference best = s.versusBest();
            PairedDifference all = s.versusAllLeads();
            return new Position(s.name(), description, s.score().set().name(), s.score().size(), s.rank(), s.of(),
                    s.percentile(), s.score().f1(), s.score().macroF1().lower(), s.score().macroF1().upper(),
                    s.score().macroAuc().estimate(), best == null ? null : best.difference(),
                    best == null ? null : best.pValue(), best == null ? null : s.amongBest(), all.difference(),
                    all.lower(), all.upper(), all.pValue());
        }
    }

    /** The summary of {@code outcome}. */
    public static SubsetSummary of(SubsetSearch.Outcome outcome) {
        List<Best> best = new ArrayList<>();
        for (SubsetAnalysis.SizeBest b : outcome.analysis().bestBySize()) {
            SubsetScore s = b.best();
            best.add(new Best(b.size(), s.set().name(), s.f1(), s.macroF1().lower(), s.macroF1().upper(),
                    s.macroAuc().estimate(), s.macroAuc().lower(), s.macroAuc().upper(), b.sets(),
                    b.indistinguishable()));
        }
        List<Position> ranking = outcome.rankingStandings().stream().map(s -> Position.of(s, "lead ranking")).toList();
        List<Position> devices = new ArrayList<>();
        for (SubsetAnalysis.Standing s : outcome.deviceStandings()) {
            String description = java.util.Arrays.stream(DeviceSet.values())
                    .filter(d -> d.shortName().equals(s.name())).findFirst().map(DeviceSet::description).orElse("");
            devices.add(Position.of(s, description));
        }
        Boolean pairIsTop2 = null;
        if (outcome.ranking() != null) {
            String top2 = LeadSet.of(outcome.ranking().subset(RankedSubsets.topName(2))).name();
            pairIsTop2 = best.stream().filter(b -> b.size() == 2).findFirst().map(b -> b.leads().equals(top2))
                    .orElse(null);
        }
        return new SubsetSummary(outcome.options().maxSize(), outcome.options().threshold(), outcome.exams(),
                outcome.splitSeed(), outcome.checkpoint().toAbsolutePath().normalize().toString(),
                outcome.leadDropoutModel(), best, outcome.ranking() == null ? List.of() : outcome.ranking().order(),
                ranking, devices, outcome.ranking() == null ? List.of()
                        : outcome.analysis().correlations(outcome.ranking()),
                pairIsTop2, outcome.secondsPerStage(), outcome.provenance());
    }

    public void write(Path file) {
        Json.write(file, this);
    }

    /** Reads a summary written by {@link #write}, from the file or from a subset-search output folder. */
    public static SubsetSummary read(Path fileOrFolder) {
        Path file = java.nio.file.Files.isDirectory(fileOrFolder) ? fileOrFolder.resolve(FILE_NAME) : fileOrFolder;
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new EcgLabException(file + ": no subset-search summary; run ./jbang subset-search first or point "
                    + "to its output folder");
        }
        SubsetSummary summary = Json.read(file, SubsetSummary.class);
        if (summary.bestBySize() == null || summary.provenance() == null) {
            throw new EcgLabException(file + ": not a subset-search summary (fields bestBySize, provenance); run "
                    + "./jbang subset-search again");
        }
        return summary;
    }
}
