package org.laborwatch.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.backtest.ConditionPanels.Panel;
import org.laborwatch.backtest.ConditionPanels.Role;
import org.laborwatch.policy.BundledPolicies;

/** The panels a backtest chart draws, taken from the bundled policies' conditions. */
class ConditionPanelsTest {

    @Test
    void aCompoundEnterGetsOnePanelPerComparisonAndNotEnterSharesItsLine() {
        List<Panel> panels = ConditionPanels.of(BundledPolicies.load("eb-iur"));
        assertEquals(List.of("iur_13wk", "iur_lookback_pct"), panels.stream().map(Panel::metric).toList());
        ConditionPanels.Line iur = panels.get(0).lines().get(0);
        assertEquals(1, panels.get(0).lines().size());
        assertEquals(new BigDecimal("5.0"), iur.threshold());
        assertEquals(List.of(Role.ENTER, Role.EXIT), iur.roles());
        assertEquals("enter >= 5.0, exit < 5.0", iur.label());
    }

    @Test
    void anExplicitExitThresholdIsASecondLine() {
        List<Panel> panels = ConditionPanels.of(BundledPolicies.load("ai-exposed-claims"));
        assertEquals(1, panels.size());
        List<ConditionPanels.Line> lines = panels.get(0).lines();
        assertEquals(List.of("enter >= 0.02", "exit < 0.01"), lines.stream().map(ConditionPanels.Line::label).toList());
        assertEquals(List.of(List.of(Role.ENTER), List.of(Role.EXIT)),
                lines.stream().map(ConditionPanels.Line::roles).toList());
    }

    @Test
    void nestedAnyAndTiersAreTakenApart() {
        List<Panel> panels = ConditionPanels.of(BundledPolicies.load("eb-tur"));
        assertEquals(List.of("tur_3mo", "tur_lookback_pct_1y", "tur_lookback_pct_2y"),
                panels.stream().map(Panel::metric).toList());
        List<ConditionPanels.Line> tur = panels.get(0).lines();
        assertEquals(List.of("enter >= 6.5, exit < 6.5", "tier hup >= 8.0"),
                tur.stream().map(ConditionPanels.Line::label).toList());
        // The tier repeats the look-back test at the same 110: one line, three roles.
        assertEquals(List.of(Role.ENTER, Role.EXIT, Role.TIER), panels.get(1).lines().get(0).roles());
    }

    @Test
    void minOfTwoMetricsAgainstANumberIsALineOnEachMetricsPanel() {
        List<Panel> panels = ConditionPanels.of(BundledPolicies.load("michez-national"));
        assertEquals(List.of("sahm_gap", "vacancy_gap"), panels.stream().map(Panel::metric).toList());
        for (Panel p : panels) {
            assertEquals(List.of("enter >= 0.29, exit < 0.29"), p.lines().stream().map(ConditionPanels.Line::label).toList());
        }
    }
}
