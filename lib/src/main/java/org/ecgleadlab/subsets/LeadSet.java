package org.ecgleadlab.subsets;

import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.LeadDropout;
import org.ecgleadlab.util.EcgLabException;

/**
 * A non-empty set of leads as a 12-bit mask (bit {@code l} = channel {@code l}), named by its leads in channel order
 * joined with '+' ("I+V1"). Ordered by size, then lexicographically by channel, so "all subsets of size k" come out
 * in one fixed order everywhere.
 */
public record LeadSet(int mask) implements Comparable<LeadSet> {
    /** All 12 leads. */
    public static final LeadSet ALL = new LeadSet(LeadDropout.ALL_LEADS);

    public LeadSet {
        if (mask <= 0 || mask > LeadDropout.ALL_LEADS) {
            throw new IllegalArgumentException("a lead set is a non-empty 12-bit mask, got " + mask);
        }
    }

    /** The set of {@code leads} (order and repeats do not matter). */
    public static LeadSet of(List<Lead> leads) {
        int mask = 0;
        for (Lead lead : leads) {
            mask |= 1 << lead.channel();
        }
        if (mask == 0) {
            throw new EcgLabException("a lead set needs at least one lead, e.g. V1+I");
        }
        return new LeadSet(mask);
    }

    /** Parses "V1+I" (also "V1,I"; any order, case-insensitive lead names). */
    public static LeadSet parse(String text) {
        return of(Lead.parseList(text.replace('+', ',')));
    }

    /** Every subset of exactly {@code size} leads, in {@link #compareTo} order: C(12, size) of them. */
    public static List<LeadSet> allOfSize(int size) {
        List<LeadSet> sets = new ArrayList<>();
        for (int mask = 1; mask <= LeadDropout.ALL_LEADS; mask++) {
            if (Integer.bitCount(mask) == size) {
                sets.add(new LeadSet(mask));
            }
        }
        sets.sort(null);
        return sets;
    }

    /** Every subset of 1 to {@code maxSize} leads, smallest first: 298 for {@code maxSize} 3, 4,095 for 12. */
    public static List<LeadSet> upToSize(int maxSize) {
        if (maxSize < 1 || maxSize > Lead.COUNT) {
            throw new EcgLabException("--max-size is " + maxSize + "; use 1 to 12 (3: the 298 subsets of 1-3 leads)");
        }
        List<LeadSet> sets = new ArrayList<>();
        for (int size = 1; size <= maxSize; size++) {
            sets.addAll(allOfSize(size));
        }
        return sets;
    }

    public int size() {
        return Integer.bitCount(mask);
    }

    public boolean contains(Lead lead) {
        return (mask & (1 << lead.channel())) != 0;
    }

    /** The leads in channel order. */
    public List<Lead> leads() {
        return LeadDropout.leadsOf(mask);
    }

    /** "I+V1": lead names in channel order joined with '+'. */
    public String name() {
        return String.join("+", leads().stream().map(Lead::label).toList());
    }

    @Override
    public int compareTo(LeadSet other) {
        if (size() != other.size()) {
            return Integer.compare(size(), other.size());
        }
        // Same size: compare the channel lists lexicographically; the lowest differing channel decides.
        int differ = mask ^ other.mask;
        if (differ == 0) {
            return 0;
        }
        int lowest = Integer.numberOfTrailingZeros(differ);
        return (mask & (1 << lowest)) != 0 ? -1 : 1;
    }

    @Override
    public String toString() {
        return name();
    }
}
