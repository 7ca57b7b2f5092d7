package org.ecgleadlab.data.labels;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PTB-XL's {@code scp_codes} column: a Python dict literal of SCP-ECG statement → likelihood, e.g.
 * {@code {'NORM': 100.0, 'SR': 0.0}}. Parsed here without Python: single- or double-quoted keys, numeric values,
 * an empty {@code {}} allowed.
 *
 * <p>Which statements count: every code present counts, whatever its likelihood. PTB-XL gives likelihoods (0–100)
 * only for diagnostic statements; rhythm and form statements (SR, AFIB, STACH, SBRAD, ...) always carry 0 by
 * convention, and a diagnostic statement with 0 means "likelihood not given", not "absent". PTB-XL's own benchmark
 * code (ecg_ptbxl_benchmarking, {@code compute_label_aggregations}) keeps every code present without a threshold;
 * we do the same, so the six conditions' labels are comparable with published PTB-XL results.
 */
public final class ScpCodes {
    private ScpCodes() {
    }

    /** Thrown when the text is not a dict literal; the message says what was wrong, for the caller's one-liner. */
    public static final class NotADictionary extends IllegalArgumentException {
        NotADictionary(String reason) {
            super(reason);
        }
    }

    /** The codes in written order with their likelihoods. */
    public static Map<String, Double> parse(String text) {
        String s = text.trim();
        if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
            throw new NotADictionary("'" + abbreviate(s) + "' is not a dictionary {'CODE': likelihood, ...}");
        }
        Map<String, Double> codes = new LinkedHashMap<>();
        int i = skipSpace(s, 1);
        int end = s.length() - 1;
        while (i < end) {
            char quote = s.charAt(i);
            if (quote != '\'' && quote != '"') {
                throw new NotADictionary("expected a quoted code at character " + (i + 1) + " of '" + abbreviate(s) + "'");
            }
            int close = s.indexOf(quote, i + 1);
            if (close < 0 || close >= end) {
                throw new NotADictionary("unterminated code at character " + (i + 1) + " of '" + abbreviate(s) + "'");
            }
            String code = s.substring(i + 1, close);
            i = skipSpace(s, close + 1);
            if (i >= end || s.charAt(i) != ':') {
                throw new NotADictionary("expected ':' after '" + code + "' in '" + abbreviate(s) + "'");
            }
            i = skipSpace(s, i + 1);
            int valueEnd = i;
            while (valueEnd < end && s.charAt(valueEnd) != ',' && !Character.isWhitespace(s.charAt(valueEnd))) {
                valueEnd++;
            }
            double likelihood;
            try {
                likelihood = Double.parseDouble(s.substring(i, valueEnd));
            } catch (NumberFormatException e) {
                throw new NotADictionary("likelihood of '" + code + "' is '" + s.substring(i, valueEnd)
                        + "', not a number");
            }
            if (codes.put(code, likelihood) != null) {
                throw new NotADictionary("code '" + code + "' appears twice");
            }
            i = skipSpace(s, valueEnd);
            if (i < end) {
                if (s.charAt(i) != ',') {
                    throw new NotADictionary("expected ',' or '}' at character " + (i + 1) + " of '"
                            + abbreviate(s) + "'");
                }
                i = skipSpace(s, i + 1);
            }
        }
        return Collections.unmodifiableMap(codes);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
