package org.laborwatch.notify;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a subscriber's signing secret lives: {@code env:NAME} (an environment variable of the
 * notifier) or {@code file:PATH}. Only the reference travels in topics, files and logs; the secret
 * itself is read where it is used and never printed ({@link #toString} shows the reference).
 *
 * @param ref the reference as written, {@code env:NAME} or {@code file:PATH}
 */
public record SecretRef(String ref) implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Standard Webhooks 1.0: symmetric secrets are 24 to 64 random bytes. */
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;
    /** The prefix Standard Webhooks gives serialized symmetric secrets. */
    public static final String PREFIX = "whsec_";

    public SecretRef {
        if (ref == null || ref.isBlank()) {
            throw new SubscriberException("secret: missing; give env:NAME or file:PATH");
        }
        if (ref.startsWith(PREFIX)) {
            throw new SubscriberException("secret: this is the secret itself, which must never be in a subscriber"
                    + " definition (it would sit in a topic and in logs); put it in an environment variable or a file"
                    + " of the notifier and write env:NAME or file:PATH");
        }
        if (ref.startsWith("env:")) {
            if (!ENV_NAME.matcher(ref.substring(4)).matches()) {
                throw new SubscriberException("secret: '" + ref + "' is not env:NAME with a variable name of letters, digits and _");
            }
        } else if (ref.startsWith("file:")) {
            if (ref.length() == 5) {
                throw new SubscriberException("secret: file: needs a path, as in file:/etc/laborwatch/newsroom.secret");
            }
        } else {
            throw new SubscriberException("secret: '" + printable(ref) + "' is neither env:NAME nor file:PATH");
        }
    }

    /**
     * The key bytes: the base64 part of the {@code whsec_} secret found at the reference.
     *
     * @throws SubscriberException when the variable or file is missing or does not hold a secret
     */
    public byte[] resolve(Map<String, String> env) {
        String text;
        if (ref.startsWith("env:")) {
            text = env.get(ref.substring(4));
            if (text == null) {
                throw new SubscriberException("secret " + ref + ": the environment variable is not set on the notifier");
            }
        } else {
            Path file = Path.of(ref.substring(5));
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new SubscriberException("secret " + ref + ": cannot read the file (" + e.getClass().getSimpleName() + ")");
            }
        }
        return decode(text.strip(), ref);
    }

    /** The key bytes of a serialized {@code whsec_...} secret; {@code where} names it in errors without showing it. */
    public static byte[] decode(String secret, String where) {
        if (!secret.startsWith(PREFIX)) {
            throw new SubscriberException("secret " + where + ": does not start with " + PREFIX
                    + " (a Standard Webhooks secret is whsec_ and the base64 of 24 to 64 random bytes)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SubscriberException("secret " + where + ": the part after " + PREFIX + " is not base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new SubscriberException("secret " + where + ": holds " + key.length + " bytes; Standard Webhooks asks for "
                    + MIN_BYTES + " to " + MAX_BYTES);
        }
        return key;
    }

    private static String printable(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public String toString() {
        return ref;
    }
}
