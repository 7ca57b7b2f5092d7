package org.ecgleadlab.cli;

import java.util.List;
import org.ecgleadlab.util.EcgLabException;
import picocli.CommandLine.ParseResult;

/**
 * How one option relates to another in a command: declared as data, so the command refuses the combination in one line
 * and {@code OptionWalkTest} can give each pair and check the refusal.
 *
 * @param kind   what the rule says
 * @param option the option the rule is about (its longest name)
 * @param other  the conflicting or needed option; null for {@link Kind#RESTATES_DEFAULT}
 * @param why    the reason, said in the refusal
 */
record OptionRule(Kind kind, String option, String other, String why) {
    enum Kind {
        /** Both given: refused, one of them would be ignored. */
        CONFLICTS,
        /** {@code option} without {@code other}: refused, it would be ignored. */
        NEEDS,
        /** {@code option} says explicitly what the command does without it (e.g. install-kernel's --user). */
        RESTATES_DEFAULT
    }

    static OptionRule conflicts(String option, String other, String why) {
        return new OptionRule(Kind.CONFLICTS, option, other, why);
    }

    static OptionRule needs(String option, String other, String why) {
        return new OptionRule(Kind.NEEDS, option, other, why);
    }

    static OptionRule restatesDefault(String option) {
        return new OptionRule(Kind.RESTATES_DEFAULT, option, null, "it is the default");
    }

    /** Refuses the first broken rule in one line naming both options and why. */
    static void check(List<OptionRule> rules, ParseResult given) {
        for (OptionRule rule : rules) {
            boolean hasOption = given.hasMatchedOption(rule.option);
            if (rule.kind == Kind.CONFLICTS && hasOption && given.hasMatchedOption(rule.other)) {
                throw new EcgLabException(rule.option + " conflicts with " + rule.other + ": " + rule.why
                        + "; give one or the other");
            }
            if (rule.kind == Kind.NEEDS && hasOption && !given.hasMatchedOption(rule.other)) {
                throw new EcgLabException(rule.option + " applies only with " + rule.other + ": " + rule.why
                        + "; add " + rule.other + " or drop " + rule.option);
            }
        }
    }
}
