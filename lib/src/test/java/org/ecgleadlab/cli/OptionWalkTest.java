package org.ecgleadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * No option is parsed and then ignored: every option of every command, given alone (with the options it needs),
 * changes the command's plan, the value its run is made of; every declared conflict is refused in one line naming both
 * options. A new option that goes nowhere fails here; so does a new command without a plan.
 */
class OptionWalkTest {
    /** Every command of the package, made fresh for each parse. */
    private static final Map<String, Supplier<Object>> COMMANDS = Map.ofEntries(
            Map.entry("train", TrainCommand::new), Map.entry("predict", PredictCommand::new),
            Map.entry("evaluate", EvaluateCommand::new), Map.entry("rank-leads", RankLeadsCommand::new),
            Map.entry("subset-search", SubsetSearchCommand::new), Map.entry("adapt", AdaptCommand::new),
            Map.entry("reproduce-tables", ReproduceTablesCommand::new), Map.entry("bench", BenchCommand::new),
            Map.entry("generate-data", GenerateDataCommand::new), Map.entry("compare-data", CompareDataCommand::new),
            Map.entry("install-kernel", InstallKernelCommand::new), Map.entry("ecg-info", EcgInfoCommand::new));

    /** Positional arguments a command needs to parse at all. */
    private static final Map<String, List<String>> REQUIRED = Map.of("predict", List.of("some-folder"),
            "compare-data", List.of("folder-a"), "evaluate", List.of("labelled-folder"), "ecg-info",
            List.of("some-folder"));

    /** Options that replace the required arguments (an exclusive group). */
    private static final Set<String> INSTEAD_OF_REQUIRED = Set.of("predict --npz-input", "evaluate --predictions");

    /** Valid values of options whose type does not say what one is (text), by name or by "command name". */
    private static final Map<String, String> TEXT_VALUES = Map.ofEntries(
            Map.entry("--leads", "V1,I"), Map.entry("--input", "reduced"), Map.entry("--checkpoint", "w.npz"),
            Map.entry("--device", "cpu"), Map.entry("--strategy", "finetune-masking"), Map.entry("--profile", "cpu"),
            Map.entry("--subsets", "devices"), Map.entry("--methods", "output,ig"), Map.entry("--ig-rule", "trapezoid"),
            Map.entry("--prevalence", "AF=0.05"), Map.entry("--only", "matmul"), Map.entry("--names", "x,y"),
            Map.entry("evaluate --threshold", "0.3"), Map.entry("bench --leads", "6"),
            Map.entry("--exams-per-patient", "2.5"), Map.entry("--growth-sizes", "1000,2000"),
            Map.entry("--growth-jobs", "ecg-info"), Map.entry("--growth-heap", "768m"), Map.entry("--layout", "ptbxl"),
            Map.entry("--gain-augment", "2"), Map.entry("--dump", "A0001"), Map.entry("--memory", "256m"),
            Map.entry("generate-data --generator-version", "2")); // the default is the newest version

    static List<String> commandNames() {
        return new ArrayList<>(new TreeSet<>(COMMANDS.keySet()));
    }

    private static CommandLine parsed(String name, List<String> args) {
        CommandLine commandLine = new CommandLine(COMMANDS.get(name).get());
        commandLine.parseArgs(args.toArray(String[]::new));
        return commandLine;
    }

    private static Object plan(CommandLine commandLine) {
        return ((PlannedCommand<?>) commandLine.getCommand()).plan();
    }

    private static List<OptionRule> rules(String name) {
        return ((PlannedCommand<?>) COMMANDS.get(name).get()).rules();
    }

    private static String longest(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : "positional " + arg.paramLabel();
    }

