package org.ecgleadlab.data.synthetic;

import org.ecgleadlab.data.Condition;
import org.ecgleadlab.util.EcgLabException;

/**
 * Fraction of exams carrying each label. The real CODE-15% has about 2–5 % per class; the synthetic default
 * uses about 10 % so that a few thousand exams hold enough positives for a small model to learn every class.
 */
public record Prevalences(double avb1, double rbbb, double lbbb, double sb, double af, double st) {

    /** The synthetic default: about 10 % per class (see data/README.md for why). */
    public static Prevalences defaults() {
        return new Prevalences(0.10, 0.10, 0.08, 0.10, 0.10, 0.10);
    }

    public Prevalences {
        check("1dAVb", avb1);
        check("RBBB", rbbb);
        check("LBBB", lbbb);
        check("SB", sb);
        check("AF", af);
        check("ST", st);
        if (rbbb + lbbb > 1) {
            throw new EcgLabException("prevalences RBBB + LBBB = " + (rbbb + lbbb)
                    + " exceed 1 but the two never co-occur; lower them");
        }
        if (af + sb + st > 1) {
            throw new EcgLabException("prevalences AF + SB + ST = " + (af + sb + st)
                    + " exceed 1 but the three rhythms exclude one another; lower them");
        }
        if (avb1 > 1 - af) {
            throw new EcgLabException("prevalence 1dAVb = " + avb1 + " exceeds 1 - AF = " + (1 - af)
                    + " but 1dAVb needs sinus P waves; lower it");
        }
    }

    private static void check(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new EcgLabException("prevalence of " + name + " is " + p + "; use a fraction between 0 and 1");
        }
    }

    /** The prevalence of one condition. */
    public double of(Condition condition) {
        return switch (condition) {
            case AVB1 -> avb1;
            case RBBB -> rbbb;
            case LBBB -> lbbb;
            case SB -> sb;
            case AF -> af;
            case ST -> st;
        };
    }

    /** A copy with one condition's prevalence replaced. */
    public Prevalences with(Condition condition, double p) {
        return new Prevalences(
                condition == Condition.AVB1 ? p : avb1,
                condition == Condition.RBBB ? p : rbbb,
                condition == Condition.LBBB ? p : lbbb,
                condition == Condition.SB ? p : sb,
                condition == Condition.AF ? p : af,
                condition == Condition.ST ? p : st);
    }

    /** Parses "AF=0.1,RBBB=0.05" on top of these values (condition names as in the CSV columns). */
    public Prevalences withParsed(String spec) {
        Prevalences result = this;
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=");
            if (kv.length != 2) {
                throw new EcgLabException("prevalence '" + part + "' is not NAME=FRACTION; write e.g. AF=0.1");
            }
            double p;
            try {
                p = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new EcgLabException("prevalence '" + part + "' has no number after '='; write e.g. AF=0.1");
            }
            result = result.with(Condition.fromColumn(kv[0]), p);
        }
        return result;
    }
}
