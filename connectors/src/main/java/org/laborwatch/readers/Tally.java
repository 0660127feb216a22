package org.laborwatch.readers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.laborwatch.contract.Observation;

/** Counts what a read does, and passes observations on; becomes the {@link ReadReport}. */
final class Tally {

    private final Consumer<Observation> out;
    private final List<String> notes = new ArrayList<>();
    private long rows;
    private long observations;
    private long skippedMissing;

    Tally(Consumer<Observation> out) {
        this.out = out;
    }

    void row() {
        rows++;
    }

    void emit(Observation observation) {
        out.accept(observation);
        observations++;
    }

    void missing() {
        skippedMissing++;
    }

    void note(String note) {
        notes.add(note);
    }

    ReadReport report() {
        return new ReadReport(rows, observations, skippedMissing, notes);
    }
}
