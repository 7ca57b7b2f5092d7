/**
 * The picocli commands behind the JBang scripts, one per script ({@code RankLeadsCommand}, {@code TrainCommand}, ...):
 * each is a {@code PlannedCommand}: it turns every option into one plan (a record) before it reads any data, refusing
 * options that conflict or need another by its declared {@code OptionRule}s, then runs the plan through one job below
 * it and prints its results. {@code OptionWalkTest} gives each option alone and checks the plan changes, so no option
 * is parsed and then ignored. {@code Cli} runs them: user errors as one line with exit code 2, anything else that
 * escapes ({@code LastResort}: a bug, the JVM out of memory) as one line naming the file with its stack trace, exit
 * code 70; never a stack trace on the console.
 *
 * <p>May import: every package of lib (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.cli;
