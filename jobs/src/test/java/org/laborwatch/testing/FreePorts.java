package org.laborwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free TCP ports on 127.0.0.1 for the servers the tests start (Kafka, InfluxDB, a Flink cluster's
 * processes, webhook receivers): the one place that picks them.
 *
 * <p>A port is found by binding port 0 and closing the socket, so two separate calls may be given
 * the same port: that happened in {@code MultiProcessClusterIT}, where {@code rest.port} and
 * {@code blob.server.port} were both 43149, the blob server took it first and the REST polls
 * reached it. {@link #distinct} keeps every socket open until all the ports are chosen.
 */
public final class FreePorts {

    private FreePorts() {}

    /** One free port. */
    public static int one() {
        return distinct(1)[0];
    }

    /** {@code n} free ports, all different. */
    public static int[] distinct(int n) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException e) {
                    // Closing a listening socket that accepted nothing does not fail in practice; the port is free either way.
                }
            }
        }
    }
}
