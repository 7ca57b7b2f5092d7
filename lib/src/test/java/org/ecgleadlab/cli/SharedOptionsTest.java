package org.ecgleadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.cli.options.OutputFolderOption;
import org.ecgleadlab.cli.options.SeedOptions;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The options that commands share through mixins keep each command's names and defaults. */
class SharedOptionsTest {
    /** The commands that run a model, each with the batch size it uses without --batch-size. */
    private static final Map<String, Integer> BATCH_SIZES = Map.of("train", 32, "subset-search", 32,
            "rank-leads", 8, "evaluate", 32, "predict", 64);

    private static CommandLine parsed(Object command, String... args) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.parseArgs(args);
        return commandLine;
    }

    private static Object value(CommandLine commandLine, String option) {
        return commandLine.getCommandSpec().findOption(option).getValue();
    }

    private static Object command(String name) {
        return switch (name) {
            case "train" -> new TrainCommand();
            case "subset-search" -> new SubsetSearchCommand();
            case "rank-leads" -> new RankLeadsCommand();
            case "evaluate" -> new EvaluateCommand();
            case "predict" -> new PredictCommand();
            case "adapt" -> new AdaptCommand();
            case "reproduce-tables" -> new ReproduceTablesCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static String[] withData(String name, String... args) {
        if (!name.equals("predict")) {
            return args;
        }
        String[] withData = java.util.Arrays.copyOf(args, args.length + 1);
        withData[args.length] = "some-folder";
        return withData;
    }

    @Test
    void eachCommandKeepsItsBatchSizeAndEveryModelCommandTakesDeviceAndThreads() {
        BATCH_SIZES.forEach((name, size) -> {
            CommandLine defaults = parsed(command(name), withData(name));
            assertEquals(size, value(defaults, "--batch-size"), name);
            assertEquals("auto", value(defaults, "--device"), name);
            assertNull(value(defaults, "--threads"), name);
            CommandLine given = parsed(command(name), withData(name, "--batch-size", "3", "--device", "cpu",
                    "--threads", "2"));
            assertEquals(3, value(given, "--batch-size"), name);
            assertEquals("cpu", value(given, "--device"), name);
            assertEquals(2, value(given, "--threads"), name);
        });
        for (String name : List.of("adapt", "reproduce-tables")) {
            assertEquals("cpu", value(parsed(command(name), "--device", "cpu", "--threads", "1"), "--device"), name);
        }
    }

    @Test
    void seedsKeepEachCommandsDefault() {
        assertEquals(1L, value(parsed(new TrainCommand()), "--seed"));
        assertEquals(7L, value(parsed(new RankLeadsCommand()), "--seed"));
        assertEquals(7L, value(parsed(new EvaluateCommand()), "--seed"));
        assertEquals(1L, value(parsed(new SubsetSearchCommand()), "--seed"));
        assertEquals(1L, value(parsed(new AdaptCommand()), "--seed"));
        assertEquals(1L, value(parsed(new CompareDataCommand(), "a"), "--seed"));
        assertEquals(5L, value(parsed(new TrainCommand(), "--seed", "5", "--split-seed", "9"), "--seed"));
    }

    @Command
    static final class Seeded {
        @Mixin
        final SeedOptions seeds = new SeedOptions(3);
    }

    @Test
    void theSplitSeedIsOneUnlessGivenOrTakenFromARanking() {
        Seeded absent = new Seeded();
        parsed(absent);
        assertNull(absent.seeds.givenSplitSeed());
        assertEquals(SeedOptions.DEFAULT_SPLIT_SEED, absent.seeds.splitSeed());
        assertEquals(6, absent.seeds.splitSeedOr(6L));
        assertEquals(3, absent.seeds.seed());
        Seeded given = new Seeded();
        parsed(given, "--split-seed", "4");
        assertEquals(4L, given.seeds.givenSplitSeed());
        assertEquals(4, given.seeds.splitSeed());
        assertEquals(4, given.seeds.splitSeedOr(6L));
    }

    @Command
    static final class Writing {
        @Mixin
        final OutputFolderOption output = new OutputFolderOption("somewhere");
    }

    @Test
    void theOutputFolderIsUnderTheProjectsRunsUnlessGiven() {
        Writing absent = new Writing();
        String help = parsed(absent).getUsageMessage();
        assertTrue(help.contains("-o, --output=DIR   output folder (default: " + Path.of("runs", "somewhere") + ")"),
                help);
        assertNull(absent.output.given());
        assertEquals(ProjectPaths.runs().resolve("somewhere"), absent.output.folder());
        for (String name : List.of("-o", "--output")) {
            Writing given = new Writing();
            parsed(given, name, "elsewhere");
            assertEquals(Path.of("elsewhere"), given.output.given());
            assertEquals(Path.of("elsewhere"), given.output.folder());
        }
    }

    @Test
    void olderNamesStillWorkAsHiddenAliases() {
        assertEquals(3, value(parsed(new GenerateDataCommand(), "--threads", "3"), "--workers"));
        assertEquals(Path.of("x"), ((GenerateDataCommand) parsed(new GenerateDataCommand(), "--out", "x")
                .getCommand()).plan().target());
        assertEquals(6, value(parsed(new BenchCommand(), "--leads", "6"), "--lead-count"));
        assertEquals(5, value(parsed(new BenchCommand(), "--batch", "5"), "--batch-size"));
        for (String hidden : List.of("--threads", "--out")) {
            assertTrue(new CommandLine(new GenerateDataCommand()).getCommandSpec().findOption(hidden).hidden(), hidden);
        }
        String help = new CommandLine(new BenchCommand()).getUsageMessage();
        assertTrue(help.contains("--lead-count=N") && !help.contains("--leads="), help);
    }

    @Test
    void everyCommandThatRunsAModelTakesTheCheckpointByItsShortName() {
        for (String name : List.of("evaluate", "predict", "rank-leads", "subset-search", "adapt",
                "reproduce-tables")) {
            assertEquals("w.npz", value(parsed(command(name), withData(name, "-c", "w.npz")), "--checkpoint"), name);
        }
        assertEquals("V1,I", value(parsed(new PredictCommand(), "--leads", "V1,I", "x"), "--leads"));
    }

    @Test
    void outputIsAFolderEverywhereAndPredictStillTakesACsvFile() {
        PredictCommand.Plan intoFolder = ((PredictCommand) parsed(new PredictCommand(), "-o", "out", "data")
                .getCommand()).plan();
        assertEquals(Path.of("out", PredictCommand.PREDICTIONS_FILE), intoFolder.file());
        PredictCommand.Plan intoFile = ((PredictCommand) parsed(new PredictCommand(), "--output", "mine.csv", "data")
                .getCommand()).plan();
        assertEquals(Path.of("mine.csv"), intoFile.file());
        PredictCommand.Plan byDefault = ((PredictCommand) parsed(new PredictCommand(), "data").getCommand()).plan();
        assertEquals(ProjectPaths.runs().resolve("predict").resolve(PredictCommand.PREDICTIONS_FILE), byDefault.file());
        PredictCommand.Plan logits = ((PredictCommand) parsed(new PredictCommand(), "--npz-input", "x.npz")
                .getCommand()).plan();
        assertNull(logits.file(), "logits go to stdout without -o");
        assertEquals(Path.of("g"), ((GenerateDataCommand) parsed(new GenerateDataCommand(), "-o", "g")
                .getCommand()).plan().target());
    }
}
