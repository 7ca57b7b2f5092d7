package org.ecgleadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;

class DevicesTest {

    @Test
    void parsesCpuAndAuto() {
        assertEquals(Device.cpu(), Devices.parse("cpu"));
        assertEquals(Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu(), Devices.parse(" Auto "));
    }

    @Test
    void rejectsUnknownTextAndAbsentGpus() {
        EcgLabException bad = assertThrows(EcgLabException.class, () -> Devices.parse("tpu"));
        assertTrue(bad.getMessage().contains("auto, cpu, gpu or gpu:N"), bad.getMessage());
        int gpus = Engine.getInstance().getGpuCount();
        EcgLabException absent = assertThrows(EcgLabException.class, () -> Devices.parse("gpu:" + gpus));
        assertTrue(absent.getMessage().contains("finds " + gpus + " GPU"), absent.getMessage());
    }

    @Test
    void threadCountFitsTheCores() {
        int threads = Devices.fitThreadsToLoad();
        assertTrue(threads >= 1 && threads <= Runtime.getRuntime().availableProcessors(), "threads " + threads);
        assertEquals(threads, Devices.intraOpThreads());
    }
}