    /** A valid value other than the default, from the option's type and initial value, or the table. */
    private static List<String> given(String command, ArgSpec arg) {
        String name = longest(arg);
        Class<?> type = arg.type();
        if (arg instanceof OptionSpec option && option.arity().max == 0) {
            return List.of(name);
        }
        String value = TEXT_VALUES.getOrDefault(command + " " + name, TEXT_VALUES.get(name));
        if (value == null) {
            Object initial = arg.getValue(); // the default: arg comes from a parse without it
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                value = initial instanceof Number n ? String.valueOf(n.longValue() + 1) : "97";
            } else if (type == double.class || type == Double.class) {
                double d = initial instanceof Number n ? n.doubleValue() : 0;
                value = String.valueOf(d == 0 ? 0.25 : d / 2);
            } else if (type == Path.class) {
                value = "given-path";
            } else if (List.class.isAssignableFrom(type) && arg.auxiliaryTypes()[0] == Path.class) {
                value = "given-a,given-b";
            } else {
                fail(command + " " + name + ": add a valid value of type " + type.getSimpleName() + " to TEXT_VALUES");
            }
        }
        return arg instanceof OptionSpec ? List.of(name, value) : List.of(value);
    }

    private static List<String> base(String command, String option) {
        return INSTEAD_OF_REQUIRED.contains(command + " " + option) ? List.of()
                : REQUIRED.getOrDefault(command, List.of());
    }

    @Test
    void everyCommandOfThePackageIsWalked() throws IOException {
        Path classes = Path.of(Cli.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .resolve(Cli.class.getPackageName().replace('.', '/'));
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .toList()) {
                String simple = file.getFileName().toString().replace(".class", "");
                Class<?> type;
                try {
                    type = Class.forName(Cli.class.getPackageName() + "." + simple);
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(e);
                }
                Command command = type.getAnnotation(Command.class);
                if (command != null && !command.name().isEmpty() && !Modifier.isAbstract(type.getModifiers())) {
                    found.add(command.name());
                    assertTrue(PlannedCommand.class.isAssignableFrom(type),
                            command.name() + ": implement PlannedCommand, so its options are walked here");
                }
            }
        }
        assertEquals(new TreeSet<>(COMMANDS.keySet()), found);
    }

    @TestFactory
    List<DynamicTest> everyOptionChangesThePlan() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String command : commandNames()) {
            Object defaults = plan(parsed(command, REQUIRED.getOrDefault(command, List.of())));
            assertEquals(defaults, plan(parsed(command, REQUIRED.getOrDefault(command, List.of()))),
                    command + ": its plan must have value equality (records all the way down)");
            List<OptionRule> rules = rules(command);
            CommandLine spec = parsed(command, REQUIRED.getOrDefault(command, List.of()));
            List<ArgSpec> args = new ArrayList<>(spec.getCommandSpec().options().stream()
                    .filter(o -> !o.usageHelp() && !o.versionHelp()).toList());
            for (PositionalParamSpec positional : spec.getCommandSpec().positionalParameters()) {
                if (positional.arity().min == 0) {
                    args.add(positional);
                }
            }
            for (ArgSpec arg : args) {
                String name = longest(arg);
                tests.add(DynamicTest.dynamicTest(command + " " + name, () -> walk(command, name, arg, rules,
                        defaults)));
            }
        }
        return tests;
    }

    private static void walk(String command, String name, ArgSpec arg, List<OptionRule> rules, Object defaults) {
        OptionRule needs = rules.stream().filter(r -> r.kind() == OptionRule.Kind.NEEDS && r.option().equals(name))
                .findFirst().orElse(null);
        List<String> with = new ArrayList<>(base(command, name));
        Object without = defaults;
        if (needs != null) {
            OptionSpec partner = parsed(command, with).getCommandSpec().findOption(needs.other());
            with.addAll(given(command, partner));
            without = plan(parsed(command, with));
            List<String> alone = new ArrayList<>(base(command, name));
            alone.addAll(given(command, arg));
            EcgLabException refused = assertThrows(EcgLabException.class, () -> plan(parsed(command, alone)),
                    command + " " + name + " without " + needs.other() + " must be refused");
            assertOneLineNaming(refused, name, needs.other());
        }
        with.addAll(given(command, arg));
        Object plan = plan(parsed(command, with));
        boolean restates = rules.stream().anyMatch(r -> r.kind() == OptionRule.Kind.RESTATES_DEFAULT
                && r.option().equals(name));
        if (restates) {
            assertEquals(without, plan, command + " " + name + " is declared to restate the default");
        } else {
            assertNotEquals(without, plan, command + " " + name + " " + with + " is parsed and then ignored: the "
                    + "plan did not change; honour it, or refuse it with an OptionRule");
        }
    }

    private static void assertOneLineNaming(EcgLabException e, String... options) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        for (String option : options) {
            assertTrue(e.getMessage().contains(option), e.getMessage());
        }
    }

    @TestFactory
    List<DynamicTest> everyDeclaredConflictIsRefusedInOneLine() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String command : commandNames()) {
            CommandLine spec = parsed(command, REQUIRED.getOrDefault(command, List.of()));
            for (OptionRule rule : rules(command)) {
                tests.add(DynamicTest.dynamicTest(command + " " + rule.option() + " / " + rule.other(), () -> {
                    OptionSpec option = spec.getCommandSpec().findOption(rule.option());
                    assertNotNull(option, command + ": the rule names " + rule.option() + ", which it does not take");
                    if (rule.kind() != OptionRule.Kind.CONFLICTS) {
                        return; // NEEDS and RESTATES_DEFAULT are checked by the walk
                    }
                    OptionSpec other = spec.getCommandSpec().findOption(rule.other());
                    assertNotNull(other, command + ": the rule names " + rule.other() + ", which it does not take");
                    List<String> both = new ArrayList<>(base(command, rule.option()));
                    both.addAll(given(command, option));
                    both.addAll(given(command, other));
                    EcgLabException refused = assertThrows(EcgLabException.class, () -> plan(parsed(command, both)),
                            command + " " + both);
                    assertOneLineNaming(refused, rule.option(), rule.other());
                }));
            }
        }
        return tests;
    }

    @Test
    void theIssuesIgnoredOptionsAreRefusedThroughCli() {
        String printed = CliCapture.run(Cli.USER_ERROR, new AdaptCommand(), "--leads", "V1", "--checkpoint", "w.npz",
                "--train-baseline");
        CliCapture.assertPrinted(printed, "adapt: error: --checkpoint conflicts with --train-baseline");
        printed = CliCapture.run(Cli.USER_ERROR, new ReproduceTablesCommand(), "--ranking", "r.json",
                "--paper-subsets");
        CliCapture.assertPrinted(printed, "reproduce-tables: error: --paper-subsets conflicts with --ranking");
        printed = CliCapture.run(Cli.USER_ERROR, new SubsetSearchCommand(), "-c", "w.npz", "--epochs", "2");
        CliCapture.assertPrinted(printed, "subset-search: error: --checkpoint conflicts with --epochs");
    }

    /** Refusals that depend on another option's value, which {@link OptionRule} cannot declare. */
    @Test
    void optionsOfAPartLeftOutAreRefused() {
        EcgLabException ig = assertThrows(EcgLabException.class,
                () -> plan(parsed("rank-leads", List.of("--methods", "output,loss", "--ig-steps", "8"))));
        assertOneLineNaming(ig, "--ig-steps", "--methods");
        assertNotNull(plan(parsed("rank-leads", List.of("--methods", "output,ig", "--ig-rule", "trapezoid"))));
        EcgLabException figure = assertThrows(EcgLabException.class,
                () -> plan(parsed("bench", List.of("--only", "inference", "--matmul-size", "64"))));
        assertOneLineNaming(figure, "--matmul-size", "--only", "matmul");
        assertNotNull(plan(parsed("bench", List.of("--only", "hdf5,inference", "--read-exams", "8"))));
    }

    @Test
    void everyCommandsHelpRenders() {
        for (String command : commandNames()) {
            String help = new CommandLine(COMMANDS.get(command).get()).getUsageMessage();
            assertTrue(help.startsWith("Usage: " + command), help);
            assertFalse(help.contains("default: null"), help);
        }
    }

    @Test
    void aBadDeviceIsOneLineBeforeAnyDataIsRead() {
        String printed = CliCapture.run(Cli.USER_ERROR, new PredictCommand(), "--device", "tpu", "no-such-folder");
        CliCapture.assertPrinted(printed, "predict: error: --device tpu: not a device; use auto, cpu, gpu or gpu:N");
        assertFalse(printed.contains("no-such-folder"), printed);
    }
}
