package org.laborwatch.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A dead letter's texts are capped, and a capped text survives the record being made again. */
class DeadLetterTest {

    @Test
    void aLongDetailIsCutToTheCapWithItsFullLength() {
        DeadLetter d = new DeadLetter(RejectReason.MALFORMED_JSON, "x".repeat(5000), "o".repeat(3000), new byte[0]);
        assertEquals(DeadLetter.MAX_TEXT, d.detail().length());
        assertTrue(d.detail().endsWith("…(5000 chars)"), d.detail());
        assertEquals(DeadLetter.MAX_TEXT, d.origin().length());
        assertTrue(d.origin().endsWith("…(3000 chars)"), d.origin());
    }

    @Test
    void aCutTextIsKeptWhenTheRecordIsMadeAgainFromItsFields() {
        // What Flink does with a record after a network hop: the canonical constructor again.
        DeadLetter d = new DeadLetter(RejectReason.TOO_LARGE, "d".repeat(2000), "o".repeat(1025), new byte[] {1, 2});
        DeadLetter again = new DeadLetter(d.reason(), d.detail(), d.origin(), d.original(), d.originalSize(),
                d.originalSha256());
        assertEquals(d, again);
        assertEquals(d.detail(), again.detail());
    }
}
