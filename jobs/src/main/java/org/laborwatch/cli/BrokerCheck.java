package org.laborwatch.cli;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import picocli.CommandLine.Option;

/**
 * The check that the Kafka broker answers, made before {@code replay}, {@code triggers} and
 * {@code run} start, so an unreachable broker is said within a bounded time instead of showing up
 * as a missing topic or as clients retrying forever.
 */
public final class BrokerCheck {

    @Option(names = "--broker-timeout", paramLabel = "DURATION", defaultValue = "PT10S",
            description = "How long to wait for the Kafka broker to answer before giving up, ISO-8601 "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration timeout = Duration.ofSeconds(10);

    /**
     * Asks the cluster to describe itself within the timeout.
     *
     * @param client the client settings (security, SASL) the command will use
     * @throws IllegalArgumentException {@code cannot reach the Kafka broker at HOST:PORT after N s}
     */
    void check(String bootstrap, Properties client) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--broker-timeout must be positive, got " + timeout);
        }
        int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        Properties p = new Properties();
        p.putAll(client);
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        Admin admin;
        try {
            admin = Admin.create(p);
        } catch (org.apache.kafka.common.KafkaException e) {
            // An unresolvable host or a malformed address fails here, before any connection.
            throw new IllegalArgumentException("--bootstrap " + bootstrap + ": " + rootMessage(e));
        }
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(ms)).nodes().get(ms + 2000L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalArgumentException("cannot reach the Kafka broker at " + bootstrap + " after "
                    + seconds() + " s (is Kafka running there? check --bootstrap / LABORWATCH_BOOTSTRAP, the "
                    + "security settings of --kafka-config, or wait longer with --broker-timeout)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker at " + bootstrap, e);
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    /** The timeout in whole seconds, as messages print it. */
    String seconds() {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
