package org.ecgleadlab.cli.options;

import org.ecgleadlab.util.EcgLabException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a command runs a model over exams: {@code --batch-size} with the {@link DeviceOptions}. The batch size is the
 * command's own default (what fits its memory use), so the command passes it in and --help shows it.
 */
public final class ModelRunOptions {
    @Option(names = "--batch-size", description = "exams per batch (default: ${DEFAULT-VALUE})")
    private int batchSize;

    @Mixin
    private DeviceOptions device;

    public ModelRunOptions(int defaultBatchSize) {
        this.batchSize = defaultBatchSize;
    }

    /** The batch size, refused below 1 before any data is read. */
    public int batchSize() {
        if (batchSize < 1) {
            throw new EcgLabException("--batch-size " + batchSize + ": give at least 1");
        }
        return batchSize;
    }

    /** The device and threads, checked: see {@link DeviceOptions#choice()}. */
    public DeviceOptions.Choice devices() {
        return device.choice();
    }

    /** The device as given, for {@code Devices.parse}. */
    public String device() {
        return device.device();
    }

    /** See {@link DeviceOptions.Choice#applyThreads()}. */
    public boolean applyThreads() {
        return device.applyThreads();
    }
}
