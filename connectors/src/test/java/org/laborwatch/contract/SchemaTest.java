package org.laborwatch.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Schemas are what subscribers read, so they must accept what laborwatch writes and refuse
 * what the validator refuses wherever a schema can say so.
 */
class SchemaTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // "format" is only an annotation in 2020-12 unless asked for; subscribers who enable it get dates checked.
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private static final JsonSchema OBSERVATION = schema("observation");
    private static final JsonSchema TRIGGER_EVENT = schema("trigger-event");
    private static final JsonSchema DEAD_LETTER = schema("dead-letter");

    /** DESIGN.md's trigger example, with its two placeholders ("<hash>", "…") given real values. */
    private static final String DESIGN_TRIGGER_EXAMPLE = "{\"event_id\":\"%s\","
            + "\"policy\":\"eb-iur\",\"policy_version\":3,\"region\":\"US-NV\",\"sector\":\"all\","
            + "\"transition\":\"ENTER\",\"tier\":\"base\",\"tier_level\":1,\"period\":\"2020-05-02\",\"effective_from\":\"2020-05-17\","
            + "\"evidence\":{\"iur_13wk\":6.1234,\"iur_lookback_pct\":412.0},\"thresholds\":{\"iur_13wk\":5.0,\"iur_lookback_pct\":120},"
            + "\"data_vintage\":\"2020-05-14\",\"emitted_at\":\"2020-05-14T09:30:00Z\"}";

    private final ObservationValidator validator = new ObservationValidator();

    @ParameterizedTest
    @ValueSource(strings = {"observation", "trigger-event", "dead-letter"})
    void schemasAreValidDraft202012WithADescriptionOnEveryProperty(String name) {
        JsonNode schema = resource(name);
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG);
        assertEquals(Set.of(), meta.validate(schema));
        assertEquals(SchemaId.V202012, schema.get("$schema").asText());
        assertTrue(schema.hasNonNull("description"), name);
        Iterator<Map.Entry<String, JsonNode>> properties = schema.get("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> p = properties.next();
            assertTrue(p.getValue().path("description").asText().length() > 20, name + "." + p.getKey() + " has no description");
        }
    }

    // ---- observation -----------------------------------------------------------------------

    @Test
    void designObservationExampleValidates() {
        assertValid(OBSERVATION, ObservationValidatorTest.DESIGN_EXAMPLE);
        for (JsonNode example : resource("observation").get("examples")) {
            assertValid(OBSERVATION, example.toString());
            assertTrue(validator.validate(example.toString().getBytes(StandardCharsets.UTF_8), "x").isAccepted());
        }
    }

    @Test
    void everyIndicatorOfTheCatalogueValidatesWithItsUnit() {
        for (Indicator indicator : Indicator.all().values()) {
            String json = mutate(n -> {
                n.put("indicator", indicator.name());
                n.put("unit", indicator.unit().jsonName());
                n.put("value", 1);
            });
            assertValid(OBSERVATION, json);
            assertTrue(validator.validate(json.getBytes(StandardCharsets.UTF_8), "x").isAccepted(), json);
        }
    }

    /** Records the validator refuses for reasons a schema can state: the schema refuses them too. */
    @Test
    void schemaRefusesWhatTheValidatorRefusesForSchemaExpressibleReasons() {
        Map<String, RejectReason> cases = new LinkedHashMap<>();
        for (String field : ObservationValidator.REQUIRED) {
            cases.put(mutate(n -> n.remove(field)), RejectReason.MISSING_FIELD);
        }
        cases.put(mutate(n -> n.putNull("unit")), RejectReason.MISSING_FIELD);
        cases.put(mutate(n -> n.put("region", 6)), RejectReason.WRONG_TYPE);
        cases.put(mutate(n -> n.putObject("value")), RejectReason.WRONG_TYPE);
        cases.put(mutate(n -> n.put("value", true)), RejectReason.WRONG_TYPE);
        cases.put(mutate(n -> n.putArray("vintage")), RejectReason.WRONG_TYPE);
        cases.put(mutate(n -> n.put("value", "5.2")), RejectReason.UNPARSABLE_VALUE);
        cases.put(mutate(n -> n.put("value", "NaN")), RejectReason.NON_FINITE_VALUE);
        cases.put(mutate(n -> n.put("value", new BigDecimal("105.2"))), RejectReason.VALUE_OUT_OF_RANGE);
        cases.put(mutate(n -> n.put("value", new BigDecimal("-0.1"))), RejectReason.VALUE_OUT_OF_RANGE);
        cases.put(mutate(n -> {
            n.put("indicator", "initial_claims");
            n.put("unit", "count");
            n.put("value", new BigDecimal("1E15"));
        }), RejectReason.VALUE_OUT_OF_RANGE);
        cases.put(mutate(n -> {
            n.put("indicator", "recession");
            n.put("unit", "flag");
            n.put("value", 2);
        }), RejectReason.VALUE_OUT_OF_RANGE);
        for (String region : List.of("us-ca", "US-CAL", "US-CA-6037", "USA", "US,CA", "US CA", "US=CA", "US\"CA", "", "US-CA\n", "US\nCA")) {
            cases.put(mutate(n -> n.put("region", region)), RejectReason.INVALID_CODE);
        }
        for (String sector : List.of("All", "naics", ":72", "NAICS:72", "naics:7 2", "soc:15=1252")) {
            cases.put(mutate(n -> n.put("sector", sector)), RejectReason.INVALID_CODE);
        }
        cases.put(mutate(n -> n.put("adjustment", "SA")), RejectReason.INVALID_CODE);
        cases.put(mutate(n -> n.put("source", "BLS LAUS")), RejectReason.INVALID_CODE);
        for (String date : List.of("2023-02-30", "2024-13-01", "yesterday", "2024-7-1", "1700-01-01", "2024-07-01T00:00Z")) {
            cases.put(mutate(n -> n.put("vintage", date)), RejectReason.INVALID_DATE);
        }
        cases.put(mutate(n -> n.put("frequency", "hourly")), RejectReason.UNKNOWN_FREQUENCY);
        cases.put(mutate(n -> n.put("frequency", "Monthly")), RejectReason.UNKNOWN_FREQUENCY);
        cases.put(mutate(n -> n.put("period", "2024-07-15")), RejectReason.PERIOD_FREQUENCY_MISMATCH);
        cases.put(mutate(n -> {
            n.put("frequency", "quarterly");
            n.put("period", "2024-08-01");
        }), RejectReason.PERIOD_FREQUENCY_MISMATCH);
        cases.put(mutate(n -> {
            n.put("frequency", "annual");
            n.put("period", "2024-07-01");
        }), RejectReason.PERIOD_FREQUENCY_MISMATCH);
        cases.put(mutate(n -> n.put("indicator", "unemployment_rat")), RejectReason.UNKNOWN_INDICATOR);
        cases.put(mutate(n -> n.put("unit", "count")), RejectReason.UNIT_MISMATCH);

        for (Map.Entry<String, RejectReason> c : cases.entrySet()) {
            ObservationValidator.Validated result = validator.validate(c.getKey().getBytes(StandardCharsets.UTF_8), "t");
            assertFalse(result.isAccepted(), c.getKey());
            assertEquals(c.getValue(), ((ObservationValidator.Validated.Rejected) result).deadLetter().reason(), c.getKey());
            assertFalse(OBSERVATION.validate(Json.read(c.getKey(), JsonNode.class)).isEmpty(),
                    () -> "schema accepts what the validator refuses as " + c.getValue() + ": " + c.getKey());
        }
    }

    /** The enums and patterns of the schema are the validator's, so neither drifts alone. */
    @Test
    void observationSchemaMatchesTheCatalogueAndTheValidatorPatterns() {
        JsonNode props = resource("observation").get("properties");
        assertEquals(Indicator.all().keySet(), strings(props.get("indicator").get("enum")));
        assertEquals(Arrays.stream(Unit.values()).map(Unit::jsonName).collect(Collectors.toSet()),
                strings(props.get("unit").get("enum")));
        assertEquals(Arrays.stream(Frequency.values()).map(Frequency::jsonName).collect(Collectors.toSet()),
                strings(props.get("frequency").get("enum")));
        assertEquals(anchored(ObservationValidator.REGION), props.get("region").get("pattern").asText());
        assertEquals(anchored(ObservationValidator.SECTOR), props.get("sector").get("pattern").asText());
        assertEquals(anchored(ObservationValidator.SOURCE), props.get("source").get("pattern").asText());
        assertEquals(strings(props.get("adjustment").get("enum")), Set.of("sa", "nsa"));
        assertTrue(ObservationValidator.ADJUSTMENT.matcher("sa").matches() && ObservationValidator.ADJUSTMENT.matcher("nsa").matches());

        // the indicator -> unit rules list every indicator once, under its own unit
        Map<String, String> unitOf = new TreeMap<>();
        for (JsonNode rule : resource("observation").get("allOf")) {
            JsonNode indicators = rule.at("/if/properties/indicator/enum");
            if (!indicators.isMissingNode()) {
                for (JsonNode name : indicators) {
                    assertEquals(null, unitOf.put(name.asText(), rule.at("/then/properties/unit/const").asText()));
                }
            }
        }
        Map<String, String> catalogue = new TreeMap<>();
        Indicator.all().values().forEach(i -> catalogue.put(i.name(), i.unit().jsonName()));
        assertEquals(catalogue, unitOf);
    }

    // ---- trigger event ---------------------------------------------------------------------

    @Test
    void designTriggerExampleValidates() {
        String id = TriggerEvent.idFor("eb-iur", 3, "US-NV", "all", LocalDate.of(2020, 5, 2), Transition.ENTER, "base");
        assertValid(TRIGGER_EVENT, String.format(Locale.ROOT, DESIGN_TRIGGER_EXAMPLE, id));
        for (JsonNode example : resource("trigger-event").get("examples")) {
            assertValid(TRIGGER_EVENT, example.toString());
        }
    }

    @Test
    void serializedTriggerEventsValidate() {
        for (Transition transition : Transition.values()) {
            LocalDate period = LocalDate.of(2020, 5, 2);
            TreeMap<String, BigDecimal> evidence = new TreeMap<>(Map.of(
                    "iur_13wk", new BigDecimal("6.1234"), "iur_lookback_pct", new BigDecimal("412.0")));
            TreeMap<String, BigDecimal> thresholds = new TreeMap<>(Map.of(
                    "iur_13wk", new BigDecimal("5.0"), "iur_lookback_pct", new BigDecimal("120")));
            TriggerEvent event = new TriggerEvent(
                    TriggerEvent.idFor("eb-iur", 3, "US-NV", "all", period, transition, "base"),
                    "eb-iur", 3, "US-NV", "all", transition, "base", 1, period, Frequency.WEEKLY, LocalDate.of(2020, 5, 17),
                    transition == Transition.EXIT ? LocalDate.of(2020, 8, 15) : null,
                    evidence, thresholds, transition == Transition.CORRECTION ? "0123456789abcdef0123456789abcdef" : null,
                    LocalDate.of(2020, 5, 14), Instant.parse("2020-05-14T09:30:00.123456Z"),
                    transition == Transition.WATCH || transition == Transition.CLEAR || transition == Transition.ENTER
                            ? new TriggerEvent.Watch(LocalDate.of(2020, 4, 4), 4,
                                    new TreeMap<>(Map.of("iur_13wk", new BigDecimal("-1.1234"))))
                            : null);
            String json = Json.write(event);
            assertValid(TRIGGER_EVENT, json);
            assertEquals(event.watch() != null, json.contains(
                    "\"watch\":{\"since\":\"2020-04-04\",\"periods\":4,\"distance_to_enter\":{\"iur_13wk\":-1.1234}}"), json);
        }
        // a schedule policy's level, lowest and highest band (no lower or upper bound)
        for (TriggerEvent.Band band : List.of(new TriggerEvent.Band(0, null, new BigDecimal("6.0")),
                new TriggerEvent.Band(8, new BigDecimal("13.0"), null))) {
            LocalDate month = LocalDate.of(2020, 5, 1);
            TriggerEvent level = new TriggerEvent(
                    TriggerEvent.idFor("ei-entrance", 1, "US-NV", "all", month, Transition.TIER_UP, "band-8"),
                    "ei-entrance", 1, "US-NV", "all", Transition.TIER_UP, "band-8", 10, month, Frequency.MONTHLY,
                    LocalDate.of(2020, 6, 1), null, null, null, null, null, null, null,
                    new TriggerEvent.Level("insured_hours", "hours", new BigDecimal("420"), band));
            String json = Json.write(level);
            assertValid(TRIGGER_EVENT, json);
            assertTrue(json.contains("\"schedule\":{\"output\":\"insured_hours\",\"unit\":\"hours\",\"level\":420,"
                    + "\"band\":{\"index\":" + band.index()), json);
        }
        // the least a TriggerEvent can hold still validates
        TriggerEvent minimal = new TriggerEvent(
                TriggerEvent.idFor("sahm-state", 1, "US-CA-06037", "naics:72", LocalDate.of(2024, 7, 1), Transition.ENTER, null),
                "sahm-state", 1, "US-CA-06037", "naics:72", Transition.ENTER, null, 0, LocalDate.of(2024, 7, 1), null,
                null, null, null, null, null, null, null);
        assertValid(TRIGGER_EVENT, Json.write(minimal));
    }

    @Test
    void triggerSchemaRefusesWhatNoEventLooksLike() {
        String good = String.format(Locale.ROOT, DESIGN_TRIGGER_EXAMPLE, "0".repeat(32));
        assertValid(TRIGGER_EVENT, good);
        for (String bad : List.of(
                good.replace("\"ENTER\"", "\"enter\""),
                good.replace("\"0000", "\"XYZ0"),
                good.replace("\"policy_version\":3", "\"policy_version\":\"3\""),
                good.replace("2020-05-17", "2020-05-32"),
                good.replace("6.1234", "\"6.1234\""),
                good.replace("\"region\":\"US-NV\",", ""))) {
            assertFalse(TRIGGER_EVENT.validate(Json.read(bad, JsonNode.class)).isEmpty(), bad);
        }
        assertEquals(Arrays.stream(Transition.values()).map(Enum::name).collect(Collectors.toSet()),
                strings(resource("trigger-event").at("/properties/transition/enum")));
    }

    // ---- dead letter -----------------------------------------------------------------------

    @Test
    void serializedDeadLettersValidate() {
        byte[] notUtf8 = {'{', (byte) 0xC3, '(', '}'};
        for (RejectReason reason : RejectReason.values()) {
            assertValid(DEAD_LETTER, Json.write(new DeadLetter(reason, "field x is wrong", "observations-0@42", notUtf8)));
        }
        assertValid(DEAD_LETTER, Json.write(new DeadLetter(RejectReason.TOO_LARGE, "too big", null, new byte[5000])));
        assertValid(DEAD_LETTER, Json.write(new DeadLetter(RejectReason.TOO_LARGE, "too big", "t-0@1", new byte[5000], 100)));
        assertEquals(Arrays.stream(RejectReason.values()).map(RejectReason::code).collect(Collectors.toSet()),
                strings(resource("dead-letter").at("/properties/reason/enum")));
    }

    @Test
    void aTruncatedDeadLetterSaysSoWithTheSizeAndHashOfTheWholeRecord() {
        JsonNode letter = Json.read(Json.write(
                new DeadLetter(RejectReason.TOO_LARGE, "too big", "t-0@1", new byte[5000], 100)), JsonNode.class);
        assertEquals(true, letter.get("original_truncated").booleanValue());
        assertEquals(5000, letter.get("original_size").longValue());
        assertEquals(100, java.util.Base64.getDecoder().decode(letter.get("original_base64").textValue()).length);
        assertTrue(letter.get("original_sha256").textValue().matches("[0-9a-f]{64}"));
        JsonNode whole = Json.read(Json.write(
                new DeadLetter(RejectReason.TOO_LARGE, "too big", "t-0@1", new byte[5000], 5000)), JsonNode.class);
        assertEquals(false, whole.get("original_truncated").booleanValue());
        assertEquals(letter.get("original_sha256"), whole.get("original_sha256"));
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static void assertValid(JsonSchema schema, String json) {
        Set<ValidationMessage> errors = schema.validate(Json.read(json, JsonNode.class));
        assertEquals(Set.of(), errors, json);
    }

    private static String mutate(Consumer<ObjectNode> change) {
        ObjectNode node = (ObjectNode) Json.read(ObservationValidatorTest.DESIGN_EXAMPLE, JsonNode.class);
        change.accept(node);
        return Json.write(node);
    }

    private static String anchored(Pattern pattern) {
        return "^(?:" + pattern.pattern() + ")(?![\\s\\S])";
    }

    private static Set<String> strings(JsonNode array) {
        assertNotNull(array);
        assertTrue(array.isArray(), array::toString);
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        assertEquals(values.size(), new TreeSet<>(values).size(), "no duplicates in " + values);
        return new TreeSet<>(values);
    }

    private static JsonNode resource(String name) {
        try (InputStream in = SchemaTest.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
            assertNotNull(in, name);
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema(String name) {
        return FACTORY.getSchema(resource(name), CONFIG);
    }
}
