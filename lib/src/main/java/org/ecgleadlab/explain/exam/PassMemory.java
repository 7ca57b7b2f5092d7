package org.ecgleadlab.explain.exam;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecgleadlab.util.EcgLabException;

/**
 * How many rows one model pass of the lead-importance methods may carry so that libtorch's activations for it fit a
 * memory budget ({@code rank-leads --memory}). Each row is one 12 × 2560 input; what a row costs was measured as the
 * growth of the process's peak RSS per added row (12-lead LGA-ECG, libtorch 2.7.1 CPU, rows 2 → 8 → 16 of an input
 * gradient, 13 → 104 of an occlusion forward; docs/lead-ranking.md, "Memory"). Activations grow linearly with the rows,
 * so the budget divided by a row's bytes is the pass size; a pass never has fewer than one row.
 *
 * @param budgetBytes bytes one pass's activations may take
 */
public record PassMemory(long budgetBytes) {
    /** Peak RSS growth per row of an input-gradient pass (forward kept for the backward, then the backward): 16 MiB. */
    public static final long GRADIENT_ROW_BYTES = 16L << 20;
    /** Peak RSS growth per row of an eval-mode forward that also returns the attention matrices: 13 MiB. */
    public static final long FORWARD_ROW_BYTES = 13L << 20;
    /** The budget when neither {@code --memory} nor a small heap says otherwise: 512 MiB. */
    public static final long DEFAULT_BYTES = 512L << 20;

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]?)i?b?");

    public PassMemory {
        if (budgetBytes < 1) {
            throw new EcgLabException("--memory is " + budgetBytes + " bytes; give a size such as 512m or 1g");
        }
    }

    /** The default budget: {@value #DEFAULT_BYTES} bytes, or half the JVM's maximum heap where that is less. */
    public static PassMemory defaults() {
        return forHeap(Runtime.getRuntime().maxMemory());
    }

    /** {@link #DEFAULT_BYTES}, or half of {@code maxHeapBytes} where that is less (a small -Xmx asks for a lean run). */
    public static PassMemory forHeap(long maxHeapBytes) {
        return new PassMemory(Math.max(1, Math.min(DEFAULT_BYTES, maxHeapBytes / 2)));
    }

    /** Parses "1g", "512m", "800000k", "1073741824" (binary units, case-insensitive, an optional "b" or "ib"). */
    public static PassMemory parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new EcgLabException("--memory '" + text + "' is not a size; give e.g. 512m or 1g");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        try {
            return new PassMemory(Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new EcgLabException("--memory '" + text + "' is too large; give e.g. 512m or 1g");
        }
    }

    /** Rows of an input-gradient pass (Integrated Gradients) that fit the budget, at least 1. */
    public int gradientRows() {
        return rows(GRADIENT_ROW_BYTES);
    }

    /** Rows of a forward with attention matrices (the occlusion pass) that fit the budget, at least 1. */
    public int forwardRows() {
        return rows(FORWARD_ROW_BYTES);
    }

    private int rows(long bytesPerRow) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, budgetBytes / bytesPerRow));
    }

    /** "512 MiB" or "1.5 GiB", for reports. */
    @Override
    public String toString() {
        return budgetBytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", budgetBytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MiB", Math.round(budgetBytes / (double) (1L << 20)));
    }
}
