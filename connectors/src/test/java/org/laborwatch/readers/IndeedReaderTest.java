package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.readers.ReadResult.assertValue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;

class IndeedReaderTest {

    private static final ReaderOptions DEFAULTS = ReaderOptions.defaults();

    @Test
    void slugs() {
        assertEquals("software-development", Slugs.slug("Software Development"));
        assertEquals("arts-and-entertainment", Slugs.slug("Arts & Entertainment"));
        assertEquals("it-operations-and-helpdesk", Slugs.slug("IT Operations & Helpdesk"));
        assertEquals("personal-care-and-home-health", Slugs.slug(" Personal Care & Home Health "));
        assertEquals("a-and-b", Slugs.slug("A/&/B"));
        assertThrows(IllegalArgumentException.class, () -> Slugs.slug(" / "));
    }

    @Test
    void aggregateGivesSaAndNsaOfTotalPostings() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.INDEED, DEFAULTS, "indeed_aggregate_sample_vintage2026-08-18.csv");
        assertEquals(new ReadReport(6, 6, 0, List.of("skipped rows of variables other than 'total postings':"
                + " new postings (3)")), r.report());
        Observation sa = r.one("job_postings_index", "US", "sa", "2020-05-01");
        assertEquals(new Observation("job_postings_index", "US", "all", "sa", Frequency.DAILY, LocalDate.of(2020, 5, 1),
                sa.value(), "index", "indeed", LocalDate.of(2026, 8, 18)), sa);
        assertValue("62.32", sa);
        assertValue("65.98", r.one("job_postings_index", "US", "nsa", "2020-05-01"));
        assertValue("100", r.one("job_postings_index", "US", "nsa", "2020-02-01"));
    }

    @Test
    void statesInUpperCase() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.INDEED, DEFAULTS, "indeed_state_sample_vintage2026-08-18.csv");
        assertEquals(new ReadReport(4, 4, 0, List.of()), r.report());
        assertValue("85.19", r.one("job_postings_index", "US-CA", "sa", "2026-08-14"));
        assertValue("88.75", r.one("job_postings_index", "US-NY", "sa", "2026-08-14"));
        assertTrue(r.observations().stream().allMatch(o -> o.sector().equals("all")));
    }

    @Test
    void occupationalSectorsBySlug() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.INDEED, DEFAULTS, "indeed_sector_sample_vintage2024-10-01.csv");
        assertEquals(new ReadReport(6, 6, 0, List.of()), r.report());
        List<Observation> software = r.where(o -> o.sector().equals("indeed:software-development")
                && o.period().equals(LocalDate.of(2024, 9, 27)));
        assertEquals(1, software.size());
        assertValue("69.65", software.get(0));
        assertEquals("US", software.get(0).region());
        assertEquals("sa", software.get(0).adjustment());
        assertEquals(2, r.where(o -> o.sector().equals("indeed:arts-and-entertainment")).size());
        assertEquals(2, r.where(o -> o.sector().equals("indeed:it-operations-and-helpdesk")).size());
    }

    @Test
    void twoNamesWithOneSlugAreAnError() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.INDEED,
                ReaderOptions.withVintage(LocalDate.of(2024, 10, 1)), "indeed_sector.csv",
                "date,display_name,indeed_job_postings_index\n2020-02-01,Arts & Media,100\n2020-02-01,Arts and Media,100\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("indeed:arts-and-media"), e.getMessage());
    }

    @Test
    void vintageIsRequired() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.INDEED, DEFAULTS,
                "indeed_state.csv", "date,state,indeed_job_postings_index\n2020-02-01,ca,100\n"));
        assertTrue(e.getMessage().contains("no vintage"), e.getMessage());
    }

    @Test
    void emptyCellsAreMissingAndOtherLayoutsRefused() throws Exception {
        ReadResult r = ReadResult.text(PublishedFormat.INDEED, ReaderOptions.withVintage(LocalDate.of(2026, 8, 18)),
                "indeed.csv", "date,jobcountry,indeed_job_postings_index_SA,indeed_job_postings_index_NSA,variable\n"
                        + "2020-02-02,US,100.03,,total postings\n");
        assertEquals(new ReadReport(1, 1, 1, List.of()), r.report());
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.INDEED,
                ReaderOptions.withVintage(LocalDate.of(2026, 8, 18)), "indeed.csv", "date,metro,value\n2020-02-01,x,1\n"));
        assertTrue(e.getMessage().contains("not an Indeed postings file"), e.getMessage());
    }

    @Test
    void dayAfterTheVintageIsAnError() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.INDEED,
                ReaderOptions.withVintage(LocalDate.of(2026, 8, 13)), "indeed.csv",
                "date,state,indeed_job_postings_index\n2026-08-14,ca,85.19\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("after the vintage"), e.getMessage());
    }
}
