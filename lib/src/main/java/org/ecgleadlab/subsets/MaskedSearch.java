package org.ecgleadlab.subsets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import org.ecgleadlab.adapt.DataFingerprint;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.report.Fingerprint;
import org.ecgleadlab.report.Json;
import org.ecgleadlab.report.Progress;
import org.ecgleadlab.train.Checkpoint;

/**
 * The inference half of the search, resumable: the sets are run in chunks of about {@value #ROWS_PER_CHUNK} rows
 * (sets × exams); each finished chunk is saved at once in {@code predictions/<key>/} of the output folder, where the
 * key hashes the weights, the test data, the split seed and the exams, so a restart runs only the sets not yet saved
 * for the same inputs. Each chunk streams the exams again (read and resample once per chunk, in the background while
 * the model runs), which keeps memory flat however large the test pool. The chunks run through a
 * {@link SubsetSearchRunner}: in this JVM, or as a cluster's tasks.
 */
final class MaskedSearch {
    /** Rows per chunk: small enough that a restart loses little work (docs/subset-search.md). */
    static final int ROWS_PER_CHUNK = 10_000;

    /**
     * The probabilities of every wanted set.
     *
     * @param examIds       the evaluation exams, in order
     * @param labels        their labels {@code [exam][condition]}
     * @param probabilities set → {@code [exam][condition]}
     * @param computedSets  sets run through the model in this call
     * @param cacheFolder   where the chunks are
     */
    record Result(long[] examIds, float[][] labels, Map<LeadSet, float[][]> probabilities, int computedSets,
                  Path cacheFolder) {
    }

    private MaskedSearch() {
    }

    static Result run(Path checkpoint, List<Path> pool, List<ExamInfo> exams, long splitSeed, List<LeadSet> wanted,
                      SubsetSearch.Options options, SubsetSearchRunner runner) {
        long[] ids = exams.stream().mapToLong(ExamInfo::examId).toArray();
        float[][] labels = exams.stream().map(ExamInfo::labels).toArray(float[][]::new);
        Path model = Checkpoint.open(checkpoint).modelFile();
        Map<String, Object> key = keyFields(model, pool, splitSeed, ids);
        PredictionCache cache = new PredictionCache(options.output().resolve("predictions").resolve(Fingerprint.ofJson(key, 12)), ids);
        Map<LeadSet, float[][]> done = cache.load();
        List<LeadSet> pending = wanted.stream().filter(s -> !done.containsKey(s)).toList();
        if (!pending.isEmpty()) {
            Json.write(cache.folder().resolve("key.json"), key);
            infer(model, exams, pending, options, cache, done, runner);
        }
        Map<LeadSet, float[][]> probabilities = new LinkedHashMap<>();
        wanted.forEach(s -> probabilities.put(s, done.get(s)));
        return new Result(ids, labels, probabilities, pending.size(), cache.folder());
    }

    private static void infer(Path modelFile, List<ExamInfo> exams, List<LeadSet> pending, SubsetSearch.Options options,
                              PredictionCache cache, Map<LeadSet, float[][]> done, SubsetSearchRunner runner) {
        int setsPerChunk = Math.max(1, ROWS_PER_CHUNK / exams.size());
        List<List<LeadSet>> chunks = new ArrayList<>();
        for (int from = 0; from < pending.size(); from += setsPerChunk) {
            chunks.add(pending.subList(from, Math.min(pending.size(), from + setsPerChunk)));
        }
        MaskedRequest request = new MaskedRequest(modelFile.toAbsolutePath().normalize().toString(), exams,
                options.batchSize(), options.device());
        long rows = (long) pending.size() * exams.size();
        try (ProgressBar bar = Progress.bar("subset search", rows, "rows")) {
            bar.setExtraMessage(" " + pending.size() + " sets × " + exams.size() + " exams");
            runner.infer(request, chunks, (chunk, probabilities) -> {
                cache.save(chunk, probabilities);
                for (int s = 0; s < chunk.size(); s++) {
                    done.put(chunk.get(s), probabilities[s]);
                }
            }, bar::stepBy);
        }
    }

    /** What the saved predictions depend on. */
    private static Map<String, Object> keyFields(Path model, List<Path> pool, long splitSeed, long[] ids) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("weights", DataFingerprint.of(model));
        fields.put("testData", pool.stream().map(DataFingerprint::of).toList());
        fields.put("splitSeed", splitSeed);
        fields.put("exams", ids.length);
        fields.put("examIds", Fingerprint.sha256(java.util.Arrays.toString(ids), 16));
        fields.put("conditions", Condition.COUNT);
        return fields;
    }
}
