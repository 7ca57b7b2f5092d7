package org.ecgleadlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ecgleadlab.util.EcgLabException;

/**
 * Lead dropout for training one 12-input model that serves any lead subset (as the best entries of the PhysioNet/CinC
 * Challenge 2021 did): every row keeps a random non-empty subset of the 12 leads and the others are zeroed, exactly
 * as masked inference feeds a subset later.
 *
 * <p><b>Distribution.</b> With probability {@code fullShare} a row keeps all 12 leads; otherwise the number of kept
 * leads k is drawn uniformly from 1..12, then k leads uniformly among the C(12, k) subsets of that size. Uniform over
 * the 4,095 non-empty subsets would almost never show the small inputs we search: sizes 1–3 are 12 + 66 + 220 = 298
 * of the 4,095 subsets (7 %), and a single lead only 12 of them (0.3 %); uniform over sizes gives each size 1/12 of
 * the rows, so single leads, pairs and triples are each seen in 8 % of the rows while every lead is still kept in
 * (1 + 12)/2 / 12 = 54 % of the rows.
 *
 * <p><b>Determinism.</b> A row's subset depends only on (seed, epoch, exam id) — not on the batch it lands in or on
 * the order of the epoch — so a resumed run draws exactly what the uninterrupted run drew. {@link #fixed()} gives
 * the validation masks: one seeded subset per exam, the same in every epoch, so validation losses compare across
 * epochs and measure what the model is trained for (any subset), not the 12-lead case alone.
 */
public final class LeadDropout {
    /** All 12 leads as a bit mask (bit {@code l} = channel {@code l}). */
    public static final int ALL_LEADS = (1 << Lead.COUNT) - 1;
    /** The epoch number whose masks {@link #fixed()} uses in every epoch (training epochs start at 1). */
    static final int VALIDATION_EPOCH = 0;
    private static final long STREAM = 0x6C65616444726F70L; // "leadDrop": apart from every other seeded stream

    private final long seed;
    private final double fullShare;
    private final boolean fixed;

    private LeadDropout(long seed, double fullShare, boolean fixed) {
        if (!(fullShare >= 0 && fullShare <= 1)) {
            throw new EcgLabException("--full-lead-share is " + fullShare + "; use a fraction of rows from 0 to 1");
        }
        this.seed = seed;
        this.fullShare = fullShare;
        this.fixed = fixed;
    }

    /** Fresh subsets every epoch, drawn from {@code seed}; {@code fullShare} of the rows keep all 12 leads. */
    public static LeadDropout perEpoch(long seed, double fullShare) {
        return new LeadDropout(seed, fullShare, false);
    }

    /** The same distribution, one subset per exam for every epoch (validation). */
    public LeadDropout fixed() {
        return new LeadDropout(seed, fullShare, true);
    }

    public double fullShare() {
        return fullShare;
    }

    /** The subset kept by exam {@code examId} in {@code epoch}, as a 12-bit mask; never 0. */
    public int keptMask(int epoch, long examId) {
        SplittableRandom random = new SplittableRandom(mix(seed, fixed ? VALIDATION_EPOCH : epoch, examId));
        return draw(random, fullShare);
    }

    /** The kept leads of {@code examId} in {@code epoch}, in channel order. */
    public List<Lead> kept(int epoch, long examId) {
        return leadsOf(keptMask(epoch, examId));
    }

    /** Zeroes, in place, the channels of a channel-major 12-lead input that {@code mask} does not keep. */
    public static void apply(float[] twelveLeadInput, int mask) {
        int length = twelveLeadInput.length / Lead.COUNT;
        for (int lead = 0; lead < Lead.COUNT; lead++) {
            if ((mask & (1 << lead)) == 0) {
                java.util.Arrays.fill(twelveLeadInput, lead * length, (lead + 1) * length, 0f);
            }
        }
    }

    /** One subset: all 12 with probability {@code fullShare}, else a uniform size, then a uniform subset of it. */
    static int draw(SplittableRandom random, double fullShare) {
        if (fullShare > 0 && random.nextDouble() < fullShare) {
            return ALL_LEADS;
        }
        int size = 1 + random.nextInt(Lead.COUNT);
        int[] leads = new int[Lead.COUNT];
        for (int i = 0; i < Lead.COUNT; i++) {
            leads[i] = i;
        }
        int mask = 0;
        for (int i = 0; i < size; i++) { // partial Fisher–Yates: the first `size` places are a uniform k-subset
            int j = i + random.nextInt(Lead.COUNT - i);
            int swap = leads[i];
            leads[i] = leads[j];
            leads[j] = swap;
            mask |= 1 << leads[i];
        }
        return mask;
    }

    /** The leads of a 12-bit mask, in channel order. */
    public static List<Lead> leadsOf(int mask) {
        List<Lead> leads = new ArrayList<>();
        for (Lead lead : Lead.values()) {
            if ((mask & (1 << lead.channel())) != 0) {
                leads.add(lead);
            }
        }
        return leads;
    }

    /** For provenance and logs. */
    public String describe() {
        return String.format(Locale.ROOT, "lead-dropout (random lead subsets: size uniform on 1..12, then uniform "
                + "within the size; %s of rows keep all 12%s)", fullShare, fixed ? "; fixed per exam" : "");
    }

    /** SplitMix64's finaliser over (seed, epoch, exam): nearby inputs give unrelated streams. */
    private static long mix(long seed, int epoch, long examId) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + examId * 0x94D049BB133111EBL + STREAM;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
