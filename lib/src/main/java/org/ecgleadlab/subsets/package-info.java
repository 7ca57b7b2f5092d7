/**
 * Is the ranking right? The subset search: masked inference of one lead-dropout model for every subset of 1..k leads
 * and the device lead sets ({@code SubsetSearch}, {@code MaskedInference}, {@code LeadSet}, {@code DeviceSet}), scored
 * on shared bootstrap resamples ({@code SubsetScoring}, {@code SubsetAnalysis}), and subsets by name for {@code adapt}
 * ({@code NamedSubsets}). {@code SubsetSearchRunner} is where the training and the masked inference run: in this JVM,
 * or on a cluster (the Spark path), with {@code LeadDropoutTraining} and {@code MaskedRequest} as what travels.
 *
 * <p>May import: {@code util}, {@code data}, {@code model}, {@code metrics}, {@code report}, {@code train},
 * {@code measure}, {@code explain}, {@code evaluate}, {@code adapt} (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.subsets;
