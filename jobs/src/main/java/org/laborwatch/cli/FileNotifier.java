package org.laborwatch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.io.webhook.WebhookClient;
import org.laborwatch.notify.DeliveryAttempt;
import org.laborwatch.notify.DeliverySettings;
import org.laborwatch.notify.Outbox;
import org.laborwatch.notify.Response;
import org.laborwatch.notify.Subscriber;
import org.laborwatch.notify.WebhookDeadLetter;

/**
 * {@code notify --input FILE}: the events of a file through the same outboxes, signing and retry
 * schedule as the notifier job, in one process without Kafka or Flink, until every event is
 * delivered or dead-lettered. One line per attempt and per dead letter goes to {@code out}.
 */
final class FileNotifier {

    private final List<Subscriber> subscribers;
    private final Set<String> illustrative;
    private final DeliverySettings settings;
    private final PrintStream out;

    FileNotifier(List<Subscriber> subscribers, Set<String> illustrative, DeliverySettings settings, PrintStream out) {
        this.subscribers = subscribers;
        this.illustrative = illustrative;
        this.settings = settings;
        this.out = out;
    }

    private record Answer(String subscriber, String eventId, String region, Response response) {}

    /** Delivers every event of {@code file}; exit code 0 when all were delivered, 1 when some were dead-lettered. */
    int deliver(Path file) throws IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("--input " + file + " is not a file (run ./laborwatch demo first for out/triggers.jsonl)");
        }
        Map<String, Outbox> boxes = new LinkedHashMap<>();
        subscribers.forEach(s -> boxes.put(s.id(), new Outbox(s.id())));
        int events = 0;
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            TriggerEvent e;
            try {
                e = Json.read(line, TriggerEvent.class);
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException(file + ":" + lineNo + " is not a trigger event (" + ex.getMessage() + ")");
            }
            events++;
            for (Subscriber s : subscribers) {
                if (s.filter().matches(e, illustrative.contains(e.policy()))) {
                    boxes.get(s.id()).enqueue(e.eventId(), e.region(), line);
                }
            }
        }
        WebhookClient client = new WebhookClient(settings.requestTimeout());
        LinkedBlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
        Set<String> running = ConcurrentHashMap.newKeySet();
        Random random = new Random();
        Map<String, int[]> tally = new LinkedHashMap<>();
        int dead = 0;
        while (boxes.values().stream().anyMatch(b -> b.size() > 0)) {
            long now = System.currentTimeMillis();
            for (Subscriber s : subscribers) {
                Outbox box = boxes.get(s.id());
                for (Outbox.Pending p : box.due(now, s.maxInFlight(), id -> running.contains(s.id() + "|" + id))) {
                    running.add(s.id() + "|" + p.eventId());
                    client.post(s.url(), p.eventId(), Instant.now().getEpochSecond(), p.body(), s.keys(System.getenv()))
                            .thenAccept(r -> answers.add(new Answer(s.id(), p.eventId(), p.region(), r)));
                }
            }
            long wait = boxes.values().stream().mapToLong(Outbox::nextAttemptAt).min().orElse(Long.MAX_VALUE) - now;
            Answer a = answers.poll(Math.max(1, Math.min(wait, settings.tick().toMillis() * 20)), TimeUnit.MILLISECONDS);
            for (; a != null; a = answers.poll()) {
                running.remove(a.subscriber() + "|" + a.eventId());
                Outbox.Step step = boxes.get(a.subscriber()).complete(a.eventId(), a.region(), a.response(),
                        System.currentTimeMillis(), settings.schedule(), random.nextDouble());
                DeliveryAttempt log = step.attempt();
                out.println(Json.write(log));
                tally.computeIfAbsent(log.subscriber(), k -> new int[2])[log.outcome().equals(DeliveryAttempt.DELIVERED) ? 0 : 1]++;
                for (WebhookDeadLetter d : step.deadLetters()) {
                    out.println("dead letter: " + d.subscriber() + " " + d.eventId() + " (" + d.reason() + ", last status "
                            + d.lastStatus() + ")");
                    dead++;
                }
            }
        }
        out.flush();
        StringBuilder summary = new StringBuilder("notify: " + events + " events read from " + file);
        tally.forEach((id, n) -> summary.append("; ").append(id).append(": ").append(n[0]).append(" delivered, ")
                .append(n[1]).append(" failed attempts"));
        System.err.println(summary.append("; ").append(dead).append(" dead letters"));
        return dead == 0 ? 0 : 1;
    }
}
