package org.ecgleadlab.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.FloatBuffer;
import org.ecgleadlab.util.Verbosity;

/**
 * Keeps libtorch's one deprecation warning about DJL's own code off the screen, and nothing else.
 *
 * <p>DJL's JNI {@code NDArray.set(Buffer)} (PyTorchLibrary.torchSet) still uses {@code at::AutoNonVariableTypeMode},
 * so the first copy into a tensor prints, from native code to stderr, "Warning: AutoNonVariableTypeMode is deprecated
 * and will be removed in 1.10 release...": a note to DJL's developers that a user can do nothing about. libtorch
 * prints it once per process ({@code TORCH_WARN_ONCE}). Measured: {@code TORCH_CPP_LOG_LEVEL=ERROR} in the
 * environment changes nothing, because only Python's torch calls {@code c10::initLogging()}, which reads it. So here,
 * once the engine is loaded, c10's log level ({@code FLAGS_caffe2_log_level}, exported by libc10) is raised to ERROR,
 * one 1-element {@code set} spends the once-only warning, and the level is put back: every later libtorch warning
 * still shows. With {@code --verbose} / {@code ECGLAB_VERBOSE=1} nothing is changed; a user's own
 * {@code TORCH_CPP_LOG_LEVEL} is applied (through {@code c10::initLogging()}) and left alone.
 */
public final class LibtorchWarnings {
    private static final int C10_ERROR = 2;
    private static boolean done; // guarded by the class lock

    private LibtorchWarnings() {
    }

    /** Loads the engine and applies the rule above, once per process; safe to call from anywhere. */
    public static synchronized void quietOnce() {
        if (done) {
            return;
        }
        done = true;
        Engine.getInstance();
        if (Verbosity.verbose()) {
            return;
        }
        try {
            NativeLibrary c10 = NativeLibrary.getInstance("c10"); // the copy DJL loaded: matched by its soname
            if (System.getenv("TORCH_CPP_LOG_LEVEL") != null) {
                c10.getFunction("_ZN3c1011initLoggingEv").invokeVoid(new Object[0]); // c10::initLogging()
                return;
            }
            Pointer level = c10.getGlobalVariableAddress("FLAGS_caffe2_log_level");
            int before = level.getInt(0);
            level.setInt(0, Math.max(before, C10_ERROR));
            try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
                NDArray one = manager.zeros(new Shape(1));
                one.set(FloatBuffer.wrap(new float[] {0f}));
            } finally {
                level.setInt(0, before);
            }
        } catch (UnsatisfiedLinkError | IllegalArgumentException e) {
            // another libtorch build or platform without these symbols: its warnings simply show
        }
    }
}
