package org.ecgleadlab.data;

import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.exceptions.HdfException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecgleadlab.util.EcgLabException;

/**
 * Reads row slices of a chunked (possibly gzip-compressed) {@code tracings} dataset chunk by chunk. jhdf 0.9.4's own
 * sliced read of chunked datasets returns zeros for chunks that do not start at offset 0 in the inner dimensions
 * (jhdf issue #727), so slices are assembled here from {@link ChunkedDataset#getDecompressedChunk}. Recently used
 * chunks are kept, up to {@link #CACHE_BYTES}, so that reading row after row decompresses each chunk once.
 */
final class ChunkedTracings {
    /** Bytes of decoded chunks kept between reads. */
    static final long CACHE_BYTES = 64L << 20;

    private final Path path;
    private final ChunkedDataset dataset;
    private final int[] chunk;
    private final int bytesPerValue;
    private final ByteOrder byteOrder;
    private final Map<Long, float[]> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedBytes;

    ChunkedTracings(Path path, ChunkedDataset dataset, int bytesPerValue, ByteOrder byteOrder) {
        this.path = path;
        this.dataset = dataset;
        this.chunk = dataset.getChunkDimensions();
        this.bytesPerValue = bytesPerValue;
        this.byteOrder = byteOrder;
        if (chunk.length != 3) {
            throw new EcgLabException(path + ": dataset 'tracings' has chunk shape " + Arrays.toString(chunk)
                    + "; expected 3 dimensions like the data, rewrite the file with h5py");
        }
    }

    /** Reads rows {@code first .. first+count-1} into {@code target}, time-major 4096 × 12 per row. */
    void readRows(int first, int count, float[] target) {
        int end = first + count;
        for (int r0 = (first / chunk[0]) * chunk[0]; r0 < end; r0 += chunk[0]) {
            for (int s0 = 0; s0 < CodeFormat.SAMPLES; s0 += chunk[1]) {
                for (int l0 = 0; l0 < Lead.COUNT; l0 += chunk[2]) {
                    copyChunk(chunk(r0, s0, l0), r0, s0, l0, first, end, target);
                }
            }
        }
    }

    /** Copies the part of one chunk (origin r0, s0, l0) that falls in rows [first, end) into {@code target}. */
    private void copyChunk(float[] values, int r0, int s0, int l0, int first, int end, float[] target) {
        int leads = Math.min(chunk[2], Lead.COUNT - l0);
        int sampleEnd = Math.min(s0 + chunk[1], CodeFormat.SAMPLES);
        for (int r = Math.max(r0, first); r < Math.min(r0 + chunk[0], end); r++) {
            for (int s = s0; s < sampleEnd; s++) {
                int from = ((r - r0) * chunk[1] + (s - s0)) * chunk[2];
                int to = ((r - first) * CodeFormat.SAMPLES + s) * Lead.COUNT + l0;
                System.arraycopy(values, from, target, to, leads);
            }
        }
    }

    /** The decoded chunk whose origin is (r0, s0, l0), from the cache or the file. */
    private float[] chunk(int r0, int s0, int l0) {
        long key = ((long) r0 * CodeFormat.SAMPLES + s0) * Lead.COUNT + l0;
        float[] values = cache.get(key);
        if (values != null) {
            return values;
        }
        byte[] bytes;
        try {
            bytes = dataset.getDecompressedChunk(new int[] {r0, s0, l0});
        } catch (HdfException e) {
            throw new EcgLabException(path + ": could not read the 'tracings' chunk at row " + r0 + ", sample " + s0
                    + ", lead " + l0 + " (" + e.getMessage() + "); the file may be truncated, re-download it", e);
        }
        values = decode(bytes);
        cache.put(key, values);
        cachedBytes += 4L * values.length;
        var eldest = cache.entrySet().iterator();
        while (cachedBytes > CACHE_BYTES && cache.size() > 1) {
            cachedBytes -= 4L * eldest.next().getValue().length;
            eldest.remove();
        }
        return values;
    }

    private float[] decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(byteOrder);
        float[] values = new float[bytes.length / bytesPerValue];
        if (bytesPerValue == 4) {
            buffer.asFloatBuffer().get(values);
        } else {
            var doubles = buffer.asDoubleBuffer();
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) doubles.get(i);
            }
        }
        return values;
    }
}
