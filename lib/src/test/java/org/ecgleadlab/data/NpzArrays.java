package org.ecgleadlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads the little-endian float32, C-order arrays of an .npz fixture (enough for the shared fixtures). */
final class NpzArrays {
    /** One array: its shape and values in C order. */
    record Array(int[] shape, float[] values) {
    }

    private static final Pattern HEADER = Pattern.compile(
            "'descr':\\s*'([^']+)'.*'fortran_order':\\s*(\\w+).*'shape':\\s*\\(([^)]*)\\)", Pattern.DOTALL);

    private NpzArrays() {
    }

    static Map<String, Array> read(Path npz) throws IOException {
        Map<String, Array> arrays = new HashMap<>();
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.put(entry.getName().replaceFirst("\\.npy$", ""), readNpy(in.readAllBytes()));
                }
            }
        }
        return arrays;
    }

    private static Array readNpy(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        int headerLength = major == 1 ? buffer.getShort(8) & 0xffff : buffer.getInt(8);
        int dataStart = (major == 1 ? 10 : 12) + headerLength;
        String header = new String(bytes, major == 1 ? 10 : 12, headerLength, StandardCharsets.ISO_8859_1);
        Matcher m = HEADER.matcher(header);
        if (!m.find() || !m.group(1).equals("<f4") || !m.group(2).equals("False")) {
            throw new IllegalArgumentException("only little-endian float32 C-order arrays are supported: " + header);
        }
        int[] shape = Arrays.stream(m.group(3).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        float[] values = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        buffer.position(dataStart);
        buffer.asFloatBuffer().get(values);
        return new Array(shape, values);
    }
}
