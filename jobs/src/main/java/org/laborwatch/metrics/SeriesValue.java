package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One stored value of a series: the value and the vintage it was published in.
 *
 * @param value the published value
 * @param vintage its publication date
 */
public record SeriesValue(BigDecimal value, LocalDate vintage) {}
