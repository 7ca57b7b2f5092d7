/**
 * The picocli commands behind the JBang scripts, one per script ({@code RankLeadsCommand}, {@code TrainCommand}, ...):
 * each turns options into one call of a job below it and prints its results; {@code Cli} runs them, printing user
 * errors as one line with exit code 2.
 *
 * <p>May import: every package of lib (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.cli;
