package org.ecgleadlab.spark;

import java.util.List;
import java.util.function.IntConsumer;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.train.ExamScorer;
import org.ecgleadlab.train.Prediction;
import org.ecgleadlab.train.ScoringRequest;

/**
 * {@code predict}'s and {@code evaluate}'s exams scored by Spark tasks: each task scores its group with
 * {@link Prediction#score} and a model of its JVM's {@link ModelPool}; the groups come back joined in order.
 */
public final class SparkScorer implements ExamScorer {
    private final SparkRunner spark;

    public SparkScorer(SparkRunner spark) {
        this.spark = spark;
    }

    @Override
    public Predictions score(ScoringRequest request, List<ExamInfo> exams, IntConsumer examsScored) {
        List<List<ExamRow>> groups = ExamGroups.of(exams, spark.groupSize(exams.size(), request.batchSize()));
        return Predictions.concat(spark.map(groups, group -> TaskOutcome.of(() ->
                ModelPool.with(request.checkpoint(), request.device(),
                        model -> Prediction.score(model, request, ExamRow.exams(group), done -> { }))),
                examsScored));
    }
}
