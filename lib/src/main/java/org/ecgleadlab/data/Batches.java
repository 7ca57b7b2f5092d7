package org.ecgleadlab.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.IntStream;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.StartupMark;

/**
 * Streams mini-batches of model inputs from a list of exams. Each epoch runs a prefetch thread that reads tracings
 * (one HDF5 slice per run of consecutive rows), resamples them to 250 Hz (in parallel over the batch's exams) and
 * applies the {@link InputTransform} while the caller computes on the previous batch; a bounded queue of {@code prefetch} batches keeps the heap bounded.
 * Exams are shuffled per epoch with a seed derived from the base seed and the epoch number, so any epoch can be
 * replayed. All-zero exams are handled by the {@link ZeroExamPolicy} (excluded by default).
 *
 * <pre>{@code
 * Batches batches = Batches.builder(split.train(), 64).shuffle(seed).transform(InputTransform.allLeads()).build();
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     try (Batches.Stream stream = batches.epoch(epoch)) {
 *         while (stream.hasNext()) { Batch batch = stream.next(); ... }
 *     }
 * }
 * }</pre>
 */
public final class Batches {
    private final List<ExamInfo> exams;
    private final int batchSize;
    private final Long seed;
    private final InputTransform transform;
    private final int prefetch;
    private final ZeroExamPolicy zeroPolicy;
    private final boolean dropLast;
    private final LeadDropout leadDropout;
    private final GainAugmentation gain;
    private final Set<Long> excludedAllZero = new ConcurrentSkipListSet<>();

    private Batches(Builder b) {
        this.exams = List.copyOf(b.exams);
        this.batchSize = b.batchSize;
        this.seed = b.seed;
        this.transform = b.transform;
        this.prefetch = b.prefetch;
        this.zeroPolicy = b.zeroPolicy;
        this.dropLast = b.dropLast;
        this.leadDropout = b.leadDropout;
        this.gain = b.gain;
        if (leadDropout != null && transform.channels() != Lead.COUNT) {
            throw new EcgLabException("lead dropout needs the 12-channel input, not " + transform.describe());
        }
    }

    /** Starts configuring batches of {@code batchSize} exams drawn from {@code exams}. */
    public static Builder builder(List<ExamInfo> exams, int batchSize) {
        return new Builder(exams, batchSize);
    }

    /** Channels per exam in every batch. */
    public int channels() {
        return transform.channels();
    }

    /** The input transform applied to every exam. */
    public InputTransform transform() {
        return transform;
    }

    /** Batches per epoch before all-zero exams are left out (an upper bound on what an epoch yields). */
    public int batchesPerEpoch() {
        return dropLast ? exams.size() / batchSize : (exams.size() + batchSize - 1) / batchSize;
    }

    /** Ids of all-zero exams left out so far (under {@link ZeroExamPolicy#EXCLUDE}), sorted. */
    public List<Long> excludedAllZero() {
        return List.copyOf(excludedAllZero);
    }

    /** The exam order of epoch {@code epoch}: a seeded shuffle, or the given order when no seed was set. */
    public List<ExamInfo> order(int epoch) {
        List<ExamInfo> order = new ArrayList<>(exams);
        if (seed != null) {
            Collections.shuffle(order, new Random(seed * 1_000_003L + epoch));
        }
        return order;
    }

    /** Starts the prefetch thread for epoch {@code epoch}; close the stream (try-with-resources) to stop it. */
    public Stream epoch(int epoch) {
        List<ExamInfo> order = order(epoch);
        List<List<ExamInfo>> groups = new ArrayList<>();
        for (int start = 0; start < order.size(); start += batchSize) {
            List<ExamInfo> group = order.subList(start, Math.min(order.size(), start + batchSize));
            if (group.size() == batchSize || !dropLast) {
                groups.add(group);
            }
        }
        return new Stream(groups, epoch);
    }

