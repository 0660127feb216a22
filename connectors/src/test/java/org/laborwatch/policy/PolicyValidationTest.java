package org.laborwatch.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rejected policy names the field path and the problem. */
class PolicyValidationTest {

    private static final String VALID = PolicyParserTest.EB_YAML;

    /** The problems of {@code yaml}, one message line each. */
    private static List<String> problems(String yaml) {
        return problems(yaml, PolicyParser.Format.YAML);
    }

    private static List<String> problems(String text, PolicyParser.Format format) {
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyParser.parse(text, format));
        assertEquals(e.problems().size(), e.getMessage().lines().count(), e.getMessage());
        return e.getMessage().lines().toList();
    }

    private static String only(String yaml) {
        List<String> p = problems(yaml);
        assertEquals(1, p.size(), String.join("\n", p));
        return p.get(0);
    }

    private static String with(String line, String replacement) {
        assertTrue(VALID.contains(line + "\n"), line);
        return VALID.replace(line + "\n", replacement.isEmpty() ? "" : replacement + "\n");
    }

    @Test
    void missingId() {
        assertEquals("policy <no id>: id: required", only(with("id: eb-iur", "")));
    }

    @Test
    void badId() {
        assertEquals("policy 'EB IUR': id: must be lower-case letters, digits and '-' ([a-z0-9-]+), got 'EB IUR'",
                only(with("id: eb-iur", "id: EB IUR")));
        assertEquals("policy <no id>: id: must be lower-case letters, digits and '-' ([a-z0-9-]+), got 7",
                only(with("id: eb-iur", "id: 7")));
    }

    @Test
    void anIdLongerThanSixtyFourCharactersIsRefusedAndNotRepeated() {
        assertEquals("policy <no id>: id: must be at most 64 characters, got 65",
                only(with("id: eb-iur", "id: " + "a".repeat(65))));
        PolicyParser.parse(with("id: eb-iur", "id: " + "a".repeat(64)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "version: 0       | version: must be a positive integer, got 0",
        "version: -3      | version: must be a positive integer, got -3",
        "version: '3'     | version: must be a positive integer, got '3'",
        "version: 3.5     | version: must be a positive integer, got 3.5",
        "version: 99999999999 | version: must be a positive integer, got 99999999999",
        "version:         | version: must be a positive integer, got an empty value",
        "''               | version: required",
    })
    void badVersion(String line, String expected) {
        assertEquals("policy 'eb-iur': " + expected, only(with("version: 3", line)));
    }

    @Test
    void unknownTopLevelKey() {
        String msg = only(with("lockout: 13", "lockot: 13"));
        assertTrue(msg.startsWith("policy 'eb-iur': lockot: unknown key (known: id, version, "), msg);
        assertTrue(msg.contains("lockout"), msg);
    }

    @Test
    void unknownNestedKeys() {
        assertEquals("policy 'eb-iur': confirm.entr: unknown key (known: enter, exit)",
                only(with("confirm: {enter: 1, exit: 1}", "confirm: {entr: 1, exit: 1}")));
        assertEquals("policy 'eb-iur': enter.al: unknown key (known: all, any)",
                problems(with("enter: {all: [\"iur_13wk >= 5.0\", \"iur_lookback_pct >= 120\"]}",
                        "enter: {al: [\"iur_13wk >= 5.0\"]}")).get(0));
        assertEquals("policy 'eb-iur': tiers[0].wen: unknown key (known: name, when)",
                problems(with("tiers: [{name: hup, when: \"tur_3mo >= 8.0\"}]", "tiers: [{name: hup, wen: x}]"))
                        .get(0));
    }

    @Test
    void duplicateKey() {
        assertEquals("policy text: not valid YAML at line 13, column 9: duplicate key 'min_on'",
                only(VALID + "min_on: 4\n"));
        assertEquals("policy text: not valid JSON at line 1, column 17: duplicate key 'id'",
                problems("{\"id\": 1, \"id\": 2}", PolicyParser.Format.JSON).get(0));
    }

    @Test
    void syntaxError() {
        assertEquals("policy text: not valid YAML: while parsing a flow sequence (line 2, column 18) expected ',' or"
                + " ']', but got <stream end> (line 3, column 1)", only("id: x\nscope: {regions: [US\n"));
        String tab = only("id: x\n\tversion: 1\n");
        assertTrue(tab.contains("Do not use \\t(TAB) for indentation") && tab.contains("(line 2, column 1)"), tab);
        String json = problems("{\"id\": \"x\",}", PolicyParser.Format.JSON).get(0);
        assertTrue(json.startsWith("policy text: not valid JSON at line 1, column 12: Unexpected character"), json);
    }

    @Test
    void unknownMetric() {
        String msg = only(with("enter: {all: [\"iur_13wk >= 5.0\", \"iur_lookback_pct >= 120\"]}",
                "enter: {all: [\"iur_13wk >= 5.0\", \"iur_13wkk >= 120\"]}"));
        assertTrue(msg.startsWith("policy 'eb-iur': enter.all[1]: unknown metric 'iur_13wkk' (known: "
                + "ai_exposed_claims_shift, ai_use_change, "), msg);
        assertTrue(msg.endsWith(", wage_growth_yoy)"), msg);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "iur_13wk => 5.0   | unknown operator '=>' in 'iur_13wk => 5.0' (known: >= > <= < == !=)",
        "iur_13wk = 5.0    | unknown operator '=' in 'iur_13wk = 5.0' (known: >= > <= < == !=)",
        "iur_13wk <> 5.0   | unknown operator '<>' in 'iur_13wk <> 5.0' (known: >= > <= < == !=)",
        "iur_13wk 5.0      | missing operator in 'iur_13wk 5.0' (known: >= > <= < == !=)",
    })
    void badOperator(String condition, String expected) {
        assertEquals("policy 'eb-iur': enter: " + expected,
                only(with("enter: {all: [\"iur_13wk >= 5.0\", \"iur_lookback_pct >= 120\"]}",
                        "enter: '" + condition + "'")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "iur_13wk >= NaN", "iur_13wk >= Infinity", "iur_13wk >= -inf", "iur_13wk >= 1e3", "iur_13wk >= 5%",
        "iur_13wk >= .5", "iur_13wk >= 5.", "iur_13wk >= five", "iur_13wk >= 5,0", "iur_13wk >=", "iur_13wk >= 5 6",
    })
    void badNumber(String condition) {
        String number = condition.substring("iur_13wk >=".length()).strip();
        assertEquals("policy 'eb-iur': enter: threshold must be a plain decimal number such as 5.0, got '" + number
                + "' in '" + condition + "'",
                only(with("enter: {all: [\"iur_13wk >= 5.0\", \"iur_lookback_pct >= 120\"]}",
                        "enter: '" + condition + "'")));
    }

    @Test
    void badConditionShapes() {
        String enter = "enter: {all: [\"iur_13wk >= 5.0\", \"iur_lookback_pct >= 120\"]}";
        assertEquals("policy 'eb-iur': enter.all: must list at least one condition", only(with(enter, "enter: {all: []}")));
        assertEquals("policy 'eb-iur': enter.all[0].any: must list at least one condition",
                only(with(enter, "enter: {all: [{any: []}]}")));
        assertEquals("policy 'eb-iur': enter: must have one of all, any, not both",
                only(with(enter, "enter: {all: ['iur_13wk >= 5.0'], any: ['iur_13wk >= 6.0']}")));
        assertEquals("policy 'eb-iur': enter.any: must be a list of conditions, got 'iur_13wk >= 5.0'",
                only(with(enter, "enter: {any: 'iur_13wk >= 5.0'}")));
        assertEquals("policy 'eb-iur': enter.all[1]: must be a condition: a string 'metric op number', "
                + "{all: [...]} or {any: [...]}, got 5", only(with(enter, "enter: {all: ['iur_13wk >= 5.0', 5]}")));
        assertEquals("policy 'eb-iur': enter: required", only(with(enter, "")));
        assertEquals("policy 'eb-iur': exit: must be 'not-enter' or a condition ('metric op number', "
                + "{all: [...]} or {any: [...]}), got 'not_enter'", only(with("exit: not-enter", "exit: not_enter")));
    }

    @Test
    void effectiveBothLags() {
        assertEquals("policy 'eb-iur': effective: give lag_weeks or lag_months, not both",
                only(with("effective: {lag_weeks: 3, starts_on: sunday}",
                        "effective: {lag_weeks: 3, lag_months: 1, starts_on: sunday}")));
    }

    @Test
    void effectiveOtherErrors() {
        String line = "effective: {lag_weeks: 3, starts_on: sunday}";
        assertEquals("policy 'eb-iur': effective.starts_on: only allowed with lag_weeks (months start on their "
                + "first day)", only(with(line, "effective: {lag_months: 1, starts_on: sunday}")));
        assertEquals("policy 'eb-iur': effective.starts_on: must be one of monday, tuesday, wednesday, thursday, "
                + "friday, saturday, sunday, got 'sun'", only(with(line, "effective: {lag_weeks: 3, starts_on: sun}")));
        assertEquals("policy 'eb-iur': effective.lag_weeks: must be an integer >= 0, got -3",
                only(with(line, "effective: {lag_weeks: -3}")));
    }

    @Test
    void badEnumValues() {
        assertEquals("policy 'eb-iur': revisions: must be one of prospective, restate, got 'retroactive'",
                only(with("revisions: prospective", "revisions: retroactive")));
        assertEquals("policy 'eb-iur': unavailable: must be one of hold, emit, got 'skip'",
                only(VALID + "unavailable: skip\n"));
        assertEquals("policy 'eb-iur': illustrative: must be true or false, got 'maybe'",
                only(VALID + "illustrative: maybe\n"));
    }

    @Test
    void tiers() {
        String line = "tiers: [{name: hup, when: \"tur_3mo >= 8.0\"}]";
        assertEquals("policy 'eb-iur': tiers[2].name: duplicate tier name 'hup' (also tiers[0])",
                only(with(line, "tiers: [{name: hup, when: 'tur_3mo >= 8.0'}, {name: x2, when: 'tur_3mo >= 9'},"
                        + " {name: hup, when: 'tur_3mo >= 10'}]")));
        assertEquals("policy 'eb-iur': tiers[0].name: 'base' is reserved (base, off are the tiers of events without"
                + " a named tier)", only(with(line, "tiers: [{name: base, when: 'tur_3mo >= 8.0'}]")));
        assertEquals("policy 'eb-iur': tiers[0].name: must be lower-case letters, digits, '_' and '-' "
                + "([a-z0-9_-]+), got 'High'", only(with(line, "tiers: [{name: High, when: 'tur_3mo >= 8.0'}]")));
        assertEquals("policy 'eb-iur': tiers[0].when: required", only(with(line, "tiers: [{name: hup}]")));
    }

    @Test
    void wrongTypes() {
        assertEquals("policy 'eb-iur': scope: must be a mapping {regions: ..., sectors: ...}, got 'US'",
                only(with("scope: {regions: \"US-*\", sectors: \"all\"}", "scope: US")));
        assertEquals("policy 'eb-iur': scope.regions[1]: must be a code such as US, US-CA or naics:72, optionally "
                + "ending in *, got 5", only(with("scope: {regions: \"US-*\", sectors: \"all\"}",
                        "scope: {regions: [US, 5], sectors: all}")));
        assertEquals("policy 'eb-iur': scope.sectors: must be a string or a list of strings, got a mapping",
                only(with("scope: {regions: \"US-*\", sectors: \"all\"}", "scope: {regions: US, sectors: {a: b}}")));
        assertEquals("policy 'eb-iur': scope.sectors: required",
                only(with("scope: {regions: \"US-*\", sectors: \"all\"}", "scope: {regions: US}")));
        assertEquals("policy 'eb-iur': scope.regions: must list at least one pattern",
                only(with("scope: {regions: \"US-*\", sectors: \"all\"}", "scope: {regions: [], sectors: all}")));
        assertEquals("policy 'eb-iur': confirm: must be a mapping {enter: n, exit: n}, got 2",
                only(with("confirm: {enter: 1, exit: 1}", "confirm: 2")));
        assertEquals("policy 'eb-iur': confirm.enter: must be a positive integer, got -1",
                only(with("confirm: {enter: 1, exit: 1}", "confirm: {enter: -1, exit: 1}")));
        assertEquals("policy 'eb-iur': tiers: must be a list of {name, when}, got 'hup'",
                only(with("tiers: [{name: hup, when: \"tur_3mo >= 8.0\"}]", "tiers: hup")));
        assertEquals("policy 'eb-iur': tiers[0]: must be a mapping {name, when}, got 'hup'",
                only(with("tiers: [{name: hup, when: \"tur_3mo >= 8.0\"}]", "tiers: [hup]")));
        assertEquals("policy 'eb-iur': effective: must be a mapping {lag_weeks: n, starts_on: day} or "
                + "{lag_months: n}, got 3", only(with("effective: {lag_weeks: 3, starts_on: sunday}", "effective: 3")));
        assertEquals("policy 'eb-iur': describe: must be a string, got a list",
                only(with("describe: UI Extended Benefits, mandatory IUR trigger (EUCA 1970 s.203; 20 CFR 615.12)",
                        "describe: [a]")));
        assertEquals("policy <no id>: a policy must be a mapping of keys (id, version, ...), got 'just text'",
                only("just text"));
    }

    @Test
    void jsonWrongTypes() {
        List<String> p = problems("{\"id\": \"j\", \"version\": \"1\", \"scope\": {\"regions\": \"US\", "
                + "\"sectors\": \"all\"}, \"enter\": \"sahm_gap >= 0.5\", \"illustrative\": \"false\"}",
                PolicyParser.Format.JSON);
        assertEquals(List.of("policy 'j': version: must be a positive integer, got '1'",
                "policy 'j': illustrative: must be true or false, got 'false'"), p);
    }

    @Test
    void severalErrorsAreAllListed() {
        String yaml = """
                id: eb-iur
                scope: {regions: "US-*", sectors: all, sector: x}
                enter: {all: ["iur_13wk >= 5.0", "iur_13wkk >= 120", "tur_3mo => NaN"]}
                confirm: {enter: -1, exit: 1}
                tiers: [{name: hup, when: "tur_3mo >= 8.0"}, {name: hup, when: "tur_3mo >= 9.0"}]
                effective: {lag_weeks: 3, lag_months: 1}
                revisions: sometimes
                colour: blue
                """;
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyParser.parse(yaml));
        List<String> lines = e.getMessage().lines().toList();
        List<String> paths = e.problems().stream().map(PolicyException.Problem::path).toList();
        assertEquals(List.of("colour", "version", "scope.sector", "enter.all[1]", "enter.all[2]", "enter.all[2]",
                "confirm.enter", "tiers[1].name", "effective", "revisions"), paths, e.getMessage());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("policy 'eb-iur': ")), e.getMessage());
        assertTrue(lines.contains("policy 'eb-iur': version: required"), e.getMessage());
        assertTrue(lines.contains("policy 'eb-iur': confirm.enter: must be a positive integer, got -1"), e.getMessage());
    }
}
