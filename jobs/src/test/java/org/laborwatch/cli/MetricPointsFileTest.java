package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** metrics.lp keeps the last write of each point, sorted by series then time, and counts the writes. */
class MetricPointsFileTest {

    @Test
    void keepsTheLastWriteOfEachPointInSeriesAndTimeOrder() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "metric-points-file-test"));
        Path written = Files.write(dir.resolve("written.lp"), List.of(
                "metric,metric=sahm_gap,region=US,sector=all unavailable=true 1000",
                "metric,metric=sahm_gap,region=US,sector=all unavailable=false,value=0.1 -5000",
                "metric,metric=iur,region=US-AZ,sector=all unavailable=false,value=1.2 1000",
                "metric,metric=sahm_gap,region=US,sector=all unavailable=false,value=0.5 1000",
                // An escaped space in a tag value is part of the series, not its end.
                "metric,metric=x,region=A\\ B,sector=all unavailable=false,value=1 1000",
                "metric,metric=x,region=A\\ B,sector=all unavailable=false,value=2 1000",
                // A roll-up point written three times, the most of any point.
                "metric,metric=regions_on,region=US,sector=policy:eb-iur unavailable=false,value=1 2000",
                "metric,metric=regions_on,region=US,sector=policy:eb-iur unavailable=false,value=2 2000",
                "metric,metric=regions_on,region=US,sector=policy:eb-iur unavailable=false,value=1 2000"));
        MetricPointsFile.Deduplicated d = MetricPointsFile.lastWritePerPoint(written, dir.resolve("metrics.lp"));
        assertEquals(new MetricPointsFile.Deduplicated(5, 9, 1, 3, 3,
                "metric,metric=regions_on,region=US,sector=policy:eb-iur 2000"), d);
        assertEquals(List.of(
                "metric,metric=iur,region=US-AZ,sector=all unavailable=false,value=1.2 1000",
                "metric,metric=regions_on,region=US,sector=policy:eb-iur unavailable=false,value=1 2000",
                "metric,metric=sahm_gap,region=US,sector=all unavailable=false,value=0.1 -5000",
                "metric,metric=sahm_gap,region=US,sector=all unavailable=false,value=0.5 1000",
                "metric,metric=x,region=A\\ B,sector=all unavailable=false,value=2 1000"),
                Files.readAllLines(dir.resolve("metrics.lp")));
    }
}
