package org.ecgleadlab.cli;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * A command that turns every option into one value, its plan, before it reads data or builds a model; {@link #call()}
 * runs that plan and nothing else. Building the plan checks the options ({@link #rules()}, --device, ranges), so a bad
 * combination is refused at once. {@code OptionWalkTest} gives every option in turn and checks that the plan changes:
 * an option that goes nowhere fails it.
 *
 * @param <P> the plan: a record (value equality), holding what the job is given
 */
interface PlannedCommand<P> extends Callable<Integer> {
    /** Every option, checked and mapped to what the job receives; reads no data. */
    P plan();

    /** Runs the plan; returns the exit code. */
    int run(P plan);

    /** Which options conflict, need another, or restate a default; checked by {@link OptionRule#check}. */
    default List<OptionRule> rules() {
        return List.of();
    }

    @Override
    default Integer call() {
        return run(plan());
    }
}
