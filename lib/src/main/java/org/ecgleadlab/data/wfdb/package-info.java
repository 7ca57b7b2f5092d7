/**
 * WFDB records read per the header specification: headers ({@code WfdbHeader}, {@code HeaderLines},
 * {@code WfdbSignal}), the storage formats ({@code SampleFormat}), samples with checksums ({@code WfdbRecord}), the 12
 * standard leads found by name ({@code StandardLeads}) and the CODE raw form every command reads ({@code CodeRawForm}:
 * 4096 × 12 mV at 400 Hz; missing limb leads derived from I and II), and what files a dataset may read
 * ({@code RecordFiles}: plain files inside the dataset's root, after symbolic links).
 *
 * <p>May import: {@code util} and the other {@code data} packages (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.data.wfdb;
