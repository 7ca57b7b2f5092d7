package org.ecgleadlab.data.physionet;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code key: value} comments of a WFDB header that this toolkit reads: the Challenge's {@code #Dx:} labels and
 * CODE-15%'s (Challenge 2025 conversion) {@code # Exam ID:} and {@code # Patient ID:}. Keys ignore case and spaces
 * around them; comment text may still start with its {@code #}.
 */
final class HeaderComments {
    private final List<String> comments;

    HeaderComments(List<String> comments) {
        this.comments = comments;
    }

    /** The value of the first comment {@code key: value}, trimmed. */
    Optional<String> value(String key) {
        String wanted = key.toLowerCase(Locale.ROOT);
        for (String comment : comments) {
            String text = comment.strip();
            while (text.startsWith("#")) {
                text = text.substring(1).strip();
            }
            int colon = text.indexOf(':');
            if (colon > 0 && text.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(text.substring(colon + 1).strip());
            }
        }
        return Optional.empty();
    }

    /** The {@code #Dx:} codes, or empty when the header has no such comment. */
    Optional<List<String>> dx() {
        return value("Dx").map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList());
    }

    /** A whole-number comment such as {@code # Exam ID: 11111}; empty when absent or not a number. */
    Optional<Long> number(String key) {
        return value(key).flatMap(v -> {
            try {
                return Optional.of(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
