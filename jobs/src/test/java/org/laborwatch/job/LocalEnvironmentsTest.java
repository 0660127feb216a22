package org.laborwatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;

/**
 * {@code laborwatch run} outside a cluster starts a local mini cluster: every port it listens on
 * must be on loopback unless the operator asks otherwise. Checked on the real sockets of this JVM
 * (Linux {@code /proc}), not on the configuration alone.
 */
class LocalEnvironmentsTest {

    @Test
    void everyPortOfALocalRunListensOnLoopbackOnly() throws Exception {
        Set<String> before = listeningSocketsOfThisProcess();
        StreamExecutionEnvironment env = LocalEnvironments.forCommand(LocalEnvironments.LOOPBACK);
        assertInstanceOf(LocalStreamEnvironment.class, env, "outside a cluster, run makes a local environment");
        env.setParallelism(1);
        env.fromSequence(0, Long.MAX_VALUE)
                .map(n -> {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // a trickle, not a busy core
                    return n;
                })
                .sinkTo(new DiscardingSink<>());
        JobClient job = env.executeAsync("listens on loopback");
        try {
            awaitRunning(job);
            Set<String> opened = new TreeSet<>(listeningSocketsOfThisProcess());
            opened.removeAll(before);
            System.out.println("local run listens on: " + opened);
            assertFalse(opened.isEmpty(), "the mini cluster opened no listening socket (its REST endpoint at least)");
            for (String address : opened) {
                assertTrue(address.startsWith("127.0.0.1:"), "listens beyond loopback: " + opened);
            }
        } finally {
            job.cancel().get(60, TimeUnit.SECONDS);
        }
    }

    private static void awaitRunning(JobClient job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (job.getJobStatus().get() != JobStatus.RUNNING) {
            assertTrue(System.nanoTime() < deadline, "the job did not start within 120 s");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** The local address:port of every TCP socket this process listens on, from /proc. */
    static Set<String> listeningSocketsOfThisProcess() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed while listing
                }
            }
        }
        Set<String> out = new HashSet<>();
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                // f[1] local address hex, f[3] state (0A = LISTEN), f[9] inode
                if (f[3].equals("0A") && inodes.contains(f[9])) {
                    out.add(address(f[1]));
                }
            }
        }
        return out;
    }

    /** /proc's hex address (little-endian words) as text: 127.0.0.1:port, or IPv6 words. */
    static String address(String hex) {
        String[] hostPort = hex.split(":");
        int port = Integer.parseInt(hostPort[1], 16);
        String host = hostPort[0];
        if (host.length() == 8) {
            return ipv4(host) + ":" + port;
        }
        // IPv6: ::ffff:a.b.c.d is an IPv4-mapped address; anything else is shown as hex words.
        if (host.startsWith("0000000000000000FFFF0000")) {
            return ipv4(host.substring(24)) + ":" + port;
        }
        return "[" + host + "]:" + port;
    }

    private static String ipv4(String littleEndianHex) {
        StringBuilder s = new StringBuilder();
        for (int i = 3; i >= 0; i--) {
            s.append(Integer.parseInt(littleEndianHex.substring(2 * i, 2 * i + 2), 16)).append(i > 0 ? "." : "");
        }
        return s.toString();
    }

    @Test
    void procAddressesAreReadAsTheyAre() {
        assertEquals("127.0.0.1:8081", address("0100007F:1F91"));
        assertEquals("0.0.0.0:6123", address("00000000:17EB"));
        assertEquals("127.0.0.1:80", address("0000000000000000FFFF00000100007F:0050"));
        assertEquals("[00000000000000000000000000000000]:80", address("00000000000000000000000000000000:0050"));
    }
}
