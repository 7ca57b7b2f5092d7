/**
 * What every layer needs and that knows nothing of ECGs: {@code EcgLabException} (a user-fixable problem with a
 * one-line message), {@code AtomicFiles} (no half-written results), {@code ExamTable} and {@code PerExamOutput} (a
 * per-exam CSV's rows typed, and whether they go to the CSV or another format), {@code ProjectPaths} (where the
 * embedded default and {@code runs/} live), {@code Verbosity}, {@code CpuUse}, {@code ProgressOutput} (a progress bar
 * on a terminal, plain lines elsewhere: {@code PlainProgress}), and a record as an ordered map
 * ({@code RecordFields}) or built by field name ({@code RecordBuilder}).
 *
 * <p>May import: nothing of lib (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.util;
