package org.ecgleadlab.data.labels;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ecgleadlab.data.Condition;

/**
 * The one table that maps the label codes of public 12-lead datasets to the six conditions. A code not in the table
 * is not an error: it is kept, counted ({@link LabelCounts}) and simply names none of the six.
 *
 * <table>
 * <caption>Codes per condition</caption>
 * <tr><th>condition</th><th>SNOMED CT (Challenge 2020/2021 {@code #Dx})</th><th>Challenge 2020 text</th>
 *     <th>PTB-XL SCP-ECG</th></tr>
 * <tr><td>1dAVb</td><td>270492004</td><td>I-AVB</td><td>1AVB</td></tr>
 * <tr><td>RBBB</td><td>59118001, 713427006 (complete)</td><td>RBBB</td><td>CRBBB</td></tr>
 * <tr><td>LBBB</td><td>164909002, 733534002 (complete)</td><td>LBBB</td><td>CLBBB</td></tr>
 * <tr><td>SB</td><td>426177001</td><td>—</td><td>SBRAD</td></tr>
 * <tr><td>AF</td><td>164889003</td><td>AF</td><td>AFIB</td></tr>
 * <tr><td>ST</td><td>427084000</td><td>—</td><td>STACH</td></tr>
 * </table>
 *
 * <p>Deliberately absent: incomplete RBBB (SNOMED 713426002, SCP IRBBB) is not RBBB, incomplete LBBB (SCP ILBBB) is
 * not LBBB, and atrial flutter (SNOMED 164890007, SCP AFLT) is not AF — the CODE-15% labels the model learned
 * separate them the same way. Text labels are matched ignoring case; SNOMED and SCP codes exactly (SCP ignoring
 * case).
 */
public final class ConditionCodes {
    /** SNOMED CT concept ids, as written in the Challenge's {@code #Dx} lines. */
    public static final Map<String, Condition> SNOMED = Map.of(
            "270492004", Condition.AVB1,
            "59118001", Condition.RBBB,
            "713427006", Condition.RBBB,
            "164909002", Condition.LBBB,
            "733534002", Condition.LBBB,
            "426177001", Condition.SB,
            "164889003", Condition.AF,
            "427084000", Condition.ST);

    /** The PhysioNet/CinC Challenge 2020 text labels (CPSC 2018 records), upper case. */
    public static final Map<String, Condition> CHALLENGE_TEXT = Map.of(
            "I-AVB", Condition.AVB1,
            "RBBB", Condition.RBBB,
            "LBBB", Condition.LBBB,
            "AF", Condition.AF);

    /** PTB-XL's SCP-ECG statement codes, upper case. */
    public static final Map<String, Condition> PTBXL_SCP = Map.of(
            "1AVB", Condition.AVB1,
            "CRBBB", Condition.RBBB,
            "CLBBB", Condition.LBBB,
            "SBRAD", Condition.SB,
            "AFIB", Condition.AF,
            "STACH", Condition.ST);

    private ConditionCodes() {
    }

    /**
     * The condition of one {@code #Dx} entry: all digits is a SNOMED CT code, anything else a Challenge 2020 text
     * label. Empty when the code names none of the six.
     */
    public static Optional<Condition> ofDx(String code) {
        String trimmed = code.trim();
        if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
            return Optional.ofNullable(SNOMED.get(trimmed));
        }
        return Optional.ofNullable(CHALLENGE_TEXT.get(trimmed.toUpperCase(Locale.ROOT)));
    }

    /**
     * The table in reverse, for writing labels: the lowest-numbered SNOMED CT code of {@code condition}, which is the
     * general concept where the table also lists a narrower one (RBBB 59118001 rather than complete RBBB 713427006).
     */
    public static String snomedOf(Condition condition) {
        return SNOMED.entrySet().stream().filter(e -> e.getValue() == condition).map(Map.Entry::getKey)
                .min(Comparator.comparingLong(Long::parseLong)).orElseThrow();
    }

    /** The table in reverse, for writing labels: the one SCP-ECG statement of {@code condition}. */
    public static String scpOf(Condition condition) {
        return PTBXL_SCP.entrySet().stream().filter(e -> e.getValue() == condition).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    /** The condition of one PTB-XL SCP-ECG code, or empty when it names none of the six. */
    public static Optional<Condition> ofScp(String code) {
        return Optional.ofNullable(PTBXL_SCP.get(code.trim().toUpperCase(Locale.ROOT)));
    }
}
