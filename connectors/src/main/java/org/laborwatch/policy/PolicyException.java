package org.laborwatch.policy;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A policy text that cannot be loaded. Carries every problem found, not just the first, so an
 * author fixes a policy in one round; the message has one line per problem, such as
 * {@code policy 'eb-iur': enter.all[1]: unknown metric 'iur_13wkk' (known: ...)}.
 */
public final class PolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    /**
     * @param problems the problems, at least one
     */
    public PolicyException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in document order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PolicyException needs at least one problem");
        }
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    /**
     * One problem in a policy text.
     *
     * @param subject what the problem is in, such as {@code policy 'eb-iur'}, {@code policy #2 in
     *     policies.yaml} (a policy without a usable id, by position) or a file name
     * @param path the field path, such as {@code enter.all[1]} (indexes from 0); empty for the whole
     *     document
     * @param message what is wrong
     */
    public record Problem(String subject, String path, String message) implements java.io.Serializable {
        public Problem {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return subject + ": " + (path.isEmpty() ? "" : path + ": ") + message;
        }
    }
}
