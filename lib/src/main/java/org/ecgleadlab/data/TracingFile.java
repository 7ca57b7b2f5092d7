package org.ecgleadlab.data;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.dataset.ContiguousDatasetImpl;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ecgleadlab.util.EcgLabException;

/**
 * One open CODE HDF5 file whose {@code tracings} dataset has been checked: shape (N, 4096, 12) and a 32- or 64-bit
 * float type. Reads raw row slices without ever loading the dataset whole. Not thread-safe.
 */
final class TracingFile implements AutoCloseable {
    private final Path path;
    private final HdfFile hdf;
    private final DatasetBase tracings;
    private final ChunkedTracings chunked;
    private final int rows;
    private final int bytesPerValue;
    private final ByteOrder byteOrder;

    private TracingFile(Path path, HdfFile hdf, DatasetBase tracings, int rows, int bytesPerValue, ByteOrder order) {
        this.path = path;
        this.hdf = hdf;
        this.tracings = tracings;
        this.chunked = tracings instanceof ChunkedDataset c ? new ChunkedTracings(path, c, bytesPerValue, order) : null;
        this.rows = rows;
        this.bytesPerValue = bytesPerValue;
        this.byteOrder = order;
    }

    /** Opens {@code path} and checks its {@code tracings} dataset. */
    static TracingFile open(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new EcgLabException(path + ": file not found; download it or point to the folder that holds it");
        }
        HdfFile hdf;
        try {
            hdf = new HdfFile(path);
        } catch (HdfException | IllegalArgumentException e) {
            throw new EcgLabException(path + ": not a readable HDF5 file (" + e.getMessage()
                    + "); re-download or re-generate it", e);
        }
        try {
            checkComplete(hdf, path);
            Dataset dataset = dataset(hdf, path, CodeFormat.TRACINGS);
            int[] dims = dataset.getDimensions();
            if (dims.length != 3 || dims[1] != CodeFormat.SAMPLES || dims[2] != Lead.COUNT) {
                throw new EcgLabException(path + ": dataset 'tracings' has shape " + Arrays.toString(dims)
                        + "; expected (N, " + CodeFormat.SAMPLES + ", " + Lead.COUNT + ") time-major tracings at "
                        + CodeFormat.SAMPLING_HZ + " Hz");
            }
            DataType type = dataset.getDataType();
            if (!(type instanceof FloatingPoint fp) || (type.getSize() != 4 && type.getSize() != 8)) {
                throw new EcgLabException(path + ": dataset 'tracings' has dtype " + describe(type)
                        + "; expected float32 values in mV (write it with dtype='float32')");
            }
            if (!(dataset instanceof DatasetBase base)) {
                throw new EcgLabException(path + ": dataset 'tracings' uses an HDF5 storage layout this reader "
                        + "cannot slice; rewrite it with h5py (contiguous or chunked)");
            }
            return new TracingFile(path, hdf, base, dims[0], type.getSize(), fp.getByteOrder());
        } catch (EcgLabException e) {
            hdf.close();
            throw e;
        } catch (RuntimeException e) { // jhdf's own failures on a damaged file: never a stack trace for the user
            hdf.close();
            throw damaged(path, e);
        }
    }

    /**
     * An interrupted download leaves a file shorter than the end-of-file address its superblock records; jhdf would
     * only fail later, deep in a read ("Failed to map data buffer for dataset '/exam_id'").
     */
    private static void checkComplete(HdfFile hdf, Path path) {
        var storage = hdf.getHdfBackingStorage();
        long expected = storage.getSuperblock().getBaseAddressByte() + storage.getSuperblock().getEndOfFileAddress();
        long actual = storage.size();
        if (actual < expected) {
            throw new EcgLabException(path + ": file cut short, " + actual + " of " + expected + " bytes (an "
                    + "interrupted download?); re-download it");
        }
    }

    private static EcgLabException damaged(Path path, RuntimeException e) {
        return new EcgLabException(path + ": could not read this HDF5 file (" + e.getMessage() + "); it may be cut "
                + "short or damaged, re-download it", e);
    }

    /** Number of tracings (N). */
    int rows() {
        return rows;
    }

    /** Whether the file has a dataset named {@code name}. */
    boolean has(String name) {
        return hdf.getChild(name) instanceof Dataset;
    }

    /** The {@code exam_id} dataset: shape (N,), integer type. */
    long[] examIds() {
        try {
            return readExamIds();
        } catch (EcgLabException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged(path, e);
        }
    }

    private long[] readExamIds() {
        Dataset dataset = dataset(hdf, path, CodeFormat.EXAM_ID);
        int[] dims = dataset.getDimensions();
        if (dims.length != 1 || dims[0] != rows) {
            throw new EcgLabException(path + ": dataset 'exam_id' has shape " + Arrays.toString(dims)
                    + "; expected (" + rows + ",), one id per row of 'tracings'");
        }
        if (!(dataset.getDataType() instanceof FixedPoint)) {
            throw new EcgLabException(path + ": dataset 'exam_id' has dtype " + describe(dataset.getDataType())
                    + "; expected int64 exam ids");
        }
        Object data = dataset.getDataFlat();
        if (data instanceof long[] longs) {
            return longs;
        }
        if (data instanceof int[] ints) {
            return Arrays.stream(ints).asLongStream().toArray();
        }
        throw new EcgLabException(path + ": dataset 'exam_id' has Java type " + data.getClass().getSimpleName()
                + "; expected int64 exam ids");
    }

    /**
     * Reads rows {@code first .. first+count-1} as one slice into {@code target} (time-major, 4096 × 12 per row,
     * rows one after the other). Values are not checked here; see {@link TracingReader}.
     */
    void readRows(int first, int count, float[] target) {
        if (first < 0 || count < 0 || first + count > rows) {
            throw new EcgLabException(path + ": rows " + first + ".." + (first + count - 1) + " requested but "
                    + "'tracings' has " + rows + " rows; the exam list does not match this file, reopen the dataset");
        }
        if (count == 0) {
            return;
        }
        if (chunked != null) {
            chunked.readRows(first, count, target);
            return;
        }
        ByteBuffer bytes;
        try {
            bytes = readSlice(first, count);
        } catch (HdfException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new EcgLabException(path + ": could not read 'tracings' rows " + first + ".." + (first + count - 1)
                    + " (" + e.getMessage() + "); the file may be truncated, re-download it", e);
        }
        bytes.order(byteOrder);
        int values = count * CodeFormat.TRACING_VALUES;
        if (bytesPerValue == 4) {
            bytes.asFloatBuffer().get(target, 0, values);
        } else {
            var doubles = bytes.asDoubleBuffer();
            for (int i = 0; i < values; i++) {
                target[i] = (float) doubles.get(i);
            }
        }
    }

    /**
     * The bytes of whole rows {@code first .. first+count-1}. Whole rows of a contiguous dataset are one byte range,
     * read directly: jhdf's general hyperslab path copies them value by value, far slower (docs/data-formats.md).
     */
    private ByteBuffer readSlice(int first, int count) {
        if (tracings instanceof ContiguousDatasetImpl contiguous) {
            long rowBytes = (long) CodeFormat.TRACING_VALUES * bytesPerValue;
            return hdf.getHdfBackingStorage().readBufferFromAddress(contiguous.getDataAddress() + first * rowBytes,
                    Math.toIntExact(count * rowBytes));
        }
        return tracings.getSliceDataBuffer(new long[] {first, 0, 0}, new int[] {count, CodeFormat.SAMPLES, Lead.COUNT});
    }

    @Override
    public void close() {
        hdf.close();
    }

    private static Dataset dataset(HdfFile hdf, Path path, String name) {
        Node node = hdf.getChild(name);
        if (!(node instanceof Dataset dataset)) {
            throw new EcgLabException(path + ": dataset '" + name + "' is missing; this is not a CODE-format file "
                    + "(expected datasets 'tracings' and, for CODE-15% parts, 'exam_id')");
        }
        return dataset;
    }

    private static String describe(DataType type) {
        String kind = type instanceof FloatingPoint ? "float" : type instanceof FixedPoint ? "int" : "class-"
                + type.getDataClass() + " ";
        return kind + (type.getSize() * 8);
    }
}
