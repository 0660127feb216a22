// A webhook receiver for trying laborwatch's notifier locally: verifies every request as
// Standard Webhooks 1.0 says, answers 401 to one that fails, 200 otherwise, and prints one line per
// event (and notes a repeat of an id it has seen). Needs only a JDK 17+, no build:
//
//   WEBHOOK_SECRET=whsec_... java docs/examples/WebhookReceiver.java 9000
//
// Listens on 127.0.0.1 only. See docs/subscribers.md.
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class WebhookReceiver {

    /** Whether {@code signatures} (the webhook-signature header) holds a valid v1 signature of id.timestamp.body. */
    static boolean verify(byte[] key, String id, String timestamp, String signatures, byte[] body) throws Exception {
        long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp));
        if (age > 300) {
            return false; // older or newer than 5 minutes: a replay, or a clock far off
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(body);
        for (String s : signatures.split(" ")) { // two during a secret rotation
            if (s.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(s.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "9000");
        String secret = System.getenv("WEBHOOK_SECRET");
        if (secret == null || !secret.startsWith("whsec_")) {
            System.err.println("set WEBHOOK_SECRET to the subscriber's whsec_... secret");
            System.exit(2);
        }
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/", x -> {
            byte[] body = x.getRequestBody().readAllBytes();
            var h = x.getRequestHeaders();
            String id = h.getFirst("webhook-id");
            boolean ok;
            try {
                ok = id != null && verify(key, id, h.getFirst("webhook-timestamp"), h.getFirst("webhook-signature"), body);
            } catch (Exception e) {
                ok = false;
            }
            if (!ok) {
                System.out.println("REJECTED " + id + " (signature or timestamp does not verify)");
            } else {
                // Deduplicate on webhook-id: a retry or a restart can send an event again.
                String body100 = new String(body, StandardCharsets.UTF_8);
                System.out.println((seen.add(id) ? "event " : "repeat ") + id + " "
                        + body100.substring(0, Math.min(body100.length(), 160)));
            }
            x.sendResponseHeaders(ok ? 200 : 401, -1);
            x.close();
        });
        server.start();
        System.out.println("listening on http://127.0.0.1:" + port + "/");
    }
}