    /**
     * Builds one batch: read, leave out all-zero exams, resample, transform, drop leads (when asked, with the masks of
     * {@code epoch}), pack. Null when nothing is left.
     */
    private Batch assemble(List<ExamInfo> group, TracingReader reader, int epoch) {
        List<float[]> raws = reader.readAll(group);
        int perExam = transform.channels() * CodeFormat.MODEL_SAMPLES;
        List<ExamInfo> kept = new ArrayList<>(group.size());
        List<float[]> keptRaw = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            if (zeroPolicy == ZeroExamPolicy.EXCLUDE && ZeroExamPolicy.isAllZero(raws.get(i))) {
                excludedAllZero.add(group.get(i).examId());
            } else {
                kept.add(group.get(i));
                keptRaw.add(raws.get(i));
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        float[] inputs = new float[kept.size() * perExam];
        float[] labels = new float[kept.size() * Condition.COUNT];
        long[] ids = new long[kept.size()];
        // Resampling is the costly part of a batch, so it runs on all cores; each exam writes its own slots.
        IntStream.range(0, kept.size()).parallel().forEach(i -> {
            float[] input = transform.apply(Preprocessing.toModelInput(keptRaw.get(i)));
            if (leadDropout != null) {
                LeadDropout.apply(input, leadDropout.keptMask(epoch, kept.get(i).examId()));
            }
            if (gain != null) {
                gain.apply(input, transform.channels(), epoch, kept.get(i).examId());
            }
            System.arraycopy(input, 0, inputs, i * perExam, perExam);
            kept.get(i).copyLabels(labels, i * Condition.COUNT);
            ids[i] = kept.get(i).examId();
        });
        return new Batch(inputs, transform.channels(), labels, ids, kept.size());
    }

    /** The batches of one epoch, produced ahead by a background thread. Not thread-safe on the consumer side. */
    public final class Stream implements Iterator<Batch>, AutoCloseable {
        private static final Object END = new Object();

        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(prefetch);
        private final Thread producer;
        private Object next;
        private volatile boolean closed;

        private Stream(List<List<ExamInfo>> groups, int epoch) {
            producer = new Thread(() -> produce(groups, epoch), "ecg-batch-prefetch");
            producer.setDaemon(true);
            producer.start();
        }

        private void produce(List<List<ExamInfo>> groups, int epoch) {
            try (TracingReader reader = new TracingReader()) {
                for (List<ExamInfo> group : groups) {
                    if (closed) {
                        return;
                    }
                    Batch batch = assemble(group, reader, epoch);
                    if (batch != null) {
                        queue.put(batch);
                    }
                }
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                try {
                    queue.put(e);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                if (closed) {
                    return false;
                }
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the next batch", e);
                }
            }
            if (next instanceof RuntimeException e) {
                throw e; // e.g. an EcgLabException about a bad tracing, rethrown on the caller's thread
            }
            if (next instanceof Error e) {
                throw e;
            }
            return next != END;
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the epoch has no more batches");
            }
            Batch batch = (Batch) next;
            next = null;
            StartupMark.firstBatch();
            return batch;
        }

        /** Stops the prefetch thread and drops batches not yet taken. */
        @Override
        public void close() {
            closed = true;
            producer.interrupt();
            queue.clear();
            try {
                producer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Options of {@link Batches}; defaults: input order, all 12 leads, prefetch 2, all-zero exams excluded. */
    public static final class Builder {
        private final List<ExamInfo> exams;
        private final int batchSize;
        private Long seed;
        private InputTransform transform = InputTransform.allLeads();
        private int prefetch = 2;
        private ZeroExamPolicy zeroPolicy = ZeroExamPolicy.EXCLUDE;
        private boolean dropLast;
        private LeadDropout leadDropout;
        private GainAugmentation gain;

        private Builder(List<ExamInfo> exams, int batchSize) {
            if (batchSize <= 0) {
                throw new EcgLabException("batch size must be positive, got " + batchSize);
            }
            if (exams.isEmpty()) {
                throw new EcgLabException("no exams to batch; check the data folder and the split");
            }
            this.exams = exams;
            this.batchSize = batchSize;
        }

        /** Shuffles the exams every epoch with a seed derived from {@code seed} and the epoch number. */
        public Builder shuffle(long seed) {
            this.seed = seed;
            return this;
        }

        /** Which leads the model sees (default: all 12). */
        public Builder transform(InputTransform transform) {
            this.transform = transform;
            return this;
        }

        /** Batches prepared ahead of the consumer (default 2; at least 1). */
        public Builder prefetch(int batches) {
            if (batches < 1) {
                throw new EcgLabException("prefetch must be at least 1 batch, got " + batches);
            }
            this.prefetch = batches;
            return this;
        }

        /** What to do with all-zero exams (default: exclude). */
        public Builder zeroExams(ZeroExamPolicy policy) {
            this.zeroPolicy = policy;
            return this;
        }

        /** Whether to drop a final batch smaller than the batch size (default: keep it). */
        public Builder dropLast(boolean drop) {
            this.dropLast = drop;
            return this;
        }

        /**
         * Zeroes, after the transform, the leads each exam drops in the streamed epoch (see {@link LeadDropout}; a
         * 12-channel transform only). Default: none.
         */
        public Builder leadDropout(LeadDropout dropout) {
            this.leadDropout = dropout;
            return this;
        }

        /** Scales each row by a random recording gain after the transform (see {@link GainAugmentation}). */
        public Builder gain(GainAugmentation augmentation) {
            this.gain = augmentation;
            return this;
        }

        public Batches build() {
            return new Batches(this);
        }
    }
}
