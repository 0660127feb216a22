package org.laborwatch.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BundledPoliciesTest {

    @Test
    void sahmNational() {
        Policy p = BundledPolicies.load("sahm-national");
        assertEquals("sahm-national", p.id());
        assertEquals(1, p.version());
        assertEquals(new Condition.Compare("sahm_gap", Comparison.GE, new BigDecimal("0.50")), p.enter());
        assertEquals(2, ((Condition.Compare) p.enter()).threshold().scale(), "0.50 keeps its scale");
        assertEquals(new Policy.Scope(List.of("US"), List.of("all")), p.scope());
        assertTrue(p.exitIsNotEnter());
        assertEquals(new Policy.Confirm(1, 1), p.confirm());
        assertEquals(0, p.minOn());
        assertEquals(0, p.lockout());
        assertEquals(List.of(), p.tiers());
        assertEquals(new Policy.Effective(0, 1, null), p.effective());
        assertEquals(Policy.RevisionMode.PROSPECTIVE, p.revisions());
        assertEquals(Policy.UnavailableMode.HOLD, p.unavailable());
        assertFalse(p.illustrative());
        assertTrue(p.describe().contains("Direct Stimulus Payments to Individuals"), p.describe());
        assertTrue(p.describe().contains("Hamilton Project"), p.describe());
        assertTrue(p.describe().contains("SAHMREALTIME"), p.describe());
        assertTrue(p.scope().covers("US", "all"));
        assertFalse(p.scope().covers("US-CA", "all"));
    }

    @Test
    void sahmState() {
        Policy p = BundledPolicies.load("sahm-state");
        Policy national = BundledPolicies.load("sahm-national");
        assertEquals("sahm-state", p.id());
        assertEquals(national.enter(), p.enter());
        assertEquals(new Policy.Scope(List.of("US-*"), List.of("all")), p.scope());
        assertTrue(p.exitIsNotEnter());
        assertEquals(new Policy.Effective(0, 1, null), p.effective());
        assertTrue(p.describe().contains("Stop applying my recession rule to individual states"), p.describe());
        assertTrue(p.illustrative(), "not Sahm's proposal: she cautions against applying it to states");
        assertTrue(p.scope().covers("US-CA", "all"));
        assertFalse(p.scope().covers("US", "all"));
    }

    @Test
    void ebIur() {
        Policy p = BundledPolicies.load("eb-iur");
        assertEquals("eb-iur", p.id());
        assertEquals(1, p.version());
        assertEquals("UI Extended Benefits, mandatory IUR trigger (EUCA 1970 s.203; 20 CFR 615.12)", p.describe());
        assertEquals(new Policy.Scope(List.of("US-*"), List.of("all")), p.scope());
        assertEquals(new Condition.All(List.of(
                new Condition.Compare("iur_13wk", Comparison.GE, new BigDecimal("5.0")),
                new Condition.Compare("iur_lookback_pct", Comparison.GE, new BigDecimal("120")))), p.enter());
        assertNull(p.exit());
        assertEquals(new Policy.Confirm(1, 1), p.confirm());
        assertEquals(12, p.minOn());
        assertEquals(14, p.lockout());
        assertEquals(List.of(), p.tiers());
        assertEquals(new Policy.Effective(3, 0, DayOfWeek.SUNDAY), p.effective());
        assertEquals(Policy.RevisionMode.PROSPECTIVE, p.revisions());
        assertEquals(Policy.UnavailableMode.HOLD, p.unavailable());
        assertFalse(p.illustrative());
        assertEquals("5.0", p.thresholds().get("iur_13wk").toPlainString());
        assertEquals("120", p.thresholds().get("iur_lookback_pct").toPlainString());
    }

    @Test
    void ebTurHasTheHighUnemploymentTierAndEitherYearsLookBack() {
        Policy p = BundledPolicies.load("eb-tur");
        java.util.function.Function<String, java.math.BigDecimal> values = java.util.Map.of(
                "tur_3mo", new java.math.BigDecimal("8.1"),
                "tur_lookback_pct_1y", new java.math.BigDecimal("105"),
                "tur_lookback_pct_2y", new java.math.BigDecimal("110"))::get;
        assertEquals(Condition.Outcome.TRUE, p.enter().evaluate(values));
        assertEquals("hup", p.tiers().get(0).name());
        assertEquals(Condition.Outcome.TRUE, p.tiers().get(0).when().evaluate(values));
        java.util.function.Function<String, java.math.BigDecimal> neither = java.util.Map.of(
                "tur_3mo", new java.math.BigDecimal("8.1"),
                "tur_lookback_pct_1y", new java.math.BigDecimal("109"),
                "tur_lookback_pct_2y", new java.math.BigDecimal("109"))::get;
        assertEquals(Condition.Outcome.FALSE, p.enter().evaluate(neither));
    }

    @Test
    void aiEraPoliciesAreMarkedIllustrative() {
        assertTrue(BundledPolicies.load("ai-exposed-claims").illustrative());
        assertTrue(BundledPolicies.load("disruption-index").illustrative());
        assertEquals(false, BundledPolicies.load("eb-iur-6").illustrative());
        assertEquals(new java.math.BigDecimal("6.0"), BundledPolicies.load("eb-iur-6").thresholds().get("iur_13wk"));
    }

    @Test
    void allLoadsEveryIdInOrder() {
        assertEquals(BundledPolicies.ids(), BundledPolicies.all().stream().map(Policy::id).toList());
    }

    @Test
    void idListMatchesResourceDirectory() throws IOException, URISyntaxException {
        Path dir = Path.of(BundledPolicies.class.getResource(BundledPolicies.RESOURCE_DIR).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> ids = files.map(f -> f.getFileName().toString())
                    .map(n -> n.replaceFirst("\\.yaml$", ""))
                    .sorted()
                    .toList();
            assertEquals(BundledPolicies.ids().stream().sorted().toList(), ids);
        }
    }

    @Test
    void unknownIdNamesTheBundledOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BundledPolicies.load("eb-turr"));
        assertTrue(e.getMessage().contains("eb-iur"), e.getMessage());
    }
}
