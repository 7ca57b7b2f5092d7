/**
 * What every layer needs and that knows nothing of ECGs: {@code EcgLabException} (a user-fixable problem with a
 * one-line message), {@code AtomicFiles} (no half-written results), {@code ProjectPaths} (where the embedded default
 * and {@code runs/} live), {@code Verbosity} and {@code CpuUse}.
 *
 * <p>May import: nothing of lib (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.util;
