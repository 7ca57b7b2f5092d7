/**
 * Datasets and what the model is fed: {@code Lead} and {@code Condition}, the CODE-15% / CODE-TEST readers
 * ({@code CodeDataset} over {@code Code15Folder}, {@code TracingReader}, {@code LabelCsv}, CSV fields with
 * {@code CsvFields}), 400 → 250 Hz resampling ({@code Resampler},
 * {@code Preprocessing}), lead masking and selection ({@code InputTransform}, {@code LeadDropout}), the paper's splits
 * ({@code Splits}) and batch streaming with prefetch ({@code Batches}). Paper §3. For learning from small real sets:
 * several folders joined each record once ({@code ExamPool}), cross-validation folds grouped by patient and
 * stratified by label ({@code GroupedFolds}), random recording gain of training rows ({@code GainAugmentation}).
 *
 * <p>May import: {@code util} and the other {@code data} packages ({@code CodeDataset} opens WFDB folders and PTB-XL
 * roots through {@code data.physionet}, which builds on this package; see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.data;
