package org.ecgleadlab.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import org.ecgleadlab.data.Condition;

/**
 * The named metrics of one metrics class in their fixed order: each per-condition metric for every condition in turn,
 * then the overall ones. The class's {@code names()} and {@code asMap()} both read this one list, so the order of
 * the names and of the values cannot drift apart.
 *
 * @param <M> the metrics class
 */
final class MetricTable<M> {
    private record PerCondition<M>(Function<Condition, String> key, ToDoubleBiFunction<M, Condition> value) {
    }

    private record Overall<M>(String key, ToDoubleFunction<M> value) {
    }

    private final List<PerCondition<M>> perCondition = new ArrayList<>();
    private final List<Overall<M>> overall = new ArrayList<>();

    /** Adds a metric of every condition, named {@code key(condition)}. */
    MetricTable<M> perCondition(Function<Condition, String> key, ToDoubleBiFunction<M, Condition> value) {
        perCondition.add(new PerCondition<>(key, value));
        return this;
    }

    /** Adds a metric of all conditions together (macro, micro, subset). */
    MetricTable<M> overall(String key, ToDoubleFunction<M> value) {
        overall.add(new Overall<>(key, value));
        return this;
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        for (PerCondition<M> metric : perCondition) {
            for (Condition c : Condition.values()) {
                names.add(metric.key().apply(c));
            }
        }
        overall.forEach(metric -> names.add(metric.key()));
        return List.copyOf(names);
    }

    /** Every metric of {@code metrics} by name, in {@link #names()} order. */
    Map<String, Double> values(M metrics) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (PerCondition<M> metric : perCondition) {
            for (Condition c : Condition.values()) {
                values.put(metric.key().apply(c), metric.value().applyAsDouble(metrics, c));
            }
        }
        overall.forEach(metric -> values.put(metric.key(), metric.value().applyAsDouble(metrics)));
        return Collections.unmodifiableMap(values);
    }
}
