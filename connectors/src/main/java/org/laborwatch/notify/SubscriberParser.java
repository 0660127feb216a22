package org.laborwatch.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.laborwatch.contract.Transition;

/**
 * Subscriber definitions from YAML or JSON (the YAML reader reads both), every field checked:
 *
 * <pre>
 * id: newsroom
 * version: 1
 * url: https://hooks.example.org/laborwatch
 * secret: env:NEWSROOM_WEBHOOK_SECRET      # or file:/run/secrets/newsroom
 * previous_secret: env:NEWSROOM_OLD_SECRET # only during a rotation
 * max_in_flight: 4
 * filter:
 *   policies: [sahm-national, eb-iur]
 *   regions: ["US", "US-C*"]
 *   transitions: [ENTER, EXIT]
 *   tiers: [base]
 *   illustrative: false
 * </pre>
 *
 * A file holds one definition or a list of them. Unknown fields are refused: a misspelt filter
 * field would otherwise silently widen what a subscriber receives.
 */
public final class SubscriberParser {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> FIELDS = Set.of("id", "version", "url", "secret", "previous_secret", "max_in_flight", "filter");
    private static final Set<String> FILTER_FIELDS = Set.of("policies", "regions", "transitions", "tiers", "illustrative");
    /** The most in-flight requests a definition may ask for: a bound that protects the notifier too. */
    static final int MAX_IN_FLIGHT_LIMIT = 64;

    private SubscriberParser() {}

    /** One definition from its text. */
    public static Subscriber parse(String text) {
        JsonNode node = tree(text);
        if (node == null || !node.isObject()) {
            throw new SubscriberException("a subscriber update must be one object (id, version, url, secret, filter)");
        }
        return fromNode(node);
    }

    /** Every definition in a file: one object or a list of them. */
    public static List<Subscriber> parseFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("subscriber file " + file + " is not a file");
        }
        JsonNode node;
        try {
            node = tree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (SubscriberException e) {
            throw new SubscriberException(file + ": " + e.getMessage());
        }
        List<Subscriber> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        List<JsonNode> items = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(items::add);
        } else if (node != null) {
            items.add(node);
        }
        if (items.isEmpty()) {
            throw new SubscriberException(file + ": holds no subscriber");
        }
        for (int i = 0; i < items.size(); i++) {
            try {
                Subscriber s = fromNode(items.get(i));
                if (!ids.add(s.id())) {
                    throw new SubscriberException("id '" + s.id() + "' appears twice");
                }
                out.add(s);
            } catch (SubscriberException e) {
                throw new SubscriberException(file + ", subscriber " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The id and version of a text as far as they can be read, for a refusal (null and 0 otherwise). */
    public record Identity(String id, int version) {}

    public static Identity identify(String text) {
        try {
            JsonNode node = tree(text);
            if (node != null && node.isObject()) {
                return new Identity(node.path("id").isTextual() ? node.get("id").asText() : null,
                        node.path("version").canConvertToInt() ? node.get("version").asInt() : 0);
            }
        } catch (RuntimeException e) {
            // fall through: nothing identifiable
        }
        return new Identity(null, 0);
    }

    private static JsonNode tree(String text) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SubscriberException("not YAML or JSON: " + e.getOriginalMessage());
        }
    }

    private static Subscriber fromNode(JsonNode node) {
        if (!node.isObject()) {
            throw new SubscriberException("a subscriber is an object with id, version, url, secret and filter");
        }
        unknown(node, FIELDS, "");
        String id = text(node, "id");
        if (!ID.matcher(id).matches()) {
            throw new SubscriberException("id: '" + id + "' must be 1-64 of a-z, 0-9, '.', '_', '-' starting with a letter or digit");
        }
        JsonNode v = node.get("version");
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
            throw new SubscriberException("version: must be a whole number of at least 1");
        }
        URI url = url(text(node, "url"));
        SecretRef secret = new SecretRef(text(node, "secret"));
        SecretRef previous = node.hasNonNull("previous_secret") ? new SecretRef(text(node, "previous_secret")) : null;
        int maxInFlight = Subscriber.DEFAULT_MAX_IN_FLIGHT;
        if (node.hasNonNull("max_in_flight")) {
            JsonNode m = node.get("max_in_flight");
            if (!m.isIntegralNumber() || m.asInt() < 1 || m.asInt() > MAX_IN_FLIGHT_LIMIT) {
                throw new SubscriberException("max_in_flight: must be a whole number from 1 to " + MAX_IN_FLIGHT_LIMIT);
            }
            maxInFlight = m.asInt();
        }
        return new Subscriber(id, v.asInt(), url, secret, previous, filter(node.get("filter")), maxInFlight);
    }

    private static SubscriberFilter filter(JsonNode f) {
        if (f == null || f.isNull()) {
            return SubscriberFilter.everything();
        }
        if (!f.isObject()) {
            throw new SubscriberException("filter: must be an object with policies, regions, transitions, tiers, illustrative");
        }
        unknown(f, FILTER_FIELDS, "filter.");
        Set<Transition> transitions = new LinkedHashSet<>();
        for (String t : strings(f, "transitions")) {
            try {
                transitions.add(Transition.valueOf(t.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new SubscriberException("filter.transitions: '" + t + "' is not one of " + List.of(Transition.values()));
            }
        }
        JsonNode ill = f.get("illustrative");
        if (ill != null && !ill.isNull() && !ill.isBoolean()) {
            throw new SubscriberException("filter.illustrative: must be true or false");
        }
        return new SubscriberFilter(new LinkedHashSet<>(strings(f, "policies")), strings(f, "regions"), transitions,
                new LinkedHashSet<>(strings(f, "tiers")), ill != null && ill.asBoolean());
    }

    private static URI url(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new SubscriberException("url: '" + text + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new SubscriberException("url: '" + text + "' must be an https:// URL with a host");
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new SubscriberException("url: '" + text + "' is plain HTTP; events and signatures travel in the clear,"
                    + " so only https:// is accepted (plain http only to 127.0.0.1, ::1 or localhost, for local tests)");
        }
        if (uri.getUserInfo() != null) {
            throw new SubscriberException("url: must not carry a user or password (it would appear in logs)");
        }
        return uri;
    }

    private static boolean loopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: a name is never resolved here (a DNS answer could change).
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static void unknown(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new SubscriberException(prefix + name + ": unknown field (known: " + new java.util.TreeSet<>(known) + ")");
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new SubscriberException(field + ": missing or not text");
        }
        return v.asText().strip();
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new SubscriberException("filter." + field + ": must be a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new SubscriberException("filter." + field + ": every item must be non-empty text");
            }
            out.add(item.asText());
        }
        return out;
    }
}
