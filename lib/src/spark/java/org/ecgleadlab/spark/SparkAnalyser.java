package org.ecgleadlab.spark;

import java.util.List;
import java.util.function.IntConsumer;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.explain.AnalysisRequest;
import org.ecgleadlab.explain.AnalysisTally;
import org.ecgleadlab.explain.ExamAnalyser;
import org.ecgleadlab.explain.LeadImportanceAnalysis;

/**
 * {@code rank-leads}' exams scored by the four methods in Spark tasks: each task runs
 * {@link LeadImportanceAnalysis#analyse} on its group; the driver joins the groups' tallies in exam order and
 * {@code RankLeads} reduces them as it does in one JVM (MethodAverage, FusedRanking, RankingFile).
 */
public final class SparkAnalyser implements ExamAnalyser {
    private final SparkRunner spark;

    public SparkAnalyser(SparkRunner spark) {
        this.spark = spark;
    }

    @Override
    public AnalysisTally analyse(AnalysisRequest request, List<ExamInfo> exams, IntConsumer examsDone) {
        List<List<ExamRow>> groups = ExamGroups.of(exams, spark.groupSize(exams.size(), request.batchSize()));
        AnalysisTally joined = AnalysisTally.empty(request.methods());
        spark.map(groups, group -> TaskOutcome.of(() -> ModelPool.with(request.checkpoint(), request.device(),
                model -> LeadImportanceAnalysis.analyse(model, request, ExamRow.exams(group), done -> { }))),
                examsDone).forEach(joined::absorb);
        return joined;
    }
}
