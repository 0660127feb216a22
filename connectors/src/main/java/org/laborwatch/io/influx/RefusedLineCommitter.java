package org.laborwatch.io.influx;

import java.util.Collection;
import org.apache.flink.api.connector.sink2.Committer;
import org.laborwatch.contract.DeadLetter;

/**
 * The committer of {@link InfluxSink}: there is nothing to commit in InfluxDB (writes are
 * at-least-once and idempotent), so committing a refused line only lets Flink hand it on to the
 * sink's dead-letter output after the checkpoint that took it from the writer has completed. The
 * committer's state holds the refused lines until then, so none is lost by a failure and none
 * comes back into the writer's buffer.
 */
final class RefusedLineCommitter implements Committer<DeadLetter> {

    @Override
    public void commit(Collection<CommitRequest<DeadLetter>> requests) {
        // Nothing to do: a request that returns without a signal counts as committed.
    }

    @Override
    public void close() {}
}
