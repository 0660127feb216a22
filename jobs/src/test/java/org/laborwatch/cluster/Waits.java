package org.laborwatch.cluster;

import java.time.Duration;

/** Waiting for a condition with a deadline (never a fixed sleep). */
public final class Waits {

    private Waits() {}

    /** A condition a test waits for; it may throw while the thing it asks is not up yet. */
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls {@code condition} every 50 ms until it holds; fails naming {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for: " + what, last);
            }
            Thread.sleep(50);
        }
    }
}
