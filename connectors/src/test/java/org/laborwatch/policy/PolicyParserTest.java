package org.laborwatch.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyParserTest {

    static final String EB_YAML = """
            id: eb-iur
            version: 3
            describe: UI Extended Benefits, mandatory IUR trigger (EUCA 1970 s.203; 20 CFR 615.12)
            scope: {regions: "US-*", sectors: "all"}
            enter: {all: ["iur_13wk >= 5.0", "iur_lookback_pct >= 120"]}
            exit: not-enter
            confirm: {enter: 1, exit: 1}
            min_on: 13
            lockout: 13
            tiers: [{name: hup, when: "tur_3mo >= 8.0"}]
            effective: {lag_weeks: 3, starts_on: sunday}
            revisions: prospective
            """;

    static final String EB_JSON = """
            {"id": "eb-iur", "version": 3,
             "describe": "UI Extended Benefits, mandatory IUR trigger (EUCA 1970 s.203; 20 CFR 615.12)",
             "scope": {"regions": "US-*", "sectors": "all"},
             "enter": {"all": ["iur_13wk >= 5.0", "iur_lookback_pct >= 120"]},
             "exit": "not-enter",
             "confirm": {"enter": 1, "exit": 1},
             "min_on": 13, "lockout": 13,
             "tiers": [{"name": "hup", "when": "tur_3mo >= 8.0"}],
             "effective": {"lag_weeks": 3, "starts_on": "sunday"},
             "revisions": "prospective"}
            """;

    @Test
    void designExample() {
        Policy p = PolicyParser.parse(EB_YAML);
        assertEquals("eb-iur", p.id());
        assertEquals(3, p.version());
        assertEquals(List.of(new Policy.Tier("hup",
                new Condition.Compare("tur_3mo", Comparison.GE, new BigDecimal("8.0")))), p.tiers());
        assertEquals(new Policy.Effective(3, 0, DayOfWeek.SUNDAY), p.effective());
        assertEquals("8.0", p.thresholds().get("tur_3mo").toPlainString());
        assertEquals(Policy.UnavailableMode.HOLD, p.unavailable());
    }

    @Test
    void yamlAndJsonParseEqual() {
        Policy yaml = PolicyParser.parse(EB_YAML);
        assertEquals(yaml, PolicyParser.parse(EB_JSON, PolicyParser.Format.JSON));
        assertEquals(yaml, PolicyParser.parse(EB_JSON), "the YAML reader reads JSON too");
    }

    @Test
    void defaults() {
        Policy p = PolicyParser.parse("""
                id: minimal
                version: 1
                scope: {regions: [US, US-CA], sectors: [all, "naics:*"]}
                enter: "tur_3mo > 10"
                """);
        assertEquals("", p.describe());
        assertEquals(List.of("US", "US-CA"), p.scope().regions());
        assertEquals(List.of("all", "naics:*"), p.scope().sectors());
        assertNull(p.exit(), "not-enter");
        assertEquals(new Policy.Confirm(1, 1), p.confirm());
        assertEquals(0, p.minOn());
        assertEquals(0, p.lockout());
        assertEquals(List.of(), p.tiers());
        assertEquals(Policy.Effective.SAME_PERIOD, p.effective());
        assertEquals(Policy.RevisionMode.PROSPECTIVE, p.revisions());
        assertEquals(Policy.UnavailableMode.HOLD, p.unavailable());
        assertEquals(false, p.illustrative());
    }

    @Test
    void ownExitConditionAndOtherChoices() {
        Policy p = PolicyParser.parse("""
                id: hysteresis
                version: 2
                scope: {regions: US, sectors: all}
                enter: "tur_3mo >= 6.5"
                exit: {any: ["tur_3mo < 6.0"]}
                confirm: {enter: 2}
                effective: {lag_weeks: 1}
                revisions: restate
                unavailable: emit
                illustrative: true
                """);
        assertEquals(new Condition.Any(List.of(
                new Condition.Compare("tur_3mo", Comparison.LT, new BigDecimal("6.0")))), p.exit());
        assertEquals(new Policy.Confirm(2, 1), p.confirm());
        assertEquals(new Policy.Effective(1, 0, DayOfWeek.SUNDAY), p.effective(), "UI weeks start on Sunday");
        assertEquals(Policy.RevisionMode.RESTATE, p.revisions());
        assertEquals(Policy.UnavailableMode.EMIT, p.unavailable());
        assertTrue(p.illustrative());
    }

    @Test
    void multiPolicyYamlStream() {
        String text = EB_YAML + "---\n" + EB_YAML.replace("id: eb-iur", "id: eb-iur-6")
                .replace("enter: {all: [\"iur_13wk >= 5.0\", \"iur_lookback_pct >= 120\"]}", "enter: 'iur_13wk >= 6.0'")
                + "---\n";
        List<Policy> ps = PolicyParser.parseAll(text);
        assertEquals(List.of("eb-iur", "eb-iur-6"), ps.stream().map(Policy::id).toList());
    }

    @Test
    void multiPolicyListAndJsonArray() {
        String yamlList = "- " + EB_YAML.strip().replace("\n", "\n  ") + "\n- " + EB_YAML.strip()
                .replace("id: eb-iur", "id: other").replace("\n", "\n  ");
        assertEquals(List.of("eb-iur", "other"), PolicyParser.parseAll(yamlList).stream().map(Policy::id).toList());
        String jsonArray = "[" + EB_JSON + "," + EB_JSON.replace("\"eb-iur\"", "\"other\"") + "]";
        List<Policy> ps = PolicyParser.parseAll(jsonArray, PolicyParser.Format.JSON, null);
        assertEquals(PolicyParser.parse(EB_YAML), ps.get(0));
        assertEquals("other", ps.get(1).id());
    }

    @Test
    void multiPolicyReportsProblemsOfEveryPolicyAndDuplicateIds() {
        String text = EB_YAML.replace("version: 3", "version: 0") + "---\n"
                + EB_YAML + "---\n"
                + EB_YAML.replace("id: eb-iur\n", "") + "---\n"
                + EB_YAML.replace("min_on: 13", "min_on: -1");
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyParser.parseAll(text));
        assertEquals(List.of(
                "policy 'eb-iur': version: must be a positive integer, got 0",
                "policy #3: id: required",
                "policy 'eb-iur': min_on: must be an integer >= 0, got -1"), e.getMessage().lines().toList());

        PolicyException dup = assertThrows(PolicyException.class, () -> PolicyParser.parseAll(EB_YAML + "---\n" + EB_YAML));
        assertEquals("policy 'eb-iur': id: duplicate id, also used by policy #1", dup.getMessage());
    }

    @Test
    void singleParseRejectsSeveral() {
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyParser.parse(EB_YAML + "---\n" + EB_YAML));
        assertTrue(e.getMessage().contains("expected one policy, found 2 documents"), e.getMessage());
        PolicyException list = assertThrows(PolicyException.class, () -> PolicyParser.parse("[" + EB_JSON + "]"));
        assertTrue(list.getMessage().contains("got a list"), list.getMessage());
        PolicyException empty = assertThrows(PolicyException.class, () -> PolicyParser.parse("  \n# nothing\n"));
        assertTrue(empty.getMessage().contains("no policy found"), empty.getMessage());
    }

    @Test
    void files(@TempDir Path dir) throws IOException {
        Path yaml = Files.writeString(dir.resolve("eb.yaml"), EB_YAML);
        Path json = Files.writeString(dir.resolve("eb.json"), EB_JSON);
        assertEquals(PolicyParser.parse(EB_YAML), PolicyParser.parseFile(yaml));
        assertEquals(PolicyParser.parse(EB_YAML), PolicyParser.parseFile(json));
        assertEquals(List.of(PolicyParser.parse(EB_YAML)), PolicyParser.parseAllInFile(yaml));

        Path bad = Files.writeString(dir.resolve("bad.yaml"), EB_YAML.replace("lockout: 13", "lockout: x"));
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyParser.parseFile(bad));
        assertEquals("policy 'eb-iur' in " + bad + ": lockout: must be an integer >= 0, got 'x'", e.getMessage());
    }
}
