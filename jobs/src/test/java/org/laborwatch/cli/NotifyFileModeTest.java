package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.laborwatch.backtest.Backtest;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.testing.FreePorts;

/**
 * The local try-out of docs/subscribers.md, step by step: the example receiver
 * (docs/examples/WebhookReceiver.java, run with {@code java} as the page says) and
 * {@code notify --input} over a triggers file in the demo's format. Every event the subscriber's
 * filter selects reaches the receiver, verified, and nothing else does.
 */
class NotifyFileModeTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void theDocumentedLocalTryOutDeliversTheFilteredEventsToTheExampleReceiver() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tmp", "notify-file"));
        Backtest b = new Backtest(List.of(BundledPolicies.load("sahm-national"), BundledPolicies.load("eb-iur")), MetricEngine.standard());
        KafkaJobFixture.observations().forEach(b::accept);
        List<TriggerEvent> events = b.events();
        Path triggers = dir.resolve("triggers.jsonl");
        Files.write(triggers, events.stream().map(Json::write).toList(), StandardCharsets.UTF_8);
        Set<String> expected = events.stream().filter(e -> e.policy().equals("sahm-national")
                && e.transition() == org.laborwatch.contract.Transition.ENTER).map(TriggerEvent::eventId)
                .collect(Collectors.toCollection(TreeSet::new));

        int port = FreePorts.one();
        Path secretFile = Files.writeString(dir.resolve("newsroom.secret"), SECRET + "\n");
        Path subscribers = Files.writeString(dir.resolve("subscribers.yaml"), "id: newsroom\nversion: 1\n"
                + "url: http://127.0.0.1:" + port + "/hook\nsecret: file:" + secretFile.toAbsolutePath() + "\n"
                + "filter:\n  policies: [sahm-national]\n  transitions: [ENTER]\n");

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                Path.of("..", "docs", "examples", "WebhookReceiver.java").toString(), Integer.toString(port))
                .redirectErrorStream(true);
        pb.environment().put("WEBHOOK_SECRET", SECRET);
        Process receiver = pb.start();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        reader.start();
        try {
            await("the receiver listens", () -> lines.stream().anyMatch(l -> l.startsWith("listening")), lines);
            String[] run = CliRun.run("notify", "--input", triggers.toString(), "--subscriber-file", subscribers.toString());
            assertEquals("0", run[0], "exit code; stderr: " + run[2]);
            await("the receiver printed every event", () -> received(lines).size() >= expected.size(), lines);
            assertEquals(expected, new TreeSet<>(received(lines)), "exactly the filtered events: " + lines);
            assertTrue(lines.stream().noneMatch(l -> l.startsWith("REJECTED")), lines.toString());
            System.out.println("notify --input: " + events.size() + " events in the file, " + expected.size()
                    + " selected and received verified by the example receiver");
        } finally {
            receiver.destroy();
        }
    }

    @Test
    void wrongInputFailsWithAMessageNamingTheCauseAndTheFix() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tmp", "notify-wrong"));
        String[] nothing = CliRun.run("notify", "--bootstrap", "");
        assertEquals("1", nothing[0]);
        assertTrue(nothing[2].contains("notify needs --bootstrap") && nothing[2].contains("--input"), nothing[2]);

        Path inline = Files.writeString(dir.resolve("inline.yaml"), "id: newsroom\nversion: 1\nurl: https://h.example/x\nsecret: " + SECRET + "\n");
        String[] secret = CliRun.run("notify", "--input", "no-such.jsonl", "--subscriber-file", inline.toString());
        assertEquals("1", secret[0]);
        assertTrue(secret[2].contains(inline.toString()) && secret[2].contains("must never be in a subscriber definition"), secret[2]);
        assertTrue(!secret[2].contains("MfKQ9r8G"), "the secret is not echoed: " + secret[2]);

        Path unset = Files.writeString(dir.resolve("unset.yaml"), "id: newsroom\nversion: 1\nurl: https://h.example/x\nsecret: env:LABORWATCH_TEST_UNSET_SECRET\n");
        String[] missing = CliRun.run("notify", "--input", "no-such.jsonl", "--subscriber-file", unset.toString());
        assertEquals("1", missing[0]);
        assertTrue(missing[2].contains("subscriber newsroom") && missing[2].contains("env:LABORWATCH_TEST_UNSET_SECRET"), missing[2]);

        Path good = Files.writeString(dir.resolve("good.yaml"), "id: newsroom\nversion: 1\nurl: https://h.example/x\nsecret: file:"
                + Files.writeString(dir.resolve("s.secret"), SECRET).toAbsolutePath() + "\n");
        String[] noFile = CliRun.run("notify", "--input", dir.resolve("no-such.jsonl").toString(), "--subscriber-file", good.toString());
        assertEquals("1", noFile[0]);
        assertTrue(noFile[2].contains("no-such.jsonl is not a file"), noFile[2]);
    }

    private static List<String> received(List<String> lines) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith("event ")).map(l -> l.split(" ")[1]).toList();
        }
    }

    private static void await(String what, BooleanSupplier condition, List<String> lines) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Object lock = new Object();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 2 minutes: " + what + "; receiver said " + lines);
            }
            synchronized (lock) {
                lock.wait(100);
            }
        }
    }
}
