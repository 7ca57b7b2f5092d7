/**
 * The project's Jupyter kernel: rapaio-jupyter-kernel fetched ({@code KernelJar}) and registered with lib and its
 * dependencies on the class path ({@code KernelInstaller}, {@code KernelClasspath}, {@code JupyterPaths}), started by a
 * launcher without the kernel's start-up race ({@code RapaioKernelLauncher}).
 *
 * <p>May import: {@code util}, {@code data}, {@code model}, {@code metrics}, {@code report}, {@code train},
 * {@code measure}, {@code explain}, {@code evaluate}, {@code adapt} (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.notebook;
