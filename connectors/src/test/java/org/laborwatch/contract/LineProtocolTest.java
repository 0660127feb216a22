package org.laborwatch.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LineProtocolTest {

    private static final LocalDate JULY = LocalDate.of(2024, 7, 1);
    private static final long JULY_NS = 1_719_792_000_000_000_000L;

    private static Observation observation(String sector, BigDecimal value) {
        return new Observation("unemployment_rate", "US-CA", sector, "sa", Frequency.MONTHLY, JULY, value,
                "percent", "bls.laus", LocalDate.of(2024, 8, 16));
    }

    @Test
    void observationLineHasSortedTagsAndPlainDecimal() {
        assertEquals("observation,adjustment=sa,indicator=unemployment_rate,region=US-CA,sector=all,source=bls.laus"
                        + " value=5.2 1719792000000000000",
                LineProtocol.observation(observation("all", new BigDecimal("5.2"))));
        // no exponent, trailing zeros kept as published
        assertEquals("observation,adjustment=sa,indicator=unemployment_rate,region=US-CA,sector=all,source=bls.laus"
                        + " value=100 1719792000000000000",
                LineProtocol.observation(observation("all", new BigDecimal("1E+2"))));
        assertTrue(LineProtocol.observation(observation("all", new BigDecimal("5.20"))).contains(" value=5.20 "));
        assertTrue(LineProtocol.observation(observation("all", new BigDecimal("1E-7"))).contains(" value=0.0000001 "));
    }

    @Test
    void timestampIsPeriodStartAtUtcMidnight() {
        assertEquals(Instant.parse("2024-07-01T00:00:00Z").getEpochSecond() * 1_000_000_000L, JULY_NS);
        assertEquals(JULY_NS, LineProtocol.timestamp(JULY, TimeUnit.NANOSECONDS));
        assertEquals(1_719_792_000_000_000L, LineProtocol.timestamp(JULY, TimeUnit.MICROSECONDS));
        assertEquals(1_719_792_000_000L, LineProtocol.timestamp(JULY, TimeUnit.MILLISECONDS));
        assertEquals(1_719_792_000L, LineProtocol.timestamp(JULY, TimeUnit.SECONDS));
        // before 1970 is negative, as InfluxDB expects
        assertEquals(-86_400L, LineProtocol.timestamp(LocalDate.of(1969, 12, 31), TimeUnit.SECONDS));
        assertTrue(LineProtocol.observation(observation("all", BigDecimal.ONE), TimeUnit.SECONDS).endsWith(" 1719792000"));
    }

    @Test
    void timestampOutsideTheRangeOrAtAnOddPrecisionIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> LineProtocol.timestamp(LocalDate.of(2300, 1, 1), TimeUnit.NANOSECONDS));
        assertEquals(Instant.parse("2305-07-13T00:00:00Z").getEpochSecond(),
                LineProtocol.timestamp(LocalDate.of(2305, 7, 13), TimeUnit.SECONDS), "seconds reach further");
        // the validator's date bounds lie inside the nanosecond range, so an accepted period always writes
        LineProtocol.timestamp(LocalDate.of(ObservationValidator.MIN_YEAR, 1, 1), TimeUnit.NANOSECONDS);
        LineProtocol.timestamp(LocalDate.of(ObservationValidator.MAX_YEAR, 12, 31), TimeUnit.NANOSECONDS);
        assertThrows(IllegalArgumentException.class, () -> LineProtocol.timestamp(JULY, TimeUnit.HOURS));
    }

    @Test
    void okMetricWritesValueAndClearsTheUnavailableFlag() {
        MetricPoint p = MetricPoint.ok("sahm_gap", "unemployment_rate", "US", "all", Frequency.MONTHLY, JULY,
                new BigDecimal("0.50"), LocalDate.of(2024, 8, 2));
        assertEquals("metric,indicator=unemployment_rate,metric=sahm_gap,region=US,sector=all unavailable=false,value=0.50 1719792000000000000",
                LineProtocol.metric(p));
    }

    @Test
    void asPublishedIsAFieldOfTheSamePointAndNeverOfAnUnavailableOne() {
        MetricPoint p = MetricPoint.ok("sahm_gap", "unemployment_rate", "US", "all", Frequency.MONTHLY, JULY,
                new BigDecimal("0.53"), LocalDate.of(2024, 8, 2));
        String latest = LineProtocol.metric(p);
        String first = LineProtocol.metricAsPublished(p, TimeUnit.NANOSECONDS);
        assertEquals("metric,indicator=unemployment_rate,metric=sahm_gap,region=US,sector=all as_published=0.53 1719792000000000000",
                first);
        // Same measurement, tags and timestamp as the latest reading: InfluxDB merges the two fields.
        assertEquals(latest.substring(0, latest.indexOf(' ')), first.substring(0, first.indexOf(' ')));
        assertEquals(latest.substring(latest.lastIndexOf(' ')), first.substring(first.lastIndexOf(' ')));
        MetricPoint missing = MetricPoint.unavailable("sahm_gap", "unemployment_rate", "US", "all", Frequency.MONTHLY,
                JULY, "missing 2024-03", LocalDate.of(2024, 8, 2));
        assertThrows(IllegalArgumentException.class, () -> LineProtocol.metricAsPublished(missing, TimeUnit.NANOSECONDS));
    }

    @Test
    void unavailableMetricWritesOnlyTheFlag() {
        MetricPoint p = MetricPoint.unavailable("sahm_gap", "unemployment_rate", "US-CA", "all", Frequency.MONTHLY,
                JULY, "missing 2024-03", LocalDate.of(2024, 8, 2));
        assertEquals("metric,indicator=unemployment_rate,metric=sahm_gap,region=US-CA,sector=all unavailable=true 1719792000000000000",
                LineProtocol.metric(p));
    }

    @Test
    void triggerEventLineCarriesStateTierLevelAndTransition() {
        TriggerEvent exit = new TriggerEvent("id", "eb-iur", 1, "US-NV", "all", Transition.EXIT, "off", 0,
                LocalDate.of(2020, 5, 2), Frequency.WEEKLY, LocalDate.of(2020, 5, 17), LocalDate.of(2020, 5, 16), null, null,
                null, null, null);
        assertEquals("trigger,policy=eb-iur,region=US-NV,sector=all state=0i,tier=0i,transition=\"EXIT\" 1588377600",
                LineProtocol.trigger(exit, TimeUnit.SECONDS));
        TriggerEvent tierUp = new TriggerEvent("id", "eb-iur", 1, "US-NV", "all", Transition.TIER_UP, "high", 2,
                LocalDate.of(2020, 5, 2), Frequency.WEEKLY, LocalDate.of(2020, 5, 17), null, null, null, null, null, null);
        assertEquals("trigger,policy=eb-iur,region=US-NV,sector=all state=1i,tier=2i,transition=\"TIER_UP\" 1588377600000",
                LineProtocol.trigger(tierUp, TimeUnit.MILLISECONDS));
    }

    @Test
    void watchEventsCarryWhetherTheRegionIsOnWatchAndForHowLong() {
        TriggerEvent.Watch facts = new TriggerEvent.Watch(LocalDate.of(2024, 3, 1), 3, null);
        TriggerEvent watch = new TriggerEvent("id", "sahm-state-watch", 1, "US-NV", "all", Transition.WATCH, "off", 0,
                LocalDate.of(2024, 3, 1), Frequency.MONTHLY, null, null, null, null, null, null, null,
                new TriggerEvent.Watch(LocalDate.of(2024, 3, 1), 1, null));
        assertEquals("trigger,policy=sahm-state-watch,region=US-NV,sector=all state=0i,tier=0i,transition=\"WATCH\","
                + "watch=1i,watch_periods=1i 1709251200", LineProtocol.trigger(watch, TimeUnit.SECONDS));
        TriggerEvent clear = new TriggerEvent("id", "sahm-state-watch", 1, "US-NV", "all", Transition.CLEAR, "off", 0,
                LocalDate.of(2024, 6, 1), Frequency.MONTHLY, null, null, null, null, null, null, null, facts);
        assertEquals("trigger,policy=sahm-state-watch,region=US-NV,sector=all state=0i,tier=0i,transition=\"CLEAR\","
                + "watch=0i,watch_periods=3i 1717200000", LineProtocol.trigger(clear, TimeUnit.SECONDS));
        TriggerEvent enter = new TriggerEvent("id", "sahm-state-watch", 1, "US-NV", "all", Transition.ENTER, "base", 1,
                LocalDate.of(2024, 6, 1), Frequency.MONTHLY, null, null, null, null, null, null, null, facts);
        assertTrue(LineProtocol.trigger(enter, TimeUnit.SECONDS).contains("state=1i,tier=1i,transition=\"ENTER\",watch=0i,"),
                "an ENTER that ends a watch takes the region off watch");
    }

    @Test
    void triggerLine() {
        assertEquals("trigger,policy=eb-iur,region=US-NV,sector=all state=1i,tier=0i,transition=\"ENTER\""
                        + " 1588377600000000000",
                LineProtocol.trigger("eb-iur", "US-NV", "all", LocalDate.of(2020, 5, 2), true, 0, "ENTER"));
        assertEquals("trigger,policy=eb-tur,region=US-NV,sector=all state=0i,tier=-1i,transition=\"EXIT\" 1588377600",
                LineProtocol.trigger("eb-tur", "US-NV", "all", LocalDate.of(2020, 5, 2), false, -1, "EXIT",
                        TimeUnit.SECONDS));
    }

    @Test
    void escapesTagValuesAndStringFields() {
        assertEquals("trigger,policy=my\\ policy\\,v2\\=x,region=US,sector=indeed:a\\ b state=1i,tier=2i,"
                        + "transition=\"say \\\"hi\\\" \\\\ bye, a=b\" 0",
                LineProtocol.trigger("my policy,v2=x", "US", "indeed:a b", LocalDate.of(1970, 1, 1), true, 2,
                        "say \"hi\" \\ bye, a=b"));
        // non-ASCII needs no escape: line protocol is UTF-8
        assertTrue(LineProtocol.trigger("política", "US", "all", JULY, true, 0, "ENTER").startsWith("trigger,policy=política,"));
    }

    @Test
    void refusesWhatLineProtocolCannotCarry() {
        for (String bad : new String[] {"a\nb", "a\rb", "a\tb", "a\u0000b", "a\\b", "a\\", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LineProtocol.trigger(bad, "US", "all", JULY, true, 0, "ENTER"), () -> "policy " + bad);
            assertTrue(e.getMessage().contains("policy"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> LineProtocol.trigger("p", "US", "all", JULY, true, 0, "ENTER\nfake,line x=1"));
        assertThrows(IllegalArgumentException.class, () -> LineProtocol.observation(observation("a\nb", BigDecimal.ONE)));
        assertThrows(NullPointerException.class, () -> LineProtocol.trigger("p", "US", "all", JULY, true, 0, null));
    }

    @Test
    void claimsAveragesOfDifferentIndicatorsAreDifferentSeries() {
        java.time.LocalDate week = java.time.LocalDate.of(2020, 5, 9);
        String initial = LineProtocol.metric(MetricPoint.ok("claims_4wk_avg", "initial_claims", "US", "all",
                Frequency.WEEKLY, week, new java.math.BigDecimal("3083000"), week.plusDays(5)));
        String continued = LineProtocol.metric(MetricPoint.ok("claims_4wk_avg", "continued_claims", "US", "all",
                Frequency.WEEKLY, week, new java.math.BigDecimal("21962000"), week.plusDays(12)));
        assertNotEquals(initial.substring(0, initial.indexOf(' ')), continued.substring(0, continued.indexOf(' ')));
    }

    @Test
    void deliveryAttemptsTagOnlySubscriberAndOutcomeAndStayDistinctWithinAMillisecond() {
        Instant at = Instant.parse("2026-12-02T19:30:00.123Z");
        String first = LineProtocol.delivery("newsroom", "delivered", 1, 200, 12, "a1b2", at);
        assertTrue(first.startsWith("delivery,outcome=delivered,subscriber=newsroom attempt=1i,event_id=\"a1b2\",latency_ms=12i,status=200i "),
                first);
        long ts = Long.parseLong(first.substring(first.lastIndexOf(' ') + 1));
        assertEquals(at.toEpochMilli(), ts / 1_000_000, "the time is the answer's millisecond");
        String other = LineProtocol.delivery("newsroom", "delivered", 1, 200, 12, "c3d4", at);
        assertNotEquals(ts, Long.parseLong(other.substring(other.lastIndexOf(' ') + 1)),
                "two events answered in the same millisecond are two points");
        assertEquals(first, LineProtocol.delivery("newsroom", "delivered", 1, 200, 12, "a1b2", at), "the same attempt is the same point");
    }
}
