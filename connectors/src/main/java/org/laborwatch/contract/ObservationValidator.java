package org.laborwatch.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.laborwatch.reference.KnownCodes;

/**
 * Turns the bytes of one input record into an {@link Observation}, or into a {@link DeadLetter}
 * that keeps the bytes exactly and says, in one {@link RejectReason} and one sentence, what is
 * wrong (DESIGN.md, "Observation"). It never throws: the job must not stop for bad input.
 *
 * <p>Checks run in this fixed order and the first failure decides the reason, so the same record
 * is always refused for the same reason:
 *
 * <ol>
 *   <li>size above the maximum (before parsing, so a huge record costs nothing) → {@code TOO_LARGE}
 *   <li>not strict UTF-8, not JSON, truncated, trailing content, duplicate keys, nesting deeper
 *       than Jackson's {@code StreamReadConstraints}, or not an object → {@code MALFORMED_JSON};
 *       a number in {@code value} that the reader cannot hold (longer than the constraints allow,
 *       an exponent beyond int range) → {@code UNPARSABLE_VALUE}
 *   <li>each required field, in contract order (indicator, region, sector, adjustment, frequency,
 *       period, value, unit, source, vintage), absent or null → {@code MISSING_FIELD}
 *   <li>each required field, same order, of the wrong JSON type (all are strings except
 *       {@code value}, which is a number; a string there is judged in the next step) →
 *       {@code WRONG_TYPE}
 *   <li>{@code value}: a NaN or infinite number, or the strings "NaN"/"Infinity"/"-Infinity" →
 *       {@code NON_FINITE_VALUE}; any other string → {@code UNPARSABLE_VALUE}; magnitude ≥ 1e15 →
 *       {@code VALUE_OUT_OF_RANGE}; more than {@value #MAX_DECIMAL_PLACES} decimal places →
 *       {@code UNPARSABLE_VALUE} (1e-999999999 is small but would print as a gigabyte of zeros)
 *   <li>region, sector, adjustment, source not of their documented form, or region, sector or
 *       source longer than {@value KnownCodes#MAX_TAG_LENGTH} characters → {@code INVALID_CODE}
 *   <li>region not in the known regions ({@link KnownCodes}: the shipped US state, territory and
 *       county lists plus configured extras) → {@code UNKNOWN_REGION}
 *   <li>sector not in the known sectors (NAICS sectors, SOC groups and detailed codes, the
 *       readers' named groups, configured extras) → {@code UNKNOWN_SECTOR}
 *   <li>period, then vintage, not an existing ISO date {@code YYYY-MM-DD} in the years
 *       {@value #MIN_YEAR}–{@value #MAX_YEAR} → {@code INVALID_DATE} (the bound keeps every
 *       period inside InfluxDB's nanosecond time range, so a sink never fails on it)
 *   <li>vintage after the processing time (the injected {@link Clock}) by more than the
 *       tolerance of {@link ValidationRules#futureVintageTolerance} → {@code FUTURE_VINTAGE}
 *   <li>frequency not one of the lowercase {@link Frequency} names → {@code UNKNOWN_FREQUENCY}
 *   <li>period not a period of that frequency ({@link Frequency#fits}) →
 *       {@code PERIOD_FREQUENCY_MISMATCH}
 *   <li>vintage before the last day of the period ({@link Frequency#lastDay}: a month's last
 *       day; the date itself for weekly, biweekly and daily periods) →
 *       {@code VINTAGE_BEFORE_PERIOD_END}; this also refuses a period after its vintage
 *   <li>indicator not in the {@link Indicator} catalogue → {@code UNKNOWN_INDICATOR}
 *   <li>unit not the indicator's unit → {@code UNIT_MISMATCH}
 *   <li>value outside the unit's range ({@link Unit#admits}) → {@code VALUE_OUT_OF_RANGE}
 *   <li>a Kafka key given and not the series' key {@code indicator|region|sector|adjustment}
 *       ({@link SeriesKey#kafkaKey}) → {@code KEY_MISMATCH}; a record without a key is accepted
 *       (a producer need not key, and files have none)
 * </ol>
 *
 * <p>A dead letter keeps at most {@link ValidationRules#deadLetterOriginalCap} bytes of the
 * record, with the size and SHA-256 of all of it, so it always fits the dead-letter topic.
 *
 * <p>Field-local checks come before cross-field ones, so a detail never blames a relation between
 * two fields when one of them is broken on its own. Unknown extra fields are ignored. Codes are
 * checked strictly because they become InfluxDB tag values: the patterns admit no comma, space,
 * equals sign, quote, backslash, newline or control character.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ObservationValidator {

    /** The default maximum record size: 64 KiB, far above any real observation (~250 bytes). */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    /** Values at or above this magnitude are data errors for every unit in the catalogue. */
    public static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1E15");

    /** The most decimal places a value may carry; agencies publish at most a handful. */
    public static final int MAX_DECIMAL_PLACES = 20;

    /** Earliest year of period and vintage (FRED USREC starts in 1854). */
    public static final int MIN_YEAR = 1800;

    /** Latest year of period and vintage. */
    public static final int MAX_YEAR = 2199;

    static final List<String> REQUIRED = List.of(
            "indicator", "region", "sector", "adjustment", "frequency", "period", "value", "unit", "source", "vintage");

    static final Pattern REGION = Pattern.compile("US(?:-[A-Z]{2}(?:-[0-9]{5})?)?|[A-Z]{2}(?:-[A-Z]{2})?|G-[A-Z0-9]+");
    static final Pattern SECTOR = Pattern.compile("all|[a-z0-9_]+:[A-Za-z0-9._-]+");
    static final Pattern ADJUSTMENT = Pattern.compile("sa|nsa");
    static final Pattern SOURCE = Pattern.compile("[a-z0-9_.-]+");

    private static final Set<String> NON_FINITE_WORDS =
            Set.of("nan", "infinity", "+infinity", "-infinity", "inf", "+inf", "-inf");

    private final int maxBytes;
    private final int deadLetterCap;
    private final java.time.Duration futureTolerance;
    private final KnownCodes known;
    private final Clock clock;
    private final ObjectReader reader;

    /** A validator with the {@linkplain ValidationRules#defaults() default rules} and the system clock. */
    public ObservationValidator() {
        this(ValidationRules.defaults(), Clock.systemUTC());
    }

    /** A validator that refuses records larger than {@code maxBytes} without parsing them. */
    public ObservationValidator(int maxBytes) {
        this(ValidationRules.defaults().withMaxBytes(maxBytes), Clock.systemUTC());
    }

    /**
     * A validator with {@code rules}, judging vintages against {@code clock}'s now.
     *
     * @throws IllegalArgumentException if an extra region or sector of the rules is not valid
     */
    public ObservationValidator(ValidationRules rules, Clock clock) {
        this.maxBytes = rules.maxBytes();
        this.deadLetterCap = rules.deadLetterOriginalCap();
        this.futureTolerance = rules.futureVintageTolerance();
        this.known = KnownCodes.standard().with(rules.extraRegions(), rules.extraSectors());
        this.clock = Objects.requireNonNull(clock, "clock");
        // A reader derived from the shared mapper, never a reconfigured mapper: NaN literals must
        // parse so they can be refused as NON_FINITE_VALUE rather than as broken JSON; exact
        // decimals keep 5.20 as 5.20 (the default factory strips it to 5.2 and 100 to 1E+2); a
        // duplicate key would let two consumers read two different values from one record.
        this.reader = Json.mapper().reader()
                .with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(JsonNodeFactory.withExactBigDecimals(true));
    }

    /** The maximum record size in bytes. */
    public int maxBytes() {
        return maxBytes;
    }

    /**
     * Validates one record.
     *
     * @param bytes the record's bytes, kept exactly in a dead letter ({@code null} reads as empty)
     * @param origin where it came from, copied into a dead letter; may be {@code null}
     * @return the observation, or the dead letter; never {@code null}, never throws
     */
    public Validated validate(byte[] bytes, String origin) {
        return validate(bytes, origin, null);
    }

    /**
     * Validates one record received under a Kafka key.
     *
     * @param key the record's Kafka key as text; {@code null} when it had none (then not checked)
     * @see #validate(byte[], String)
     */
    public Validated validate(byte[] bytes, String origin, String key) {
        byte[] original = bytes == null ? new byte[0] : bytes;
        try {
            return check(original, origin, key);
        } catch (Exception | StackOverflowError e) {
            // Belt and braces: every known failure is mapped below; this keeps an unforeseen one
            // (a Jackson bug, a JDK corner case) from stopping the job.
            return reject(original, origin, RejectReason.MALFORMED_JSON,
                    "the record could not be read: " + e.getClass().getSimpleName());
        }
    }

    private Validated check(byte[] bytes, String origin, String key) throws Exception {
        if (bytes.length > maxBytes) {
            return reject(bytes, origin, RejectReason.TOO_LARGE,
                    "the record has " + bytes.length + " bytes, more than the maximum of " + maxBytes);
        }
        String text = decodeUtf8(bytes);
        if (text == null) {
            return reject(bytes, origin, RejectReason.MALFORMED_JSON,
                    "the record is not valid UTF-8 at byte " + invalidUtf8Offset(bytes));
        }
        JsonNode root;
        try (JsonParser parser = reader.createParser(text)) {
            try {
                root = reader.readTree(parser);
                if (root != null && parser.nextToken() != null) {
                    return reject(bytes, origin, RejectReason.MALFORMED_JSON,
                            "the record has content after its JSON object, at " + where(parser));
                }
            } catch (JsonProcessingException e) {
                boolean numberTooLong = e instanceof StreamConstraintsException
                        && String.valueOf(e.getOriginalMessage()).startsWith("Number");
                return parseFailure(bytes, origin, parser, firstLine(e.getOriginalMessage()), numberTooLong);
            } catch (NumberFormatException | ArithmeticException e) {
                // BigDecimal's own refusal, such as an exponent beyond int range: Jackson lets it through.
                return parseFailure(bytes, origin, parser, "not a number BigDecimal can hold", true);
            }
        }
        if (root == null || root.isMissingNode()) {
            return reject(bytes, origin, RejectReason.MALFORMED_JSON, "the record is empty");
        }
        if (!root.isObject()) {
            return reject(bytes, origin, RejectReason.MALFORMED_JSON,
                    "the record is a JSON " + typeName(root) + ", not an object");
        }
        return checkFields(bytes, origin, root, key);
    }

    private Validated parseFailure(byte[] bytes, String origin, JsonParser parser, String problem,
            boolean numberProblem) {
        JsonStreamContext context = parser.getParsingContext();
        String field = context == null ? null : context.getCurrentName();
        boolean inTopLevelValue = "value".equals(field) && context.getParent() != null && context.getParent().inRoot();
        if (numberProblem && inTopLevelValue) {
            return reject(bytes, origin, RejectReason.UNPARSABLE_VALUE,
                    "field value is a number that cannot be read: " + problem);
        }
        String inField = field == null ? "" : " in field " + quote(field);
        return reject(bytes, origin, RejectReason.MALFORMED_JSON,
                "the record is not valid JSON at " + where(parser) + inField + ": " + problem);
    }

    private Validated checkFields(byte[] bytes, String origin, JsonNode root, String key) {
        for (String field : REQUIRED) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return reject(bytes, origin, RejectReason.MISSING_FIELD,
                        "required field " + field + " is " + (node == null ? "missing" : "null"));
            }
        }
        for (String field : REQUIRED) {
            JsonNode node = root.get(field);
            boolean ok = field.equals("value") ? node.isNumber() || node.isTextual() : node.isTextual();
            if (!ok) {
                return reject(bytes, origin, RejectReason.WRONG_TYPE, "field " + field + " must be a JSON "
                        + (field.equals("value") ? "number" : "string") + " but is " + article(typeName(node)));
            }
        }

        JsonNode valueNode = root.get("value");
        if (valueNode.isTextual()) {
            String s = valueNode.textValue();
            boolean nonFinite = NON_FINITE_WORDS.contains(s.strip().toLowerCase(Locale.ROOT));
            return reject(bytes, origin, nonFinite ? RejectReason.NON_FINITE_VALUE : RejectReason.UNPARSABLE_VALUE,
                    "field value must be a finite JSON number but is the string " + quote(s));
        }
        if ((valueNode.isDouble() || valueNode.isFloat()) && !Double.isFinite(valueNode.doubleValue())) {
            return reject(bytes, origin, RejectReason.NON_FINITE_VALUE,
                    "field value is " + valueNode.doubleValue() + ", not a finite number");
        }
        BigDecimal value = valueNode.decimalValue();
        if (value.abs().compareTo(MAX_MAGNITUDE) >= 0) {
            return reject(bytes, origin, RejectReason.VALUE_OUT_OF_RANGE,
                    "value " + value + " is too large: its magnitude must be below 1E+15");
        }
        if (value.scale() > MAX_DECIMAL_PLACES) {
            return reject(bytes, origin, RejectReason.UNPARSABLE_VALUE, "value " + value + " has " + value.scale()
                    + " decimal places, more than the " + MAX_DECIMAL_PLACES + " accepted");
        }

        String indicator = root.get("indicator").textValue();
        String region = root.get("region").textValue();
        String sector = root.get("sector").textValue();
        String adjustment = root.get("adjustment").textValue();
        String frequencyName = root.get("frequency").textValue();
        String unit = root.get("unit").textValue();
        String source = root.get("source").textValue();

        String badCode = firstNonNull(
                badCode("region", region, REGION, "US, US-XX, US-XX-NNNNN (county FIPS), a country's ISO code (CA), its subdivision (CA-ON) or a group (G-EA19)"),
                badCode("sector", sector, SECTOR, "all or prefix:code"),
                badCode("adjustment", adjustment, ADJUSTMENT, "sa or nsa"),
                badCode("source", source, SOURCE, "lowercase letters, digits, '_', '.' and '-'"));
        if (badCode == null) {
            badCode = firstNonNull(tooLong("region", region), tooLong("sector", sector), tooLong("source", source));
        }
        if (badCode != null) {
            return reject(bytes, origin, RejectReason.INVALID_CODE, badCode);
        }
        if (!known.knowsRegion(region)) {
            return reject(bytes, origin, RejectReason.UNKNOWN_REGION, "field region " + quote(region)
                    + " is not a known region (US, a US state or territory, a US county FIPS code, or one added"
                    + " with --extra-regions)");
        }
        if (!known.knowsSector(sector)) {
            return reject(bytes, origin, RejectReason.UNKNOWN_SECTOR, "field sector " + quote(sector)
                    + " is not a known sector (all, a NAICS sector, a SOC group or code, a group the readers"
                    + " define, or one added with --extra-sectors)");
        }

        LocalDate period = date(root.get("period").textValue());
        if (period == null) {
            return reject(bytes, origin, RejectReason.INVALID_DATE,
                    "field period " + quote(root.get("period").textValue()) + " is not " + DATE_RULE);
        }
        LocalDate vintage = date(root.get("vintage").textValue());
        if (vintage == null) {
            return reject(bytes, origin, RejectReason.INVALID_DATE,
                    "field vintage " + quote(root.get("vintage").textValue()) + " is not " + DATE_RULE);
        }

        Instant now = clock.instant();
        if (vintage.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(now.plus(futureTolerance))) {
            return reject(bytes, origin, RejectReason.FUTURE_VINTAGE, "field vintage " + vintage
                    + " lies after the processing time " + now + " by more than the tolerance of "
                    + tolerance() + ": nothing can be published in the future");
        }

        Frequency frequency = frequency(frequencyName);
        if (frequency == null) {
            return reject(bytes, origin, RejectReason.UNKNOWN_FREQUENCY,
                    "field frequency " + quote(frequencyName) + " is not one of " + frequencyNames());
        }
        if (!frequency.fits(period)) {
            return reject(bytes, origin, RejectReason.PERIOD_FREQUENCY_MISMATCH,
                    "field period " + period + " is not " + periodRule(frequency) + ", as "
                            + frequency.jsonName() + " periods must be");
        }

        LocalDate lastDay = frequency.lastDay(period);
        if (vintage.isBefore(lastDay)) {
            return reject(bytes, origin, RejectReason.VINTAGE_BEFORE_PERIOD_END, "field vintage " + vintage
                    + " precedes " + lastDay + ", the last day of the " + frequency.jsonName() + " period " + period
                    + ": a value cannot be published before its period ends");
        }

        Indicator catalogued = Indicator.byName(indicator).orElse(null);
        if (catalogued == null) {
            return reject(bytes, origin, RejectReason.UNKNOWN_INDICATOR,
                    "field indicator " + quote(indicator) + " is not in the indicator catalogue");
        }
        if (!catalogued.unit().jsonName().equals(unit)) {
            return reject(bytes, origin, RejectReason.UNIT_MISMATCH, "field unit " + quote(unit)
                    + " is not the unit of indicator " + indicator + ", which is " + catalogued.unit().jsonName());
        }
        if (!catalogued.unit().admits(value)) {
            return reject(bytes, origin, RejectReason.VALUE_OUT_OF_RANGE, "value " + value.toPlainString()
                    + " is outside the range " + catalogued.unit().range() + " of unit " + unit);
        }
        String seriesKey = new SeriesKey(indicator, region, sector, adjustment).kafkaKey();
        if (key != null && !key.equals(seriesKey)) {
            return reject(bytes, origin, RejectReason.KEY_MISMATCH, "the Kafka key " + quote(key)
                    + " is not the key of the record's series, " + quote(seriesKey)
                    + ": key each record by its series, as laborwatch replay does, or send it without a key");
        }

        return new Validated.Accepted(new Observation(
                indicator, region, sector, adjustment, frequency, period, value, unit, source, vintage));
    }

    /** The tolerance as people write it: "2 days", else ISO-8601 such as PT12H. */
    private String tolerance() {
        return futureTolerance.toSeconds() % 86_400 == 0 ? futureTolerance.toDays() + " days" : futureTolerance.toString();
    }

    private static final String DATE_RULE =
            "an existing ISO date YYYY-MM-DD in the years " + MIN_YEAR + " to " + MAX_YEAR;

    /** The detail for a tag value longer than a tag may be, or {@code null}. */
    private static String tooLong(String field, String code) {
        return code.length() <= KnownCodes.MAX_TAG_LENGTH ? null
                : "field " + field + " " + quote(code) + " is longer than the " + KnownCodes.MAX_TAG_LENGTH
                        + " characters a tag value may have";
    }

    /** The detail for a code that does not match its pattern, or {@code null}. */
    private static String badCode(String field, String code, Pattern pattern, String form) {
        return pattern.matcher(code).matches() ? null
                : "field " + field + " " + quote(code) + " is not of the form " + form;
    }

    private static String firstNonNull(String... details) {
        for (String d : details) {
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static LocalDate date(String text) {
        // YYYY-MM-DD, resolved strictly: 2023-02-30 is not a date, not March 2.
        LocalDate date = IsoDates.parseOrNull(text);
        return date != null && date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR ? date : null;
    }

    /** Exact lowercase names only, as in the schema; {@link Frequency#fromJson} is lenient. */
    private static Frequency frequency(String name) {
        for (Frequency f : Frequency.values()) {
            if (f.jsonName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    private static String frequencyNames() {
        StringBuilder names = new StringBuilder();
        for (Frequency f : Frequency.values()) {
            names.append(names.length() == 0 ? "" : ", ").append(f.jsonName());
        }
        return names.toString();
    }

    private static String periodRule(Frequency frequency) {
        return switch (frequency) {
            case DAILY -> "a day";
            case WEEKLY, BIWEEKLY -> "a Saturday (the week-ending day)";
            case MONTHLY -> "the first day of a month";
            case QUARTERLY -> "the first day of a quarter (January, April, July or October 1)";
            case ANNUAL -> "January 1";
        };
    }

    /** Decodes strictly: Jackson alone would also accept UTF-16/32 and some invalid sequences. */
    private static String decodeUtf8(byte[] bytes) {
        try {
            return newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    private static int invalidUtf8Offset(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = newDecoder().decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    private static CharsetDecoder newDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static String where(JsonParser parser) {
        var location = parser.currentLocation();
        return "line " + location.getLineNr() + " column " + location.getColumnNr();
    }

    private static String typeName(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            case BOOLEAN -> "boolean";
            case NUMBER -> "number";
            case STRING -> "string";
            case NULL, MISSING -> "null";
            case BINARY -> "binary value";
        };
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** The useful part of a Jackson message: its first line, without the source-location tail. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message;
        for (String tail : List.of("\n", " (start marker at", " at [Source")) {
            int cut = line.indexOf(tail);
            line = cut < 0 ? line : line.substring(0, cut);
        }
        return printable(line, 200);
    }

    /**
     * Quotes a value from the record for a detail: shortened, and with control characters escaped
     * so that a detail is always one printable line whatever the producer sent.
     */
    static String quote(String s) {
        return "\"" + printable(s.replace("\\", "\\\\").replace("\"", "\\\""), 64) + "\""
                + (s.length() > 64 ? "…(" + s.length() + " chars)" : "");
    }

    private static String printable(String s, int max) {
        String shown = s.length() > max ? s.substring(0, max) : s;
        StringBuilder out = new StringBuilder(shown.length());
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            boolean unsafe = Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                    || Character.isSurrogate(c) && !isPairedSurrogate(shown, i);
            out.append(unsafe ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static boolean isPairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private Validated reject(byte[] bytes, String origin, RejectReason reason, String detail) {
        return new Validated.Rejected(new DeadLetter(reason, detail, origin, bytes, deadLetterCap));
    }

    /**
     * The outcome of {@link #validate}: either an accepted {@link Observation} or a
     * {@link DeadLetter} for the dead-letter output.
     */
    public sealed interface Validated permits Validated.Accepted, Validated.Rejected {

        /** Whether the record was accepted. */
        boolean isAccepted();

        /** A valid record. */
        record Accepted(Observation observation) implements Validated {
            public Accepted {
                Objects.requireNonNull(observation, "observation");
            }

            @Override
            public boolean isAccepted() {
                return true;
            }
        }

        /** A refused record, with its original bytes and the reason. */
        record Rejected(DeadLetter deadLetter) implements Validated {
            public Rejected {
                Objects.requireNonNull(deadLetter, "deadLetter");
            }

            @Override
            public boolean isAccepted() {
                return false;
            }
        }
    }
}
