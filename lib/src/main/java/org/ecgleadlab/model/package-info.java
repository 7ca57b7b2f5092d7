/**
 * The LGA-ECG network of paper §4.1 as DJL blocks with the reference's function and parameter names ({@code LgaEcg},
 * {@code ConvFrontEnd}, {@code LocalGlobalBlock}, {@code LocalGlobalAttention}, {@code ConvBatchNorm},
 * {@code SampledDropout}: the front end's dropout, its mask drawn by the gaps between dropped elements), the model
 * around it ({@code LgaEcgModel}), PyTorch {@code state_dict} {@code .npz} interop ({@code StateDict}, {@code Npz}),
 * PyTorch's default initialisation ({@code TorchDefaultInit}), the loss ({@code Losses}), devices and libtorch set-up ({@code Devices}, {@code NativeAllocator}).
 *
 * <p>May import: {@code util}, {@code data} (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.model;
