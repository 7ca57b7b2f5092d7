package org.ecgleadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
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
    void autoSaysWhyItChoseTheDevice() {
        assertEquals("device: gpu:0 (auto: 2 CUDA GPU(s) found)", Devices.autoChoice(2, true, 2, true).line());
        assertEquals(Device.gpu(), Devices.autoChoice(2, true, 2, true).device());
        assertEquals("device: cpu (auto: no CUDA GPU found)", Devices.autoChoice(0, false, 0, false).line());
        assertEquals("device: cpu (auto: no CUDA GPU found)", Devices.autoChoice(0, true, 0, false).line());
        Devices.Choice cpuBuild = Devices.autoChoice(0, false, 1, true);
        assertEquals(Device.cpu(), cpuBuild.device());
        assertTrue(cpuBuild.reason().contains("1 CUDA GPU(s) present, but libtorch is the CPU build"),
                cpuBuild.reason());
        assertTrue(Devices.autoChoice(0, true, 0, true).reason().contains("NVIDIA driver is loaded"));
    }

    @Test
    void parseAnnouncesEachDistinctDeviceLineOnce() {
        List<String> lines = new ArrayList<>();
        DeviceLine.printTo(lines::add);
        try {
            Devices.parse("cpu");
            Devices.parse(" CPU ");
            Devices.parse("cpu");
            assertEquals(List.of("device: cpu (--device cpu)"), lines);
            String auto = Devices.choose("auto").line();
            Devices.parse("auto");
            assertEquals(auto, lines.get(1));
            assertTrue(auto.startsWith("device: " + (Engine.getInstance().getGpuCount() > 0 ? "gpu:0" : "cpu")
                    + " (auto: "), auto);
        } finally {
            DeviceLine.printTo(null);
        }
        Devices.parse("auto");
        assertEquals(2, lines.size(), "nothing is announced without a target");
    }

    @Test
    void threadCountFitsTheCores() {
        int threads = Devices.fitThreadsToLoad();
        assertTrue(threads >= 1 && threads <= Runtime.getRuntime().availableProcessors(), "threads " + threads);
        assertEquals(threads, Devices.intraOpThreads());
    }
}
