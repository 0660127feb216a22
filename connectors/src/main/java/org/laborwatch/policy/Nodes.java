package org.laborwatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** Small helpers for reading a Jackson tree with problems reported by field path. */
final class Nodes {

    private Nodes() {}

    /** {@code parent.key}, or {@code key} at the root. */
    static String path(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** {@code parent[index]}. */
    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** What a node is, for "got ..." in messages: authors need to see what the parser saw. */
    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "an empty value";
        }
        if (n.isTextual()) {
            return "'" + abbreviate(n.textValue()) + "'";
        }
        if (n.isNumber()) {
            return n.numberValue() instanceof java.math.BigDecimal d ? d.toPlainString() : n.asText();
        }
        if (n.isBoolean()) {
            return n.asText();
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        return n.getNodeType().toString().toLowerCase();
    }

    /** Reports every key of {@code object} not in {@code known}: a misspelt key must not be ignored. */
    static void rejectUnknownKeys(JsonNode object, String path, Collection<String> known, Problems problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!known.contains(key)) {
                problems.add(path(path, key), "unknown key (known: " + String.join(", ", known) + ")");
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
