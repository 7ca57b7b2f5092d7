/**
 * The toolkit's one training loop with the paper's protocol (§3): {@code TrainingRun} (AdamW, cosine schedule, binary
 * cross-entropy, the lowest validation loss kept) configured by {@code TrainConfig}, crash-safe checkpoints with
 * provenance and resume ({@code Checkpoint}, {@code CheckpointStore}), and trained models run on new data
 * ({@code Prediction}, {@code Scores}); several training folders ({@code TrainingFolders}), class-balanced sampling
 * ({@code BalancedSampling}), the shipped checkpoints ({@code DefaultCheckpoint}: synthetic-only and real-fine-tuned).
 *
 * <p>May import: {@code util}, {@code data}, {@code model}, {@code metrics}, {@code report} (see
 * {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.train;
