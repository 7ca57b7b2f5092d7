package org.ecgleadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import com.sun.jna.NativeLibrary;
import org.junit.jupiter.api.Test;

/** Quieting libtorch's one deprecation note leaves c10's log level as it was, so later warnings still show. */
class LibtorchWarningsTest {
    @Test
    void theLogLevelIsPutBack() {
        Engine.getInstance();
        int before = NativeLibrary.getInstance("c10").getGlobalVariableAddress("FLAGS_caffe2_log_level").getInt(0);
        LibtorchWarnings.quietOnce();
        LibtorchWarnings.quietOnce();
        assertEquals(before,
                NativeLibrary.getInstance("c10").getGlobalVariableAddress("FLAGS_caffe2_log_level").getInt(0));
    }
}
