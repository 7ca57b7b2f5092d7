package org.ecgleadlab.data.synthetic;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file channel that gathers consecutive relative writes into one large buffer. jhdf writes a (N, 4096, 12)
 * float dataset as one 48-byte write per (exam, sample), millions of system calls per part file; through this
 * channel they become a few hundred 4 MB writes. Every other operation first flushes the buffer, so the
 * channel behaves exactly like the one it wraps.
 */
final class BufferedFileChannel extends FileChannel {
    private static final int CAPACITY = 4 << 20;

    private final FileChannel file;
    private final ByteBuffer pending = ByteBuffer.allocate(CAPACITY);

    BufferedFileChannel(FileChannel file) {
        this.file = file;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int n = src.remaining();
        if (n > pending.remaining()) {
            flush();
        }
        if (n > pending.capacity()) {
            return file.write(src);
        }
        pending.put(src);
        return n;
    }

    /** Writes out what was gathered. */
    void flush() throws IOException {
        pending.flip();
        while (pending.hasRemaining()) {
            file.write(pending);
        }
        pending.clear();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        flush();
        return file.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        flush();
        return file.read(dsts, offset, length);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        flush();
        return file.write(srcs, offset, length);
    }

    @Override
    public long position() throws IOException {
        flush();
        return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        flush();
        file.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        flush();
        return file.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        flush();
        file.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        flush();
        file.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        flush();
        return file.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        flush();
        return file.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        flush();
        return file.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        flush();
        return file.write(src, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        flush();
        return file.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        flush();
        return file.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        flush();
        return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        try {
            flush();
        } finally {
            file.close();
        }
    }
}
