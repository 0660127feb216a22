package org.laborwatch.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link FreePorts#distinct} gives ports that differ from each other and that a server can then bind. */
class FreePortsTest {

    @Test
    void portsChosenTogetherDifferAndCanBeBound() throws Exception {
        for (int round = 0; round < 20; round++) {
            int[] ports = FreePorts.distinct(8);
            assertEquals(ports.length, Arrays.stream(ports).distinct().count(), () -> "the same port twice: "
                    + Arrays.toString(ports));
            for (int port : ports) {
                try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                    assertEquals(port, s.getLocalPort());
                }
            }
        }
    }
}
