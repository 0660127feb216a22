package org.laborwatch.job;

import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The type of a stream of immutable records with a {@link RecordSerializer} of their own: Flink
 * uses that serializer on every edge of the stream instead of deriving a POJO serializer (whose
 * Kryo fallback was the job's largest per-record cost, issue #13). The instances are in
 * {@link WireTypes}. Not a key type: the job keys its streams by text.
 */
public final class RecordTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final RecordSerializer<T> serializer;

    RecordTypeInfo(Class<T> type, RecordSerializer<T> serializer) {
        this.type = Objects.requireNonNull(type, "type");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    /** The record's own serializer, whatever the configuration: it needs none (no Kryo, no POJO rules). */
    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    public String toString() {
        return type.getSimpleName() + " (" + serializer.getClass().getSimpleName() + ")";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RecordTypeInfo<?> other && other.canEqual(this) && type == other.type
                && serializer.equals(other.serializer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, serializer);
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof RecordTypeInfo;
    }
}
