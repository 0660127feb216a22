package org.laborwatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one policy from a Jackson tree (YAML or JSON alike), checking every field and collecting
 * every problem. Single use: one reader per document.
 */
final class PolicyReader {

    static final List<String> KEYS = List.of("id", "version", "describe", "scope", "enter", "exit", "confirm",
            "min_on", "lockout", "tiers", "effective", "revisions", "unavailable", "illustrative", "parameters", "watch", "schedule");

    static final String NOT_ENTER = "not-enter";

    static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    /** The longest policy id: it keys trigger events and acknowledgements and is a time-series tag. */
    static final int MAX_ID_LENGTH = 64;
    private static final Pattern TIER_NAME = Pattern.compile("[a-z0-9_-]+");
    /** Region or sector codes as in the Observation contract, optionally ending in one {@code *}. */
    private static final Pattern SCOPE_PATTERN = Pattern.compile("[A-Za-z0-9:_.-]*\\*?");
    /** Tier names the event contract already uses for the base tier and for OFF. */
    private static final List<String> RESERVED_TIERS = List.of("base", "off");

    private static final Map<String, Policy.RevisionMode> REVISIONS = enumByName(Policy.RevisionMode.values());
    private static final Map<String, Policy.UnavailableMode> UNAVAILABLE = enumByName(Policy.UnavailableMode.values());
    private static final Map<String, DayOfWeek> DAYS = enumByName(DayOfWeek.values());

    private final Problems problems = new Problems();
    /** Parameter names declared but refused: their problems are reported once, not again where they are used. */
    private final java.util.Set<String> refusedParameters = new java.util.HashSet<>();
    private final ConditionReader conditions = new ConditionReader(problems);

    /**
     * Reads a policy document.
     *
     * @param root the document
     * @param position how to name the policy when it has no usable id, such as {@code #2}
     * @param source the file or text it came from, for messages; may be null
     * @throws PolicyException listing every problem
     */
    static Policy read(JsonNode root, String position, String source) {
        return new PolicyReader().readPolicy(root, subject(root, position, source));
    }

    /** How messages name a policy: by its id if it has one, else by position; then the source. */
    static String subject(JsonNode root, String position, String source) {
        JsonNode id = root != null && root.isObject() ? root.get("id") : null;
        String name = id != null && id.isTextual() && !id.textValue().isBlank()
                && id.textValue().length() <= MAX_ID_LENGTH ? "'" + id.textValue() + "'" : position;
        return "policy " + name + (source == null ? "" : " in " + source);
    }

    private Policy readPolicy(JsonNode root, String subject) {
        if (root == null || !root.isObject()) {
            problems.add("", "a policy must be a mapping of keys (id, version, ...), got " + Nodes.describe(root));
            throw new PolicyException(problems.attributedTo(subject));
        }
        Nodes.rejectUnknownKeys(root, "", KEYS, problems);
        String id = id(root.get("id"));
        int version = integer(root, "", "version", 1, null);
        String describe = describe(root.get("describe"));
        Policy.Scope scope = scope(root.get("scope"));
        Parameters parameters = parameters(root.get("parameters"));
        conditions.declare(parameters, refusedParameters);
        Condition enter = required(root, "", "enter") ? conditions.read(root.get("enter"), "enter") : null;
        Condition exit = exit(root.get("exit"));
        Condition watch = root.has("watch") ? conditions.read(root.get("watch"), "watch") : null;
        Policy.Confirm confirm = confirm(root.get("confirm"));
        int minOn = integer(root, "", "min_on", 0, 0);
        int lockout = integer(root, "", "lockout", 0, 0);
        List<Policy.Tier> tiers = tiers(root.get("tiers"));
        Schedule schedule = root.has("schedule") ? schedule(root.get("schedule")) : null;
        if (root.has("schedule") && root.has("tiers")) {
            problems.add("schedule", "give tiers or a schedule, not both (a schedule's bands are its tiers)");
        } else if (schedule != null) {
            tiers = schedule.tiers();
        }
        Policy.Effective effective = effective(root.get("effective"));
        Policy.RevisionMode revisions = choice(root, "revisions", REVISIONS, Policy.RevisionMode.PROSPECTIVE);
        Policy.UnavailableMode unavailable = choice(root, "unavailable", UNAVAILABLE, Policy.UnavailableMode.HOLD);
        boolean illustrative = bool(root, "illustrative", false);
        if (problems.isEmpty()) {
            // Only once the conditions read: a condition refused for another reason would make its parameters look unused.
            unused(parameters, enter, exit, watch, tiers);
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(problems.attributedTo(subject));
        }
        return new Policy(id, version, describe, scope, enter, exit, confirm, minOn, lockout, tiers, effective,
                revisions, unavailable, illustrative, parameters, watch, schedule);
    }

