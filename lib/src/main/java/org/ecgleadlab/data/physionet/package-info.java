/**
 * PhysioNet datasets as exams: a folder of WFDB records searched recursively ({@code WfdbFolder}), a PTB-XL root
 * ({@code PtbXlRoot}), what opening one found ({@code RecordSet}: exams, records skipped per reason, problems;
 * {@code SkipTally} counts them) and record names turned into traceable exam ids ({@code ExamIds}).
 *
 * <p>May import: {@code util} and the other {@code data} packages (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.data.physionet;
