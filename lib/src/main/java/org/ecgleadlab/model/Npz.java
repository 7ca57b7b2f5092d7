package org.ecgleadlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ecgleadlab.util.AtomicFiles;
import org.ecgleadlab.util.EcgLabException;

/** NumPy {@code .npz} files (a zip of {@code .npy} arrays, as {@code numpy.savez} writes them). */
public final class Npz {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int HEADER_ALIGNMENT = 64;

    private Npz() {
    }

    /**
     * Reads every array of {@code file}, keyed by name (without {@code .npy}) in file order; the arrays
     * belong to {@code manager}.
     *
     * @throws EcgLabException when the file is missing or is not an {@code .npz}
     */
    public static Map<String, NDArray> read(Path file, NDManager manager) {
        NDList arrays;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            arrays = NDList.decode(manager, in);
        } catch (NoSuchFileException e) {
            throw new EcgLabException(file + ": file not found; give the path of an .npz file");
        } catch (IOException | RuntimeException e) {
            throw new EcgLabException(file + ": not a readable .npz file (" + firstLine(e)
                    + "); it is cut short or not a numpy archive: save it again with numpy.savez, or use another"
                    + " checkpoint", e);
        }
        Map<String, NDArray> byName = new LinkedHashMap<>();
        for (NDArray array : arrays) {
            String name = array.getName();
            byName.put(name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name, array);
        }
        return byName;
    }

    /** The cause's first message line, or its type where it has none (a zip cut short says little). */
    private static String firstLine(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.strip().lines().findFirst().orElse("");
    }

    /** Writes {@code arrays} to {@code file} atomically, uncompressed like {@code numpy.savez}. */
    public static void write(Path file, Map<String, NDArray> arrays) {
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, NDArray> entry : arrays.entrySet()) {
                byte[] npy = npy(entry.getValue());
                ZipEntry zipEntry = new ZipEntry(entry.getKey() + ".npy");
                zipEntry.setMethod(ZipEntry.STORED);
                zipEntry.setSize(npy.length);
                CRC32 crc = new CRC32();
                crc.update(npy);
                zipEntry.setCrc(crc.getValue());
                zip.putNextEntry(zipEntry);
                zip.write(npy);
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /** One array in {@code .npy} format version 1.0, C order. */
    static byte[] npy(NDArray array) {
        StringJoiner shape = new StringJoiner(", ", "(", array.getShape().dimension() == 1 ? ",)" : ")");
        for (long size : array.getShape().getShape()) {
            shape.add(Long.toString(size));
        }
        String dict = "{'descr': '" + descr(array.getDataType()) + "', 'fortran_order': False, 'shape': "
                + shape + ", }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (HEADER_ALIGNMENT - unpadded % HEADER_ALIGNMENT) % HEADER_ALIGNMENT;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer data = array.toByteBuffer();
        ByteBuffer npy = ByteBuffer.allocate(MAGIC.length + 2 + header.length() + data.remaining())
                .order(ByteOrder.LITTLE_ENDIAN);
        npy.put(MAGIC).putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        npy.put(data);
        return npy.array();
    }

    /** NumPy's type string; DJL hands data over in native byte order. */
    private static String descr(DataType type) {
        String order = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? "<" : ">";
        switch (type) {
            case FLOAT32:
                return order + "f4";
            case FLOAT64:
                return order + "f8";
            case INT32:
                return order + "i4";
            case INT64:
                return order + "i8";
            case INT8:
                return "|i1";
            case UINT8:
                return "|u1";
            case BOOLEAN:
                return "|b1";
            default:
                throw new IllegalArgumentException("cannot write " + type + " arrays to .npy");
        }
    }
}