    /**
     * {@code parameters: {name: {default: value, regions: {CODE or PATTERN*: value, ...}}, ...}};
     * values true/false or plain numbers, every region's of its default's kind.
     */
    private Parameters parameters(JsonNode n) {
        if (n == null) {
            return Parameters.NONE;
        }
        if (!n.isObject() || n.isEmpty()) {
            problems.add("parameters", "must be a mapping of parameter names to {default: value, regions: {...}}, got "
                    + Nodes.describe(n));
            return Parameters.NONE;
        }
        Map<String, Parameters.Parameter> out = new LinkedHashMap<>();
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Parameters.Parameter p = parameter(e.getKey(), e.getValue(), Nodes.path("parameters", e.getKey()));
            if (p != null) {
                out.put(p.name(), p);
            }
        }
        return new Parameters(out);
    }

    private Parameters.Parameter parameter(String name, JsonNode n, String path) {
        int before = problems.size();
        if (!ConditionReader.NAME.matcher(name).matches() || name.length() > MAX_ID_LENGTH) {
            problems.add(path, "a parameter name must be lower-case letters, digits and '_', starting with a letter"
                    + " ([a-z][a-z0-9_]*, at most " + MAX_ID_LENGTH + " characters)");
        } else if (MetricNames.isKnown(name)) {
            problems.add(path, "'" + name + "' is a metric; give the parameter another name");
        }
        if (!n.isObject()) {
            problems.add(path, "must be a mapping {default: value, regions: {...}}, got " + Nodes.describe(n));
            refusedParameters.add(name);
            return null;
        }
        Nodes.rejectUnknownKeys(n, path, List.of("default", "regions"), problems);
        Object fallback = required(n, path, "default") ? value(n.get("default"), Nodes.path(path, "default")) : null;
        Map<String, Object> regions = new LinkedHashMap<>();
        JsonNode r = n.get("regions");
        String regionsPath = Nodes.path(path, "regions");
        if (r != null && !r.isObject()) {
            problems.add(regionsPath, "must be a mapping of region codes or patterns to values, got " + Nodes.describe(r));
        } else if (r != null) {
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = Nodes.path(regionsPath, e.getKey());
                if (e.getKey().isEmpty() || !SCOPE_PATTERN.matcher(e.getKey()).matches()) {
                    problems.add(at, "must be a region code such as US-CA, or a pattern ending in * such as US-*");
                }
                Object v = value(e.getValue(), at);
                if (v != null && fallback != null && Parameters.Kind.of(v) != Parameters.Kind.of(fallback)) {
                    problems.add(at, "must be " + (fallback instanceof Boolean ? "true or false" : "a number")
                            + " like the default, got " + Nodes.describe(e.getValue()));
                }
                regions.put(e.getKey(), v);
            }
        }
        if (problems.size() != before) {
            refusedParameters.add(name);
            return null;
        }
        return new Parameters.Parameter(name, fallback, regions);
    }

    /** A parameter value: true/false, or a finite number (read exactly as written). */
    private Object value(JsonNode n, String path) {
        if (n != null && n.isBoolean()) {
            return n.booleanValue();
        }
        if (n != null && n.isNumber() && (!n.isFloatingPointNumber() || Double.isFinite(n.doubleValue()))) {
            return new java.math.BigDecimal(n.asText());
        }
        problems.add(path, "must be true, false or a plain number such as 6.5, got " + Nodes.describe(n));
        return null;
    }

    /** A declared parameter no condition uses is a mistake: a misspelt name would otherwise go unnoticed. */
    private void unused(Parameters parameters, Condition enter, Condition exit, Condition watch,
            List<Policy.Tier> tiers) {
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Condition c : new Condition[] {enter, exit, watch}) {
            if (c != null) {
                used.addAll(c.parameters());
            }
        }
        if (tiers != null) {
            tiers.stream().filter(t -> t.when() != null).forEach(t -> used.addAll(t.when().parameters()));
        }
        for (String name : parameters.byName().keySet()) {
            if (!used.contains(name)) {
                problems.add(Nodes.path("parameters", name), "declared but no condition uses it");
            }
        }
    }

    private String id(JsonNode n) {
        if (n == null) {
            problems.add("id", "required");
            return null;
        }
        if (!n.isTextual() || !ID.matcher(n.textValue()).matches()) {
            problems.add("id", "must be lower-case letters, digits and '-' ([a-z0-9-]+), got " + Nodes.describe(n));
            return null;
        }
        if (n.textValue().length() > MAX_ID_LENGTH) {
            // The id keys trigger events and acknowledgements and becomes a time-series tag.
            problems.add("id", "must be at most " + MAX_ID_LENGTH + " characters, got " + n.textValue().length());
            return null;
        }
        return n.textValue();
    }

    private String describe(JsonNode n) {
        if (n == null) {
            return "";
        }
        if (!n.isTextual()) {
            problems.add("describe", "must be a string, got " + Nodes.describe(n));
            return null;
        }
        return n.textValue().strip();
    }

    private Policy.Scope scope(JsonNode n) {
        if (n == null) {
            problems.add("scope", "required");
            return null;
        }
        if (!n.isObject()) {
            problems.add("scope", "must be a mapping {regions: ..., sectors: ...}, got " + Nodes.describe(n));
            return null;
        }
        Nodes.rejectUnknownKeys(n, "scope", List.of("regions", "sectors"), problems);
        List<String> regions = patterns(n, "regions");
        List<String> sectors = patterns(n, "sectors");
        return regions == null || sectors == null ? null : new Policy.Scope(regions, sectors);
    }

    /** A pattern string or a non-empty list of them. */
    private List<String> patterns(JsonNode scope, String key) {
        String path = Nodes.path("scope", key);
        if (!required(scope, "scope", key)) {
            return null;
        }
        JsonNode n = scope.get(key);
        if (n.isTextual()) {
            return pattern(n, path) ? List.of(n.textValue()) : null;
        }
        if (!n.isArray()) {
            problems.add(path, "must be a string or a list of strings, got " + Nodes.describe(n));
            return null;
        }
        if (n.isEmpty()) {
            // A policy that covers nothing can never fire, which is never what its author meant.
            problems.add(path, "must list at least one pattern");
            return null;
        }
        List<String> out = new ArrayList<>(n.size());
        boolean ok = true;
        for (int i = 0; i < n.size(); i++) {
            ok &= pattern(n.get(i), Nodes.index(path, i));
            out.add(n.get(i).asText());
        }
        return ok ? out : null;
    }

    private boolean pattern(JsonNode n, String path) {
        if (n.isTextual() && !n.textValue().isEmpty() && SCOPE_PATTERN.matcher(n.textValue()).matches()) {
            return true;
        }
        problems.add(path, "must be a code such as US, US-CA or naics:72, optionally ending in *, got "
                + Nodes.describe(n));
        return false;
    }

    private Condition exit(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isTextual() && n.textValue().strip().equals(NOT_ENTER)) {
            return null;
        }
        // Without the operator check, "not_enter" would be reported as an unknown metric, which misleads.
        boolean condition = n.isObject() || n.isTextual() && ConditionReader.looksLikeComparison(n.textValue());
        if (!condition) {
            problems.add("exit", "must be '" + NOT_ENTER + "' or a condition ('metric op number', {all: [...]} or"
                    + " {any: [...]}), got " + Nodes.describe(n));
            return null;
        }
        return conditions.read(n, "exit");
    }

    private Policy.Confirm confirm(JsonNode n) {
        if (n == null) {
            return new Policy.Confirm(1, 1);
        }
        if (!n.isObject()) {
            problems.add("confirm", "must be a mapping {enter: n, exit: n}, got " + Nodes.describe(n));
            return null;
        }
        Nodes.rejectUnknownKeys(n, "confirm", List.of("enter", "exit"), problems);
        return new Policy.Confirm(integer(n, "confirm", "enter", 1, 1), integer(n, "confirm", "exit", 1, 1));
    }

    private List<Policy.Tier> tiers(JsonNode n) {
        if (n == null) {
            return List.of();
        }
        if (!n.isArray()) {
            problems.add("tiers", "must be a list of {name, when}, got " + Nodes.describe(n));
            return null;
        }
        List<Policy.Tier> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < n.size(); i++) {
            String path = Nodes.index("tiers", i);
            JsonNode t = n.get(i);
            if (!t.isObject()) {
                problems.add(path, "must be a mapping {name, when}, got " + Nodes.describe(t));
                continue;
            }
            Nodes.rejectUnknownKeys(t, path, List.of("name", "when"), problems);
            String name = tierName(t, path, seen, i);
            Condition when = required(t, path, "when") ? conditions.read(t.get("when"), Nodes.path(path, "when")) : null;
            out.add(new Policy.Tier(name, when));
        }
        return out;
    }

    /**
     * {@code schedule: {of: expression, output: name, unit: text, bands: [{up_to: n, level: n}, ..., {level: n}]}}:
     * ascending upper bounds, each band but the last with one.
     */
    private Schedule schedule(JsonNode n) {
        if (!n.isObject()) {
            problems.add("schedule", "must be a mapping {of, output, unit, bands}, got " + Nodes.describe(n));
            return null;
        }
        int before = problems.size();
        Nodes.rejectUnknownKeys(n, "schedule", List.of("of", "output", "unit", "bands"), problems);
        Expression of = null;
        if (required(n, "schedule", "of")) {
            JsonNode o = n.get("of");
            if (o.isTextual()) {
                of = ExpressionParser.parseValue(o.textValue(), "schedule.of", conditions.parameters(),
                        refusedParameters, problems);
            } else {
                problems.add("schedule.of", "must be a metric or an expression such as tur_3mo, got " + Nodes.describe(o));
            }
        }
        String output = null;
        if (required(n, "schedule", "output")) {
            JsonNode o = n.get("output");
            if (o.isTextual() && ConditionReader.NAME.matcher(o.textValue()).matches() && o.textValue().length() <= MAX_ID_LENGTH) {
                output = o.textValue();
            } else {
                problems.add("schedule.output", "must be a name such as insured_hours ([a-z][a-z0-9_]*), got " + Nodes.describe(o));
            }
        }
        String unit = "";
        if (n.has("unit")) {
            if (n.get("unit").isTextual()) {
                unit = n.get("unit").textValue();
            } else {
                problems.add("schedule.unit", "must be a string such as hours, got " + Nodes.describe(n.get("unit")));
            }
        }
        List<Schedule.Band> bands = bands(n.get("bands"));
        return problems.size() == before ? new Schedule(of, output, unit, bands) : null;
    }

    private List<Schedule.Band> bands(JsonNode n) {
        if (n == null || !n.isArray() || n.size() < 2) {
            problems.add("schedule.bands", "must be a list of at least two bands [{up_to: n, level: n}, ..., {level: n}], got "
                    + Nodes.describe(n));
            return List.of();
        }
        List<Schedule.Band> bands = new ArrayList<>();
        java.math.BigDecimal previous = null;
        for (int i = 0; i < n.size(); i++) {
            String path = Nodes.index("schedule.bands", i);
            JsonNode b = n.get(i);
            if (!b.isObject()) {
                problems.add(path, "must be a mapping {up_to: n, level: n}, got " + Nodes.describe(b));
                continue;
            }
            Nodes.rejectUnknownKeys(b, path, List.of("up_to", "level"), problems);
            boolean last = i == n.size() - 1;
            java.math.BigDecimal upTo = null;
            if (last && b.has("up_to")) {
                problems.add(Nodes.path(path, "up_to"), "the last band has no upper bound: it holds every value above "
                        + (previous == null ? "the previous band" : previous.toPlainString()));
            } else if (!last) {
                upTo = number(b, path, "up_to");
                if (upTo != null && previous != null && upTo.compareTo(previous) <= 0) {
                    problems.add(Nodes.path(path, "up_to"), "must be above the previous band's " + previous.toPlainString()
                            + ", got " + upTo.toPlainString() + " (bands ascend)");
                }
                previous = upTo == null ? previous : upTo;
            }
            java.math.BigDecimal level = number(b, path, "level");
            if (level != null) {
                bands.add(new Schedule.Band(upTo, level));
            }
        }
        return bands;
    }

    /** A plain decimal field, read exactly as written; null after reporting why not. */
    private java.math.BigDecimal number(JsonNode parent, String path, String key) {
        if (!required(parent, path, key)) {
            return null;
        }
        JsonNode v = parent.get(key);
        if (v.isNumber() && (!v.isFloatingPointNumber() || Double.isFinite(v.doubleValue()))) {
            return new java.math.BigDecimal(v.asText());
        }
        problems.add(Nodes.path(path, key), "must be a plain number such as 6.0, got " + Nodes.describe(v));
        return null;
    }

    private String tierName(JsonNode tier, String path, Map<String, Integer> seen, int index) {
        if (!required(tier, path, "name")) {
            return null;
        }
        JsonNode n = tier.get("name");
        String namePath = Nodes.path(path, "name");
        if (!n.isTextual() || !TIER_NAME.matcher(n.textValue()).matches()) {
            problems.add(namePath, "must be lower-case letters, digits, '_' and '-' ([a-z0-9_-]+), got "
                    + Nodes.describe(n));
            return null;
        }
        String name = n.textValue();
        if (name.length() > MAX_ID_LENGTH) {
            // A tier name is written into every trigger event of the tier and is a time-series tag.
            problems.add(namePath, "must be at most " + MAX_ID_LENGTH + " characters, got " + name.length());
            return null;
        }
        if (RESERVED_TIERS.contains(name)) {
            problems.add(namePath, "'" + name + "' is reserved (" + String.join(", ", RESERVED_TIERS)
                    + " are the tiers of events without a named tier)");
        }
        Integer earlier = seen.putIfAbsent(name, index);
        if (earlier != null) {
            problems.add(namePath, "duplicate tier name '" + name + "' (also tiers[" + earlier + "])");
        }
        return name;
    }

    private Policy.Effective effective(JsonNode n) {
        if (n == null) {
            return Policy.Effective.SAME_PERIOD;
        }
        if (!n.isObject()) {
            problems.add("effective", "must be a mapping {lag_weeks: n, starts_on: day} or {lag_months: n}, got "
                    + Nodes.describe(n));
            return null;
        }
        Nodes.rejectUnknownKeys(n, "effective", List.of("lag_weeks", "lag_months", "starts_on"), problems);
        boolean weeks = n.has("lag_weeks");
        int lagWeeks = integer(n, "effective", "lag_weeks", 0, 0);
        int lagMonths = integer(n, "effective", "lag_months", 0, 0);
        if (weeks && n.has("lag_months")) {
            problems.add("effective", "give lag_weeks or lag_months, not both");
        }
        DayOfWeek startsOn = null;
        if (n.has("starts_on")) {
            if (!weeks) {
                problems.add("effective.starts_on", "only allowed with lag_weeks (months start on their first day)");
            }
            startsOn = choice(n.get("starts_on"), "effective.starts_on", DAYS);
        } else if (weeks) {
            // Weekly periods end on Saturday (DESIGN.md, Observation), so their weeks start on Sunday.
            startsOn = DayOfWeek.SUNDAY;
        }
        if (!weeks && !n.has("lag_months")) {
            return Policy.Effective.SAME_PERIOD;
        }
        return new Policy.Effective(lagWeeks, lagMonths, startsOn);
    }

    /**
     * An integer field at least {@code min}; {@code fallback} when absent, or required when null.
     * Returns 0 after reporting a problem (the policy is then not built).
     */
    private int integer(JsonNode parent, String parentPath, String key, int min, Integer fallback) {
        JsonNode n = parent.get(key);
        if (n == null) {
            if (fallback == null) {
                problems.add(Nodes.path(parentPath, key), "required");
                return 0;
            }
            return fallback;
        }
        // isIntegralNumber rejects "3" and 3.0: a quoted or fractional count is a typing mistake.
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min) {
            String expected = min == 1 ? "a positive integer" : "an integer >= " + min;
            problems.add(Nodes.path(parentPath, key), "must be " + expected + ", got " + Nodes.describe(n));
            return 0;
        }
        return n.intValue();
    }

    private boolean bool(JsonNode parent, String key, boolean fallback) {
        JsonNode n = parent.get(key);
        if (n == null) {
            return fallback;
        }
        if (!n.isBoolean()) {
            problems.add(key, "must be true or false, got " + Nodes.describe(n));
            return fallback;
        }
        return n.booleanValue();
    }

    private <E> E choice(JsonNode parent, String key, Map<String, E> values, E fallback) {
        JsonNode n = parent.get(key);
        return n == null ? fallback : choice(n, key, values);
    }

    private <E> E choice(JsonNode n, String path, Map<String, E> values) {
        E value = n.isTextual() ? values.get(n.textValue()) : null;
        if (value == null) {
            problems.add(path, "must be one of " + String.join(", ", values.keySet()) + ", got " + Nodes.describe(n));
        }
        return value;
    }

    private boolean required(JsonNode parent, String parentPath, String key) {
        if (parent.get(key) == null) {
            problems.add(Nodes.path(parentPath, key), "required");
            return false;
        }
        return true;
    }

    /** Lower-case names, in declaration order: the language spells values in lower case. */
    private static <E extends Enum<E>> Map<String, E> enumByName(E[] values) {
        Map<String, E> m = new LinkedHashMap<>();
        for (E e : values) {
            m.put(e.name().toLowerCase(Locale.ROOT), e);
        }
        return Collections.unmodifiableMap(m);
    }
}
