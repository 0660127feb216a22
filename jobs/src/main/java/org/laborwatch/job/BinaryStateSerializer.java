package org.laborwatch.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A Flink serializer for a domain state object that writes its own compact, versioned binary form.
 *
 * <p>Keeping the format in the domain class (not Kryo) makes state small, fast on RocksDB, and
 * stable across upgrades: the savepoint format is the class's {@code writeTo}, which carries its
 * own version byte.
 */
abstract class BinaryStateSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    abstract void write(T value, DataOutput out) throws IOException;

    abstract T read(DataInput in) throws IOException;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public T copy(T from) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            write(from, new DataOutputStream(bytes));
            return read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        if (target instanceof DataOutputSerializer) {
            write(record, target); // RocksDB's and the network's buffers: already bytes in memory
            return;
        }
        // The heap backend's snapshots write to a stream wrapper, where each writeInt is four calls
        // down to the checkpoint stream: written into a buffer first, then in one call.
        DataOutputSerializer buffer = new DataOutputSerializer(256);
        write(record, buffer);
        target.write(buffer.getSharedBuffer(), 0, buffer.length());
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        return read(source);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return read(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        write(read(source), target);
    }

    @Override
    public boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
