package org.laborwatch.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The policies shipped with laborwatch, as YAML resources under {@code /policies/} on the classpath.
 *
 * <p>The ids are listed here rather than discovered, because a classpath directory cannot be listed
 * portably inside a jar; a test checks the list against the resource directory.
 */
public final class BundledPolicies {

    /** Resource directory of the bundled policies; each is {@code <id>.yaml}. */
    public static final String RESOURCE_DIR = "/policies/";

    private static final List<String> IDS = List.of("sahm-national", "sahm-state", "eb-iur", "eb-iur-6", "eb-tur",
            "ai-exposed-claims", "disruption-index", "sahm-countries", "michez-national",
            "sahm-state-watch", "ei-entrance", "sahm-breadth");

    private BundledPolicies() {}

    /** The ids of the bundled policies. */
    public static List<String> ids() {
        return IDS;
    }

    /**
     * Loads and validates one bundled policy.
     *
     * @throws IllegalArgumentException if there is no bundled policy {@code id}
     * @throws PolicyException if the bundled file is invalid (a build defect; the tests catch it)
     */
    public static Policy load(String id) {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("no bundled policy '" + id + "' (bundled: " + String.join(", ", IDS)
                    + ")");
        }
        String resource = RESOURCE_DIR + id + ".yaml";
        Policy policy = PolicyParser.parse(read(resource), PolicyParser.Format.YAML, resource);
        if (!policy.id().equals(id)) {
            // The file name is the lookup key; a mismatched id would load a different policy than asked.
            throw new IllegalStateException(resource + " declares id '" + policy.id() + "', expected '" + id + "'");
        }
        return policy;
    }

    /** Loads every bundled policy, in {@link #ids()} order. */
    public static List<Policy> all() {
        return IDS.stream().map(BundledPolicies::load).toList();
    }

    private static String read(String resource) {
        try (InputStream in = BundledPolicies.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled policy resource missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
