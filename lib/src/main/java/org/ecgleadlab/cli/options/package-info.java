/**
 * Options that several commands take, as picocli mixins: one class per option name, so a name has one meaning and one
 * description wherever it appears. The vocabulary:
 * <ul>
 *   <li>{@code -c/--checkpoint WEIGHTS} ({@link org.ecgleadlab.cli.options.CheckpointOption}): the weights a command
 *       runs; the command passes what it runs without it (the shipped 12-lead model, the lead-dropout model, a
 *       ranking's checkpoint) as text for --help;</li>
 *   <li>{@code -o/--output DIR} ({@link org.ecgleadlab.cli.options.OutputFolderOption}): always a folder, by default
 *       {@code runs/<command>} (generate-data: {@code data/synthetic});</li>
 *   <li>{@code --device}, {@code --threads} ({@link org.ecgleadlab.cli.options.DeviceOptions}): libtorch's device and
 *       intra-op threads, checked before any data is read; other worker threads are named otherwise
 *       (generate-data's {@code --workers});</li>
 *   <li>{@code --batch-size} ({@link org.ecgleadlab.cli.options.ModelRunOptions}), with the device options;</li>
 *   <li>{@code --seed}, {@code --split-seed} ({@link org.ecgleadlab.cli.options.SeedOption},
 *       {@link org.ecgleadlab.cli.options.SeedOptions}); the default split seed is {@code TrainConfig}'s;</li>
 *   <li>{@code --leads LIST}, {@code --input MODE} ({@link org.ecgleadlab.cli.options.LeadInputOptions}): which leads,
 *       by name (a count is {@code --lead-count}, as in bench).</li>
 * </ul>
 * A command adds one with {@code @Mixin}; where its default differs from another command's, the command passes it to
 * the mixin's constructor, so each command states its default once and {@code --help} shows it. A default that
 * belongs to a job (a folder name, a seed, a batch size) is a constant of the job's class, which the command passes.
 * An older name stays one release as a hidden option of the command that had it ({@code bench --leads},
 * {@code generate-data --out/--threads}). Imports picocli and the library types an option parses into or defaults to
 * ({@code data}, {@code model}, {@code train}, {@code util}), never a job: the commands in {@code cli} wire options to
 * jobs.
 */
package org.ecgleadlab.cli.options;
