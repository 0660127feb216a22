package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;

/**
 * {@link PeriodValues} answers as the sorted map it replaced would: the same lookups, order,
 * trimming and settled newest period after any mix of appends, inserts before the newest period,
 * revisions in place and trims (which move the live window along its arrays and make them grow or
 * compact).
 */
class PeriodValuesTest {

    private static final LocalDate ORIGIN = LocalDate.of(2000, 1, 1);

    @Test
    void answersAsASortedMapAfterRandomAppendsInsertsRevisionsAndTrims() {
        for (Frequency f : List.of(Frequency.MONTHLY, Frequency.WEEKLY, Frequency.DAILY)) {
            Random random = new Random(13);
            PeriodValues values = new PeriodValues();
            NavigableMap<LocalDate, SeriesValue> model = new TreeMap<>();
            int newest = 0;
            for (int step = 0; step < 20_000; step++) {
                int op = random.nextInt(10);
                if (op < 6) {
                    newest += 1 + (random.nextInt(8) == 0 ? 1 : 0); // now and then a gap
                    put(values, model, f.plus(ORIGIN, newest), step);
                } else if (op < 8) {
                    put(values, model, f.plus(ORIGIN, newest - random.nextInt(40)), step); // a revision or a late period
                } else if (op == 8) {
                    LocalDate bound = f.plus(ORIGIN, newest - 30 - random.nextInt(30));
                    int n = values.countBefore(bound);
                    assertEquals(model.headMap(bound, false).size(), n, "periods before " + bound);
                    values.removeFirst(n);
                    model.headMap(bound, false).clear();
                } else {
                    LocalDate probe = f.plus(ORIGIN, newest - random.nextInt(80));
                    assertEquals(model.get(probe), values.get(probe), "value at " + probe);
                    assertEquals(model.containsKey(probe), values.containsKey(probe));
                }
                assertEquals(settledLatest(model, f), values.settledLatest(f), f + ": settled newest period, step " + step);
            }
            assertSame(model, values);
            assertSame(model, values.copy());
            assertEquals(values, values.copy());
        }
    }

    @Test
    void aCopyIsIndependent() {
        PeriodValues values = new PeriodValues();
        values.put(ORIGIN, value(1));
        PeriodValues copy = values.copy();
        copy.put(ORIGIN.plusMonths(1), value(2));
        copy.put(ORIGIN, value(3));
        assertEquals(1, values.size());
        assertEquals(value(1), values.get(ORIGIN));
        assertNotEquals(values, copy);
    }

    @Test
    void aLonePeriodIsNotSettled() {
        PeriodValues values = new PeriodValues();
        values.put(ORIGIN, value(1));
        assertNull(values.settledLatest(Frequency.MONTHLY));
        values.put(ORIGIN.plusMonths(5), value(2));
        assertNull(values.settledLatest(Frequency.MONTHLY), "a period beyond a gap");
        values.put(ORIGIN.plusMonths(1), value(3));
        assertEquals(ORIGIN.plusMonths(1), values.settledLatest(Frequency.MONTHLY));
        values.put(ORIGIN.plusMonths(4), value(4));
        assertEquals(ORIGIN.plusMonths(5), values.settledLatest(Frequency.MONTHLY), "the gap's far side, once its predecessor came");
        values.removeFirst(values.countBefore(ORIGIN.plusMonths(5)));
        assertNull(values.settledLatest(Frequency.MONTHLY), "its predecessor trimmed");
    }

    private static void put(PeriodValues values, Map<LocalDate, SeriesValue> model, LocalDate period, int step) {
        SeriesValue v = value(step);
        values.put(period, v);
        model.put(period, v);
    }

    private static SeriesValue value(int n) {
        return new SeriesValue(BigDecimal.valueOf(n, 1), ORIGIN.plusDays(n));
    }

    /** The definition, on the map: the newest period whose predecessor is held too. */
    private static LocalDate settledLatest(NavigableMap<LocalDate, SeriesValue> model, Frequency f) {
        for (LocalDate t : model.descendingKeySet()) {
            if (model.containsKey(f.plus(t, -1))) {
                return t;
            }
        }
        return null;
    }

    private static void assertSame(NavigableMap<LocalDate, SeriesValue> model, PeriodValues values) {
        assertEquals(model.size(), values.size());
        List<LocalDate> keys = new ArrayList<>();
        List<SeriesValue> held = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            keys.add(values.keyAt(i));
            held.add(values.valueAt(i));
        }
        assertEquals(new ArrayList<>(model.keySet()), keys);
        assertEquals(new ArrayList<>(model.values()), held);
        if (!model.isEmpty()) {
            assertEquals(model.lastKey(), values.lastKey());
        }
    }
}
