package org.ecgleadlab.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity hash of a configuration: SHA-256 over a canonical JSON text, as lowercase hex. Run folder names,
 * resume keys and provenance records on disk hold these hashes, so each caller keeps hashing exactly the text it
 * always hashed (see {@link #ofJson} and {@link #sha256}).
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** The first {@code hexDigits} hex digits of SHA-256 over {@code identity} as {@link Json#toJson} writes it. */
    public static String ofJson(Object identity, int hexDigits) {
        return sha256(Json.toJson(identity), hexDigits);
    }

    /** The first {@code hexDigits} (at most 64) hex digits of SHA-256 over the UTF-8 bytes of {@code text}. */
    public static String sha256(String text, int hexDigits) {
        return hex(newSha256().digest(text.getBytes(StandardCharsets.UTF_8)), hexDigits);
    }

    /** A fresh SHA-256 digest, for contents hashed as a stream. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The first {@code hexDigits} lowercase hex digits of {@code digest}. */
    public static String hex(byte[] digest, int hexDigits) {
        return HexFormat.of().formatHex(digest).substring(0, hexDigits);
    }
}
