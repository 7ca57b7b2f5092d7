package org.ecgleadlab.data.physionet;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * How a PhysioNet record becomes an exam id (a {@code long}) that a user can trace back to the record:
 * <ol>
 * <li>PTB-XL: the {@code ecg_id} of {@code ptbxl_database.csv} (chosen by the PTB-XL reader, not here);</li>
 * <li>CODE-15% as converted to WFDB: the header's {@code # Exam ID:} comment (the CODE-15% exam id);</li>
 * <li>a record name that is a number ({@code 1111904}): that number;</li>
 * <li>letters then digits ({@code A0001}, {@code HR00001}, {@code E07509}, {@code JS00001}, {@code I01}): the letters
 *     read as a bijective base-27 number (A = 1 … Z = 26, any case) times 10^9 plus the number, so
 *     {@code A0001 → 1000000001}, {@code HR00001 → 234000000001}; up to 6 letters and 9 digits. Reversible up to
 *     leading zeros ({@link #prefixAndNumber});</li>
 * <li>any other name ({@code s0010_re}): {@value #FALLBACK_BASE} plus the CRC-32 of the name's UTF-8 bytes, a range
 *     no rule above reaches; the name ↔ id pairs are listed by {@code ecg-info}.</li>
 * </ol>
 * Ids must be unique within a dataset; two records with one id are an error naming both files.
 */
public final class ExamIds {
    /** The multiplier of the letters' value. */
    public static final long LETTER_STRIDE = 1_000_000_000L;
    /** Start of the range of ids derived from a name's CRC-32. */
    public static final long FALLBACK_BASE = 8_000_000_000_000_000_000L;

    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");
    private static final Pattern LETTERS_DIGITS = Pattern.compile("([A-Za-z]{1,6})(\\d{1,9})");

    private ExamIds() {
    }

    /** The exam id derived from a record name by rules 3–5. */
    public static long ofRecordName(String name) {
        if (NUMBER.matcher(name).matches()) {
            return Long.parseLong(name);
        }
        Matcher m = LETTERS_DIGITS.matcher(name);
        if (m.matches()) {
            return lettersValue(m.group(1)) * LETTER_STRIDE + Long.parseLong(m.group(2));
        }
        return FALLBACK_BASE + crc32(name);
    }

    /** Whether an id comes from the CRC fallback (its name cannot be recovered from the id alone). */
    public static boolean isFallback(long id) {
        return id >= FALLBACK_BASE;
    }

    /**
     * The letters and number an id of rule 4 was made from ({@code 1000000001 → "A1"}; leading zeros of the
     * record name are not kept), or empty for ids of the other rules.
     */
    public static Optional<String> prefixAndNumber(long id) {
        if (id < LETTER_STRIDE || isFallback(id)) {
            return Optional.empty();
        }
        long letters = id / LETTER_STRIDE;
        StringBuilder prefix = new StringBuilder();
        while (letters > 0) {
            int digit = (int) (letters % 27);
            if (digit == 0) {
                return Optional.empty(); // no letter has the value 0: not made by rule 4
            }
            prefix.append((char) ('A' + digit - 1));
            letters /= 27;
        }
        if (prefix.length() > 6) {
            return Optional.empty();
        }
        String text = prefix.reverse().toString();
        return Optional.of(text + (id % LETTER_STRIDE));
    }

    /**
     * Reads what a user typed as an exam: a number is taken as an id as it stands, anything else as a record name
     * converted by {@link #ofRecordName}.
     */
    public static long parse(String idOrName) {
        String text = idOrName.trim();
        return NUMBER.matcher(text).matches() ? Long.parseLong(text) : ofRecordName(text);
    }

    /** The letters as a base-27 number with digits A = 1 … Z = 26 (0 never occurs, so the value is unambiguous). */
    static long lettersValue(String letters) {
        long value = 0;
        for (char c : letters.toUpperCase(Locale.ROOT).toCharArray()) {
            value = value * 27 + (c - 'A' + 1);
        }
        return value;
    }

    private static long crc32(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
