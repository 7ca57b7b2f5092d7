package org.ecgleadlab.cli.options;

import java.util.List;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.train.InputMode;
import picocli.CommandLine.Option;

/**
 * {@code --leads} and {@code --input} of a command that runs a trained model: by default the model is fed as it was
 * trained (its checkpoint records both); given, they test it on other leads.
 */
public final class LeadInputOptions {
    @Option(names = "--leads", paramLabel = "LIST",
            description = "leads to feed, e.g. V1,I (default: the checkpoint's; all 12 for a bare .npz)")
    private String leads;

    @Option(names = "--input", paramLabel = "MODE",
            description = "masked or reduced (default: the checkpoint's; masked for a bare .npz)")
    private String input;

    /** The leads given, else {@code checkpoints} (null: the checkpoint's, chosen later). */
    public List<Lead> leadsOr(List<Lead> checkpoints) {
        return leads != null ? Lead.parseList(leads) : checkpoints;
    }

    /** The input mode given, else {@code checkpoints} (null: the checkpoint's, chosen later). */
    public InputMode inputOr(InputMode checkpoints) {
        return input != null ? InputMode.parse(input) : checkpoints;
    }
}
