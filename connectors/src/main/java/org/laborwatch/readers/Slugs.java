package org.laborwatch.readers;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names turned into sector codes: lower case, {@code &} spelt {@code and}, every run of other
 * characters that are not {@code [a-z0-9]} one {@code -}, none at either end. "Arts &amp;
 * Entertainment" becomes {@code arts-and-entertainment}, "All employees, oil and gas extraction"
 * {@code all-employees-oil-and-gas-extraction}.
 */
public final class Slugs {

    private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");

    private Slugs() {}

    /** The slug of {@code name}; fails on a name that has no letter or digit at all. */
    public static String slug(String name) {
        String s = OTHER.matcher(name.toLowerCase(Locale.ROOT).replace("&", " and ")).replaceAll("-");
        int from = s.startsWith("-") ? 1 : 0;
        int to = s.endsWith("-") ? s.length() - 1 : s.length();
        if (from >= to) {
            throw new IllegalArgumentException("no letters or digits to make a slug of: '" + name + "'");
        }
        return s.substring(from, to);
    }
}
