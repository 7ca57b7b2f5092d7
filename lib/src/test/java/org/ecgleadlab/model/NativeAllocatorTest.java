package org.ecgleadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

class NativeAllocatorTest {
    @Test
    void tunesGlibcMallocUnlessTheUserSetTunables() {
        boolean expected = Platform.isLinux() && System.getenv("GLIBC_TUNABLES") == null;
        assertEquals(expected, NativeAllocator.tune(), "mallopt should take the settings on Linux/glibc");
        assertEquals(expected, NativeAllocator.tune(), "a second call changes nothing");
    }
}
