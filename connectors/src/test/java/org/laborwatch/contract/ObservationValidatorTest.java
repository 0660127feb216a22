package org.laborwatch.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObservationValidatorTest {

    /** The DESIGN.md example, byte for byte. */
    static final String DESIGN_EXAMPLE = "{\"indicator\":\"unemployment_rate\",\"region\":\"US-CA\",\"sector\":\"all\","
            + "\"adjustment\":\"sa\",\"frequency\":\"monthly\",\"period\":\"2024-07-01\",\"value\":5.2,"
            + "\"unit\":\"percent\",\"source\":\"bls.laus\",\"vintage\":\"2024-08-16\"}";

    private final ObservationValidator validator = new ObservationValidator();

    // ---- accepted -------------------------------------------------------------------------

    @Test
    void acceptsTheDesignExampleWithExactDecimal() {
        Observation o = accepted(DESIGN_EXAMPLE);
        assertEquals(new Observation("unemployment_rate", "US-CA", "all", "sa", Frequency.MONTHLY,
                LocalDate.of(2024, 7, 1), new BigDecimal("5.2"), "percent", "bls.laus", LocalDate.of(2024, 8, 16)), o);
        // scale matters: BigDecimal.equals("5.2", "5.20") is false, so this proves nothing was rounded
        assertEquals("5.2", o.value().toString());
    }

    @Test
    void keepsTheScaleOfTheValueAsWritten() {
        assertEquals("5.20", accepted(with(n -> n.put("value", new BigDecimal("5.20")))).value().toString());
        assertEquals("100", accepted(with(n -> n.put("value", 100))).value().toString());
    }

    @Test
    void validObservationRoundTrips() {
        List<Observation> samples = List.of(
                new Observation("unemployment_rate", "US-CA", "all", "sa", Frequency.MONTHLY,
                        LocalDate.of(2024, 7, 1), new BigDecimal("5.20"), "percent", "bls.laus", LocalDate.of(2024, 8, 16)),
                new Observation("initial_claims", "US-NV-32003", "naics:72", "nsa", Frequency.WEEKLY,
                        LocalDate.of(2020, 5, 2), new BigDecimal("123456"), "count", "dol.eta539", LocalDate.of(2020, 5, 7)),
                new Observation("job_postings_index", "US-NY", "indeed:software-development", "sa", Frequency.DAILY,
                        LocalDate.of(2025, 1, 3), new BigDecimal("1E+2"), "index", "indeed", LocalDate.of(2025, 1, 4)),
                new Observation("recession", "US", "all", "nsa", Frequency.MONTHLY,
                        LocalDate.of(1854, 12, 1), BigDecimal.ONE, "flag", "nber", LocalDate.of(2023, 1, 1)),
                new Observation("ai_use_rate", "US", "soc:15-1252", "nsa", Frequency.BIWEEKLY,
                        LocalDate.of(2024, 9, 14), new BigDecimal("0.000001"), "percent", "census.btos", LocalDate.of(2024, 9, 26)));
        for (Observation o : samples) {
            assertEquals(o, accepted(Json.writeBytes(o)), () -> "round trip of " + o);
        }
    }

    @Test
    void ignoresUnknownFields() {
        Observation plain = accepted(DESIGN_EXAMPLE);
        Observation extra = accepted(with(n -> {
            n.put("comment", "revised");
            n.putObject("meta").putArray("deep").add(1).addObject().put("x", "y");
            n.putNull("nothing");
        }));
        assertEquals(plain, extra);
    }

    @Test
    void acceptsCountyAndForeignRegionsAndBoundaryValues() {
        accepted(with(n -> n.put("region", "US-CA-06037")));
        ObservationValidator withCanada = new ObservationValidator(
                ValidationRules.defaults().withExtraRegions(List.of("CA")), java.time.Clock.systemUTC());
        assertTrue(withCanada.validate(with(n -> n.put("region", "CA")), "t")
                .isAccepted());
        accepted(with(n -> n.put("value", 0)));
        accepted(with(n -> n.put("value", 100)));
        accepted(with(n -> n.put("value", new BigDecimal("0.00000000000000000001"))));
    }

    // ---- one test per reason ---------------------------------------------------------------

    /** Processing time for the time checks: noon on 2024-08-20, four days after the example's vintage. */
    private static final java.time.Clock AUGUST_20 =
            java.time.Clock.fixed(java.time.Instant.parse("2024-08-20T12:00:00Z"), java.time.ZoneOffset.UTC);
    private final ObservationValidator onAugust20 = new ObservationValidator(ValidationRules.defaults(), AUGUST_20);

    @Test
    void aVintageAfterNowBeyondTheToleranceIsFutureVintage() {
        // 2024-08-22 starts 36 hours after now: inside two days of tolerance.
        assertTrue(onAugust20.validate(with(n -> n.put("vintage", "2024-08-22")), "t").isAccepted());
        DeadLetter d = rejected(onAugust20, with(n -> n.put("vintage", "2024-08-23")), RejectReason.FUTURE_VINTAGE);
        assertTrue(d.detail().contains("2024-08-23") && d.detail().contains("2 days"), d.detail());
        rejected(onAugust20, with(n -> n.put("vintage", "2099-12-31")), RejectReason.FUTURE_VINTAGE);
        ObservationValidator strict = new ObservationValidator(
                ValidationRules.defaults().withFutureVintageTolerance(java.time.Duration.ZERO), AUGUST_20);
        rejected(strict, with(n -> n.put("vintage", "2024-08-21")), RejectReason.FUTURE_VINTAGE);
    }

    @Test
    void aVintageBeforeTheLastDayOfItsPeriodIsRefused() {
        rejected(onAugust20, with(n -> n.put("vintage", "2019-01-01")), RejectReason.VINTAGE_BEFORE_PERIOD_END);
        DeadLetter d = rejected(onAugust20, with(n -> n.put("vintage", "2024-07-30")),
                RejectReason.VINTAGE_BEFORE_PERIOD_END);
        assertTrue(d.detail().contains("2024-07-31"), d.detail());
        // A month may be published on its last day; a week and a day on their own date.
        assertTrue(onAugust20.validate(with(n -> n.put("vintage", "2024-07-31")), "t").isAccepted());
        byte[] weekly = with(n -> {
            n.put("indicator", "initial_claims").put("unit", "count").put("value", 1000).put("frequency", "weekly")
                    .put("period", "2024-08-17").put("source", "dol.eta539");
        });
        assertTrue(onAugust20.validate(weeklyWithVintage(weekly, "2024-08-17"), "t").isAccepted());
        rejected(onAugust20, weeklyWithVintage(weekly, "2024-08-16"), RejectReason.VINTAGE_BEFORE_PERIOD_END);
    }

    private static byte[] weeklyWithVintage(byte[] weekly, String vintage) {
        return new String(weekly, StandardCharsets.UTF_8).replace("2024-08-16", vintage).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void regionsOutsideTheShippedListsAreUnknownUnlessConfigured() {
        rejected(with(n -> n.put("region", "US-ZZ")), RejectReason.UNKNOWN_REGION);
        rejected(with(n -> n.put("region", "US-CA-06999")), RejectReason.UNKNOWN_REGION);
        rejected(with(n -> n.put("region", "US-NV-06037")), RejectReason.UNKNOWN_REGION);
        rejected(with(n -> n.put("region", "BR")), RejectReason.UNKNOWN_REGION); // no bundled reader publishes Brazil
        rejected(with(n -> n.put("region", "CA-YT")), RejectReason.UNKNOWN_REGION); // a territory: not in the LFS table
        rejected(with(n -> n.put("region", "G-ASEAN")), RejectReason.UNKNOWN_REGION);
        for (String known : List.of("US", "US-DC", "US-PR", "US-VI", "US-GU", "US-AS", "US-MP", "US-CA-06037",
                "US-CT-09110", "US-PR-72127", "GB", "DE", "CA", "CA-ON", "G-EA19", "G-G7")) {
            accepted(with(n -> n.put("region", known)));
        }
        ObservationValidator withBrazil = new ObservationValidator(
                ValidationRules.defaults().withExtraRegions(List.of("BR")), AUGUST_20);
        assertTrue(withBrazil.validate(with(n -> n.put("region", "BR")), "t").isAccepted());
    }

    @Test
    void sectorsOutsideTheirCodeSystemsAreUnknownUnlessConfigured() {
        rejected(with(n -> n.put("sector", "naics:99")), RejectReason.UNKNOWN_SECTOR);
        rejected(with(n -> n.put("sector", "soc:12")), RejectReason.UNKNOWN_SECTOR);
        rejected(with(n -> n.put("sector", "soc:12-1011")), RejectReason.UNKNOWN_SECTOR);
        rejected(with(n -> n.put("sector", "indeed:astrology")), RejectReason.UNKNOWN_SECTOR);
        for (String known : List.of("all", "naics:31-33", "naics:unknown", "soc:15", "soc:15-1252",
                "ces:leisure-and-hospitality", "indeed:software-development")) {
            accepted(with(n -> n.put("sector", known)));
        }
        ObservationValidator withGroup = new ObservationValidator(
                ValidationRules.defaults().withExtraSectors(List.of("indeed:astrology")), AUGUST_20);
        assertTrue(withGroup.validate(with(n -> n.put("sector", "indeed:astrology")), "t").isAccepted());
    }

    @Test
    void tagValuesLongerThanSixtyFourCharactersAreInvalidCodes() {
        String sixtyFour = "ces:" + "a".repeat(60);
        rejected(with(n -> n.put("sector", "x:" + "a".repeat(9998))), RejectReason.INVALID_CODE);
        rejected(with(n -> n.put("sector", sixtyFour + "a")), RejectReason.INVALID_CODE);
        rejected(with(n -> n.put("source", "s".repeat(65))), RejectReason.INVALID_CODE);
        // 64 characters are of the right form and length: what decides then is whether the code is known.
        rejected(with(n -> n.put("sector", sixtyFour)), RejectReason.UNKNOWN_SECTOR);
    }

    @Test
    void aKafkaKeyThatIsNotTheSeriesKeyIsKeyMismatchAndNoKeyIsAccepted() {
        byte[] us = with(n -> n.put("region", "US"));
        assertTrue(validator.validate(us, "t", "unemployment_rate|US|all|sa").isAccepted());
        assertTrue(validator.validate(us, "t", null).isAccepted());
        ObservationValidator.Validated v = validator.validate(us, "t", "unemployment_rate|US-CA|all|sa");
        DeadLetter d = assertInstanceOf(ObservationValidator.Validated.Rejected.class, v).deadLetter();
        assertEquals(RejectReason.KEY_MISMATCH, d.reason());
        assertTrue(d.detail().contains("unemployment_rate|US-CA|all|sa") && d.detail().contains("unemployment_rate|US|all|sa"),
                d.detail());
    }

    @Test
    void aDeadLetterKeepsAtMostTheCapWithTheSizeAndHashOfTheWhole() {
        byte[] big = HostileCorpusTest.bigRecord(800 * 1024);
        ObservationValidator small = new ObservationValidator(
                ValidationRules.defaults().withDeadLetterOriginalCap(1000), AUGUST_20);
        ObservationValidator.Validated v = small.validate(big, "t");
        DeadLetter d = assertInstanceOf(ObservationValidator.Validated.Rejected.class, v).deadLetter();
        assertEquals(RejectReason.TOO_LARGE, d.reason());
        HostileCorpusTest.assertKeptUpToTheCap(big, d, 1000);
        assertTrue(Json.writeBytes(d).length < 3000, "the dead letter is small whatever the record's size");
    }

    @Test
    void tooLargeIsRefusedBeforeParsing() {
        ObservationValidator small = new ObservationValidator(100);
        // garbage that would be MALFORMED_JSON if it were parsed
        byte[] big = new byte[101];
        Arrays.fill(big, (byte) '{');
        DeadLetter d = rejected(small, big, RejectReason.TOO_LARGE);
        assertTrue(d.detail().contains("101 bytes") && d.detail().contains("100"), d.detail());
        assertEquals(ObservationValidator.DEFAULT_MAX_BYTES, validator.maxBytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "[]", "[1,2]", "\"text\"", "42", "null", "true", "{", "{\"indicator\":",
            "{\"indicator\":\"x\",}", "{'indicator':'x'}", "{} {}", "{}x"})
    void malformedJson(String input) {
        rejected(input, RejectReason.MALFORMED_JSON);
    }

    @Test
    void truncatedRecordNamesWhereItBroke() {
        String truncated = DESIGN_EXAMPLE.substring(0, DESIGN_EXAMPLE.indexOf("\"percent\"") + 4);
        DeadLetter d = rejected(truncated, RejectReason.MALFORMED_JSON);
        assertTrue(d.detail().contains("unit"), d.detail());
    }

    @Test
    void duplicateKeysAreMalformed() {
        String dup = DESIGN_EXAMPLE.replace("\"value\":5.2", "\"value\":5.2,\"value\":500");
        DeadLetter d = rejected(dup, RejectReason.MALFORMED_JSON);
        assertTrue(d.detail().contains("value"), d.detail());
    }

    @Test
    void invalidUtf8IsMalformedAndTheBytesAreKept() {
        byte[] utf8 = DESIGN_EXAMPLE.getBytes(StandardCharsets.UTF_8);
        int at = DESIGN_EXAMPLE.indexOf("bls.laus");
        utf8[at] = (byte) 0xC3; // a lead byte followed by an ASCII byte: invalid
        DeadLetter d = rejected(utf8, RejectReason.MALFORMED_JSON);
        assertTrue(d.detail().contains("UTF-8 at byte " + at), d.detail());
        assertArrayEquals(utf8, d.original());
    }

    @Test
    void utf16IsRefusedEvenThoughJacksonCouldReadIt() {
        rejected(DESIGN_EXAMPLE.getBytes(StandardCharsets.UTF_16), RejectReason.MALFORMED_JSON);
    }

    @Test
    void missingField() {
        for (String field : ObservationValidator.REQUIRED) {
            DeadLetter d = rejected(with(n -> n.remove(field)), RejectReason.MISSING_FIELD);
            assertEquals("required field " + field + " is missing", d.detail());
        }
    }

    @Test
    void nullFieldIsMissing() {
        DeadLetter d = rejected(with(n -> n.putNull("vintage")), RejectReason.MISSING_FIELD);
        assertEquals("required field vintage is null", d.detail());
    }

    @Test
    void wrongType() {
        DeadLetter region = rejected(with(n -> n.put("region", 6)), RejectReason.WRONG_TYPE);
        assertEquals("field region must be a JSON string but is a number", region.detail());
        DeadLetter value = rejected(with(n -> n.putObject("value").put("v", 5.2)), RejectReason.WRONG_TYPE);
        assertEquals("field value must be a JSON number but is an object", value.detail());
        rejected(with(n -> n.put("value", true)), RejectReason.WRONG_TYPE);
        rejected(with(n -> n.putArray("period").add("2024-07-01")), RejectReason.WRONG_TYPE);
    }

    @Test
    void missingIsReportedBeforeWrongType() {
        DeadLetter d = rejected(with(n -> {
            n.put("indicator", 1);
            n.remove("vintage");
        }), RejectReason.MISSING_FIELD);
        assertTrue(d.detail().contains("vintage"), d.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "NaN", "Infinity", "-Infinity", "+Infinity"})
    void nonFiniteValue(String literal) {
        DeadLetter d = rejected(DESIGN_EXAMPLE.replace("5.2", literal), RejectReason.NON_FINITE_VALUE);
        assertTrue(d.detail().startsWith("field value"), d.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"5.2\"", "\"five\"", "\"\"", "\"5,2\""})
    void unparsableValue(String literal) {
        DeadLetter d = rejected(DESIGN_EXAMPLE.replace("5.2", literal), RejectReason.UNPARSABLE_VALUE);
        assertTrue(d.detail().startsWith("field value must be a finite JSON number"), d.detail());
    }

    @Test
    void tooManyDecimalPlacesIsUnparsable() {
        DeadLetter d = rejected(DESIGN_EXAMPLE.replace("5.2", "1e-999999999"), RejectReason.UNPARSABLE_VALUE);
        assertTrue(d.detail().startsWith("value 1E-999999999 has 999999999 decimal places"), d.detail());
    }

    @Test
    void numbersTheReaderCannotHoldAreUnparsable() {
        String longNumber = "1" + "0".repeat(2000) + ".5";
        DeadLetter d = rejected(DESIGN_EXAMPLE.replace("5.2", longNumber), RejectReason.UNPARSABLE_VALUE);
        assertTrue(d.detail().startsWith("field value"), d.detail());
        rejected(DESIGN_EXAMPLE.replace("5.2", "1e99999999999"), RejectReason.UNPARSABLE_VALUE);
    }

    @Test
    void valueOutOfTheUnitRange() {
        DeadLetter d = rejected(with(n -> n.put("value", new BigDecimal("105.2"))), RejectReason.VALUE_OUT_OF_RANGE);
        assertEquals("value 105.2 is outside the range [0, 100] of unit percent", d.detail());
        rejected(with(n -> n.put("value", new BigDecimal("-0.1"))), RejectReason.VALUE_OUT_OF_RANGE);
    }

    @Test
    void valueTooLargeForAnyUnit() {
        DeadLetter d = rejected(with(n -> {
            n.put("indicator", "initial_claims");
            n.put("unit", "count");
            n.put("value", new BigDecimal("1E15"));
        }), RejectReason.VALUE_OUT_OF_RANGE);
        assertTrue(d.detail().startsWith("value 1E+15 is too large"), d.detail());
        rejected(DESIGN_EXAMPLE.replace("5.2", "-1e999999999"), RejectReason.VALUE_OUT_OF_RANGE);
        accepted(with(n -> {
            n.put("indicator", "initial_claims");
            n.put("unit", "count");
            n.put("value", new BigDecimal("999999999999999.9"));
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-30", "2024-13-01", "yesterday", "2024-7-1", "20240701", "2024-07-01T00:00:00Z",
            "+2024-07-01", "1700-01-01", "2300-01-01", " 2024-07-01", "٢٠٢٤-٠٧-٠١"})
    void invalidPeriod(String period) {
        DeadLetter d = rejected(with(n -> n.put("period", period)), RejectReason.INVALID_DATE);
        assertTrue(d.detail().startsWith("field period"), d.detail());
    }

    @Test
    void invalidVintage() {
        DeadLetter d = rejected(with(n -> n.put("vintage", "2024-02-30")), RejectReason.INVALID_DATE);
        assertEquals("field vintage \"2024-02-30\" is not an existing ISO date YYYY-MM-DD in the years 1800 to 2199",
                d.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hourly", "Monthly", "MONTHLY", ""})
    void unknownFrequency(String frequency) {
        DeadLetter d = rejected(with(n -> n.put("frequency", frequency)), RejectReason.UNKNOWN_FREQUENCY);
        assertTrue(d.detail().startsWith("field frequency"), d.detail());
    }

    @Test
    void periodFrequencyMismatch() {
        DeadLetter monthly = rejected(with(n -> n.put("period", "2024-07-15")), RejectReason.PERIOD_FREQUENCY_MISMATCH);
        assertEquals("field period 2024-07-15 is not the first day of a month, as monthly periods must be",
                monthly.detail());
        DeadLetter weekly = rejected(with(n -> {
            n.put("frequency", "weekly");
            n.put("period", "2024-07-05"); // a Friday
        }), RejectReason.PERIOD_FREQUENCY_MISMATCH);
        assertTrue(weekly.detail().contains("Saturday"), weekly.detail());
        rejected(with(n -> {
            n.put("frequency", "quarterly");
            n.put("period", "2024-08-01");
        }), RejectReason.PERIOD_FREQUENCY_MISMATCH);
    }

    @Test
    void unknownIndicator() {
        DeadLetter d = rejected(with(n -> n.put("indicator", "unemployment_rat")), RejectReason.UNKNOWN_INDICATOR);
        assertEquals("field indicator \"unemployment_rat\" is not in the indicator catalogue", d.detail());
    }

    @Test
    void unitMismatch() {
        DeadLetter d = rejected(with(n -> n.put("unit", "count")), RejectReason.UNIT_MISMATCH);
        assertEquals("field unit \"count\" is not the unit of indicator unemployment_rate, which is percent", d.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-ca", "US-CAL", "US-CA-6037", "US-CA-06037-1", "USA", "US,CA", "US CA", "US=CA",
            "US\"CA", "US\nCA", "US-CA\n", "US\u0000", "", "US-CA\\"})
    void invalidRegion(String region) {
        DeadLetter d = rejected(with(n -> n.put("region", region)), RejectReason.INVALID_CODE);
        assertTrue(d.detail().startsWith("field region"), d.detail());
        assertTrue(d.detail().chars().noneMatch(c -> c < 0x20), "detail stays one printable line: " + d.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"All", "naics", "naics:", ":72", "NAICS:72", "naics:7 2", "naics:72,x", "soc:15=1252",
            "indeed:software development"})
    void invalidSector(String sector) {
        DeadLetter d = rejected(with(n -> n.put("sector", sector)), RejectReason.INVALID_CODE);
        assertTrue(d.detail().startsWith("field sector"), d.detail());
    }

    @Test
    void invalidAdjustmentAndSource() {
        assertTrue(rejected(with(n -> n.put("adjustment", "SA")), RejectReason.INVALID_CODE)
                .detail().startsWith("field adjustment"));
        assertTrue(rejected(with(n -> n.put("source", "BLS LAUS")), RejectReason.INVALID_CODE)
                .detail().startsWith("field source"));
    }

    // ---- robustness ----------------------------------------------------------------------

    @Test
    void deadLetterKeepsOriginAndBytesExactly() {
        byte[] bytes = with(n -> n.put("unit", "count"));
        DeadLetter d = rejected(bytes, RejectReason.UNIT_MISMATCH);
        assertEquals("observations-3@17", d.origin());
        assertArrayEquals(bytes, d.original());
    }

    @Test
    void neverThrowsOnGarbage() {
        List<byte[]> inputs = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            byte[] b = new byte[random.nextInt(300)];
            random.nextBytes(b);
            inputs.add(b);
        }
        inputs.add(null);
        inputs.add(new byte[0]);
        inputs.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
        inputs.add(new byte[] {(byte) 0xFF, (byte) 0xFE});
        byte[] deepArrays = ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        inputs.add(deepArrays);
        inputs.add(("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)).getBytes(StandardCharsets.UTF_8));
        inputs.add(DESIGN_EXAMPLE.replace("5.2", "[".repeat(5000)).getBytes(StandardCharsets.UTF_8));
        inputs.add(DESIGN_EXAMPLE.replace("\"all\"", "\"" + "x".repeat(60_000) + "\"").getBytes(StandardCharsets.UTF_8));
        inputs.add(DESIGN_EXAMPLE.replace("5.2", "9".repeat(60_000)).getBytes(StandardCharsets.UTF_8));
        inputs.add(DESIGN_EXAMPLE.replace("5.2", "1e-2147483649").getBytes(StandardCharsets.UTF_8));
        inputs.add(DESIGN_EXAMPLE.replace("5.2", "0e999999999").getBytes(StandardCharsets.UTF_8));
        inputs.add(DESIGN_EXAMPLE.replace("5.2", "0x1F").getBytes(StandardCharsets.UTF_8));
        inputs.add(DESIGN_EXAMPLE.replace("5.2", "05.2").getBytes(StandardCharsets.UTF_8));
        inputs.add(DESIGN_EXAMPLE.replace("5.2", ".5").getBytes(StandardCharsets.UTF_8));
        inputs.add(DESIGN_EXAMPLE.replace("\"US-CA\"", "\"US-\\uD800\"").getBytes(StandardCharsets.UTF_8));
        inputs.add(DESIGN_EXAMPLE.replace("\"US-CA\"", "\"US-\\u0000\"").getBytes(StandardCharsets.UTF_8));
        inputs.add(DESIGN_EXAMPLE.substring(0, 10).getBytes(StandardCharsets.UTF_8));
        inputs.add("\u0000\u0000\u0000{".getBytes(StandardCharsets.UTF_8));
        inputs.add("/* comment */ {}".getBytes(StandardCharsets.UTF_8));
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        Arrays.fill(tenMegabytes, (byte) '[');
        inputs.add(tenMegabytes);

        ObservationValidator unbounded = new ObservationValidator(Integer.MAX_VALUE);
        for (byte[] input : inputs) {
            for (ObservationValidator v : List.of(validator, unbounded)) {
                ObservationValidator.Validated result = v.validate(input, "garbage");
                assertNotNull(result);
                if (!result.isAccepted()) {
                    DeadLetter d = ((ObservationValidator.Validated.Rejected) result).deadLetter();
                    HostileCorpusTest.assertKeptUpToTheCap(input == null ? new byte[0] : input, d,
                            DeadLetter.DEFAULT_ORIGINAL_CAP);
                    assertTrue(d.detail().chars().noneMatch(c -> c < 0x20), d.detail());
                }
            }
        }
        assertEquals(RejectReason.TOO_LARGE, reason(validator.validate(tenMegabytes, "x")));
        assertEquals(RejectReason.MALFORMED_JSON, reason(unbounded.validate(tenMegabytes, "x")));
        assertEquals(RejectReason.MALFORMED_JSON, reason(unbounded.validate(deepArrays, "x")),
                "5000-deep arrays stop at Jackson's nesting limit");
    }

    // ---- helpers -------------------------------------------------------------------------

    private static byte[] with(Consumer<ObjectNode> change) {
        ObjectNode node = (ObjectNode) Json.read(DESIGN_EXAMPLE, com.fasterxml.jackson.databind.JsonNode.class);
        ObjectNode copy = JsonNodeFactory.withExactBigDecimals(true).objectNode();
        copy.setAll(node);
        change.accept(copy);
        return Json.writeBytes(copy);
    }

    private Observation accepted(String json) {
        return accepted(json.getBytes(StandardCharsets.UTF_8));
    }

    private Observation accepted(byte[] bytes) {
        ObservationValidator.Validated result = validator.validate(bytes, "test");
        if (result instanceof ObservationValidator.Validated.Rejected r) {
            throw new AssertionError("expected accepted, got " + r.deadLetter() + " for "
                    + new String(bytes, StandardCharsets.UTF_8));
        }
        assertTrue(result.isAccepted());
        return ((ObservationValidator.Validated.Accepted) result).observation();
    }

    private DeadLetter rejected(String json, RejectReason reason) {
        return rejected(json.getBytes(StandardCharsets.UTF_8), reason);
    }

    private DeadLetter rejected(byte[] bytes, RejectReason reason) {
        return rejected(validator, bytes, reason);
    }

    private static DeadLetter rejected(ObservationValidator v, byte[] bytes, RejectReason reason) {
        ObservationValidator.Validated result = v.validate(bytes, "observations-3@17");
        ObservationValidator.Validated.Rejected r = assertInstanceOf(ObservationValidator.Validated.Rejected.class,
                result, () -> "expected " + reason + " for " + new String(bytes, StandardCharsets.UTF_8));
        DeadLetter d = r.deadLetter();
        assertEquals(reason, d.reason(), d::toString);
        assertArrayEquals(bytes, d.original(), "original bytes are kept exactly");
        assertEquals("observations-3@17", d.origin());
        return d;
    }

    private static RejectReason reason(ObservationValidator.Validated result) {
        return ((ObservationValidator.Validated.Rejected) result).deadLetter().reason();
    }
}
