package org.laborwatch.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.laborwatch.testing.FreePorts;

/**
 * A webhook receiver on 127.0.0.1 for tests, as a subscriber would run one: it verifies each
 * request with {@link StandardWebhooksVerifier}, answers 401 to one that fails, and records what it
 * accepted, in arrival order. A {@link Behaviour} injects faults (a status, a slow answer) by how
 * many times an id was seen. {@link #stop()} and {@link #start()} keep the port, so a test can
 * take the receiver away and bring it back.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** What to do with a verified request: given the id and how many times it has arrived (1 the first). */
    public interface Behaviour extends BiFunction<String, Integer, Answer> {}

    /** An answer: a status, after a delay. */
    public record Answer(int status, long delayMillis, String retryAfter) {
        public static Answer ok() {
            return new Answer(200, 0, null);
        }
    }

    /** One accepted request. */
    public record Received(String id, long timestamp, String body) {}

    private final int port;
    private final StandardWebhooksVerifier verifier;
    private final Behaviour behaviour;
    private final List<Received> accepted = new ArrayList<>();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger unverified = new AtomicInteger();
    private HttpServer server;
    private ExecutorService threads;

    public WebhookReceiver(List<String> secrets, Behaviour behaviour) {
        this.port = FreePorts.one();
        this.verifier = new StandardWebhooksVerifier(secrets);
        this.behaviour = behaviour;
    }

    public synchronized WebhookReceiver start() throws IOException {
        if (server == null) {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            threads = Executors.newFixedThreadPool(16);
            server.setExecutor(threads);
            server.createContext("/hook", this::handle);
            server.start();
        }
        return this;
    }

    /** Stops listening: connections are refused until {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/hook");
    }

    private void handle(HttpExchange x) throws IOException {
        requests.incrementAndGet();
        byte[] body;
        try (InputStream in = x.getRequestBody()) {
            body = in.readAllBytes();
        }
        var h = x.getRequestHeaders();
        String id = h.getFirst("webhook-id");
        boolean ok = "POST".equals(x.getRequestMethod())
                && verifier.verify(id, h.getFirst("webhook-timestamp"), h.getFirst("webhook-signature"), body, Instant.now());
        Answer answer;
        if (!ok) {
            unverified.incrementAndGet();
            answer = new Answer(401, 0, null);
        } else {
            int n = seen.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            answer = behaviour.apply(id, n);
            if (answer.status() >= 200 && answer.status() < 300) {
                synchronized (accepted) {
                    accepted.add(new Received(id, Long.parseLong(h.getFirst("webhook-timestamp")),
                            new String(body, StandardCharsets.UTF_8)));
                }
            }
        }
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis()); // the fault injected: a slow receiver, not test synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (answer.retryAfter() != null) {
            x.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        try (OutputStream out = x.getResponseBody()) {
            x.sendResponseHeaders(answer.status(), -1);
        } catch (IOException e) {
            // the notifier gave up on a slow answer: nothing to send to
        }
    }

    /** Accepted requests in arrival order (a repeat appears again). */
    public List<Received> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    /** How many times each id was accepted, in first-arrival order. */
    public Map<String, Integer> acceptedCounts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        accepted().forEach(r -> out.merge(r.id(), 1, Integer::sum));
        return out;
    }

    /** Every request that arrived, verified or not. */
    public int requests() {
        return requests.get();
    }

    /** Requests whose signature or timestamp did not verify. */
    public int unverified() {
        return unverified.get();
    }
}
