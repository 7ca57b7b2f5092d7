package org.ecgleadlab.cli;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.ecgleadlab.bench.ChildPeaks;
import org.ecgleadlab.util.EcgLabException;

/**
 * The main of {@code bench --growth}'s child JVMs: {@code GrowthChild COMMAND ARGS...} runs one command as its JBang
 * script would, and reports its peak heap and RSS on exit ({@link ChildPeaks}).
 */
public final class GrowthChild {
    private static final Map<String, Supplier<Object>> COMMANDS = Map.of(
            "ecg-info", EcgInfoCommand::new,
            "predict", PredictCommand::new,
            "evaluate", EvaluateCommand::new,
            "train", TrainCommand::new,
            "rank-leads", RankLeadsCommand::new,
            "subset-search", SubsetSearchCommand::new);

    private GrowthChild() {
    }

    public static void main(String... args) {
        Supplier<Object> command = args.length == 0 ? null : COMMANDS.get(args[0]);
        if (command == null) {
            throw new EcgLabException("GrowthChild: give one of " + COMMANDS.keySet() + " and its arguments");
        }
        ChildPeaks.install();
        Cli.main(command.get(), Arrays.copyOfRange(args, 1, args.length));
    }
}
