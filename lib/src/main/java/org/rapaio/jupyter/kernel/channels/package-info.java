/**
 * A corrected copy of rapaio-jupyter-kernel 3.0.1's {@code LoopThread}, in the kernel's own package so that the class
 * path loads it before the kernel jar's ({@code docs/upstream/rapaio-kernel-loopthread.md}).
 *
 * <p>May import: nothing of lib (see {@code docs/architecture.md}, "Layering").
 */
package org.rapaio.jupyter.kernel.channels;
