package org.laborwatch.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.function.Supplier;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A Flink serializer for an immutable record that crosses the network between operators, in a
 * compact binary form of its own ({@link WireFormat}) instead of Flink's POJO serializer with Kryo
 * for the fields it does not know ({@code LocalDate}, maps), which was the job's largest
 * per-record cost (issue #13).
 *
 * <p>The records are immutable, so a copy is the record itself and nothing is reused. Each
 * subclass has a format version ({@link #formatVersion}) that its {@link Snapshot} records: a
 * change of the written form must raise it, and a golden-bytes test fails until it does.
 */
abstract class RecordSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    abstract void write(T value, DataOutput out) throws IOException;

    abstract T read(DataInput in) throws IOException;

    /** The version of the written form; raise it with every change of {@link #write}. */
    abstract int formatVersion();

    @Override
    public final boolean isImmutableType() {
        return true;
    }

    /** Stateless, so one instance serves every thread. */
    @Override
    public final TypeSerializer<T> duplicate() {
        return this;
    }

    /** No instance to reuse: the records are immutable and validated by their constructors. */
    @Override
    public final T createInstance() {
        return null;
    }

    @Override
    public final T copy(T from) {
        return from;
    }

    @Override
    public final T copy(T from, T reuse) {
        return from;
    }

    @Override
    public final int getLength() {
        return -1;
    }

    @Override
    public final void serialize(T record, DataOutputView target) throws IOException {
        write(record, target);
    }

    @Override
    public final T deserialize(DataInputView source) throws IOException {
        return read(source);
    }

    @Override
    public final T deserialize(T reuse, DataInputView source) throws IOException {
        return read(source);
    }

    @Override
    public final void copy(DataInputView source, DataOutputView target) throws IOException {
        write(read(source), target);
    }

    @Override
    public final boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass();
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }

    /**
     * The snapshot of a record serializer: its format version. A serializer reads only its own
     * version; any other (an older format, or a newer one met by an older release) is refused as
     * incompatible instead of being read wrongly. Nothing keeps these records in state today (the
     * state descriptors have serializers of their own), so this guards a future use.
     */
    abstract static class Snapshot<T> implements TypeSerializerSnapshot<T> {

        /** The layout of the snapshot itself: one int, the format version. */
        private static final int SNAPSHOT_VERSION = 1;

        private final Supplier<? extends RecordSerializer<T>> serializer;
        private int formatVersion;

        Snapshot(Supplier<? extends RecordSerializer<T>> serializer) {
            this.serializer = serializer;
            this.formatVersion = serializer.get().formatVersion();
        }

        /** The format version this snapshot was taken of (or read with). */
        int formatVersion() {
            return formatVersion;
        }

        @Override
        public int getCurrentVersion() {
            return SNAPSHOT_VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeInt(formatVersion);
        }

        @Override
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) throws IOException {
            if (readVersion != SNAPSHOT_VERSION) {
                throw new IOException(getClass().getName() + ": snapshot layout " + readVersion + " is unknown (this release"
                        + " writes " + SNAPSHOT_VERSION + ")");
            }
            formatVersion = in.readInt();
        }

        @Override
        public TypeSerializer<T> restoreSerializer() {
            RecordSerializer<T> current = serializer.get();
            if (formatVersion != current.formatVersion()) {
                throw new IllegalStateException(current.getClass().getSimpleName() + " cannot read format version "
                        + formatVersion + ", only " + current.formatVersion());
            }
            return current;
        }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSnapshot) {
            return oldSnapshot.getClass() == getClass() && ((Snapshot<T>) oldSnapshot).formatVersion == formatVersion
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
