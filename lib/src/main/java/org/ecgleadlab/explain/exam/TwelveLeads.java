package org.ecgleadlab.explain.exam;

import org.ecgleadlab.data.Lead;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.util.EcgLabException;

/** Lead ranking occludes or attributes each of the 12 leads, so it needs a model that reads all 12. */
public final class TwelveLeads {
    private TwelveLeads() {
    }

    public static LgaEcgModel require(LgaEcgModel model) {
        if (model.inChannels() != Lead.COUNT) {
            throw new EcgLabException("lead ranking needs a 12-lead model, but the checkpoint has "
                    + model.inChannels() + " input channels; pass the 12-lead baseline checkpoint");
        }
        return model;
    }
}
