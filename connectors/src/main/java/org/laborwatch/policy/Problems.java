package org.laborwatch.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one policy document while it is read, so the reader can go on after the
 * first one and report them all.
 */
final class Problems {

    private record Entry(String path, String message) {}

    private final List<Entry> entries = new ArrayList<>();

    void add(String path, String message) {
        entries.add(new Entry(path, message));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int size() {
        return entries.size();
    }

    /** The problems, attributed to {@code subject} (such as {@code policy 'eb-iur'}). */
    List<PolicyException.Problem> attributedTo(String subject) {
        List<PolicyException.Problem> out = new ArrayList<>(entries.size());
        entries.forEach(e -> out.add(new PolicyException.Problem(subject, e.path(), e.message())));
        return out;
    }
}
