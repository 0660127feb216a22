package org.laborwatch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.ValidationRules;
import org.laborwatch.reference.KnownCodes;
import picocli.CommandLine.Option;

/**
 * The validation settings an operator may change, shared by the commands that run the job graph:
 * extra regions and sectors (other countries, new groups are added here, never by accident), the
 * tolerance for a vintage after now, and how much of a refused record a dead letter keeps.
 */
public final class ValidationOptions {

    @Option(names = "--extra-regions", paramLabel = "FILE",
            description = "Regions to accept besides the shipped US state, territory and county lists: one per line,"
                    + " an ISO 3166-1 alpha-2 country code (CA) or a county US-XX-SSCCC; '#' starts a comment.")
    Path extraRegions;

    @Option(names = "--extra-sectors", paramLabel = "FILE",
            description = "Sectors to accept besides the shipped NAICS, SOC and reader groups: one system:code per line"
                    + " (at most 64 characters); '#' starts a comment.")
    Path extraSectors;

    @Option(names = "--future-vintage-tolerance", paramLabel = "DURATION", defaultValue = "P2D",
            description = "How far after now a vintage may lie before the record is dead-lettered as future_vintage,"
                    + " ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration futureVintageTolerance;

    @Option(names = "--dead-letter-keep-bytes", paramLabel = "BYTES", defaultValue = "" + DeadLetter.DEFAULT_ORIGINAL_CAP,
            description = "At most this many bytes of a refused record are kept in its dead letter, with the size and"
                    + " SHA-256 of all of it (default: ${DEFAULT-VALUE}; base64 adds a third: keep the dead letter"
                    + " under the topic's max.message.bytes).")
    int deadLetterKeepBytes;

    /** The rules these options give. */
    ValidationRules rules() throws IOException {
        if (futureVintageTolerance.isNegative()) {
            throw new IllegalArgumentException("--future-vintage-tolerance must not be negative, got "
                    + futureVintageTolerance);
        }
        if (deadLetterKeepBytes < 0 || deadLetterKeepBytes > 700 * 1024) {
            throw new IllegalArgumentException("--dead-letter-keep-bytes must be between 0 and 716800 (700 KiB, which"
                    + " base64 makes 933 KiB, under Kafka's default 1 MB message size), got " + deadLetterKeepBytes);
        }
        List<String> regions = extraRegions == null ? List.of() : KnownCodes.readRegionsFile(extraRegions);
        List<String> sectors = extraSectors == null ? List.of() : KnownCodes.readSectorsFile(extraSectors);
        return ValidationRules.defaults()
                .withFutureVintageTolerance(futureVintageTolerance)
                .withDeadLetterOriginalCap(deadLetterKeepBytes)
                .withExtraRegions(regions)
                .withExtraSectors(sectors);
    }
}
