package org.ecgleadlab.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.RecordFields;

/**
 * What produced a result: the command, its inputs (data, checkpoint), its choices (seed, lead set, strategy,
 * configuration) and the environment (git revision, time, Java and DJL versions). Written beside every result as
 * pretty JSON ({@link #write}) and read back by the next step ({@link #read}).
 *
 * @param command       the command or script that produced the result, e.g. {@code "rank-leads"}
 * @param dataPaths     absolute data folders/files read
 * @param checkpoint    the model checkpoint started from, or {@code null}
 * @param seed          the seed of every random choice, or {@code null} when nothing was random
 * @param leads         the lead set used (names such as {@code "V1"}), empty when not applicable
 * @param strategy      the adaptation strategy or method, or {@code null}
 * @param configuration every other option, as sorted key/value strings
 * @param gitRevision   the repository's commit ({@code git rev-parse HEAD}), or {@code "unknown"}
 * @param createdAt     when the result was produced (ISO-8601, UTC, seconds)
 * @param javaVersion   {@code java.version} of the JVM that ran it
 * @param djlVersion    the DJL version on the class path, or {@code "unknown"}
 */
public record Provenance(
        String command,
        List<String> dataPaths,
        String checkpoint,
        Long seed,
        List<String> leads,
        String strategy,
        Map<String, String> configuration,
        String gitRevision,
        String createdAt,
        String javaVersion,
        String djlVersion) {
    /**
     * The components {@link #fingerprint()} hashes, in declaration order. Listed rather than "all but the
     * environment" so that a component added later does not change the fingerprints already on disk.
     */
    private static final List<String> IDENTITY =
            List.of("dataPaths", "checkpoint", "seed", "leads", "strategy", "configuration");

    public Provenance {
        dataPaths = dataPaths == null ? List.of() : List.copyOf(dataPaths);
        leads = leads == null ? List.of() : List.copyOf(leads);
        configuration = configuration == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(configuration));
    }

    /** Starts a provenance for {@code command}; {@link Builder#build()} fills in git revision, time and versions. */
    public static Builder builder(String command) {
        return new Builder(command);
    }

    /** Writes this provenance as pretty JSON, atomically. */
    public void write(Path file) {
        Json.write(file, this);
    }

    /** Reads a provenance JSON written by {@link #write}. */
    public static Provenance read(Path file) {
        Provenance provenance = Json.read(file, Provenance.class);
        if (provenance.command() == null) {
            throw new EcgLabException("provenance file " + file + " has no field 'command'; it was not written by "
                    + "ECG Lead Lab, or is damaged: delete it and run the step again");
        }
        return provenance;
    }

    /**
     * A SHA-256 hex key of what determines the result (data, checkpoint, seed, leads, strategy, configuration), not of
     * when or by which command or revision it ran: two runs with equal fingerprints can reuse each other's output.
     */
    public String fingerprint() {
        Map<String, Object> identity = RecordFields.of(this);
        identity.keySet().retainAll(IDENTITY);
        // Without the newline that Json.toJson ends files with: fingerprints already recorded (subset-search's
        // "ranking") were taken over this text.
        return Fingerprint.sha256(Json.GSON.toJson(identity), 64);
    }

    /** Collects the fields of a {@link Provenance}; the environment fields are filled in by {@link #build()}. */
    public static final class Builder {
        private final String command;
        private final List<String> dataPaths = new ArrayList<>();
        private String checkpoint;
        private Long seed;
        private List<String> leads = List.of();
        private String strategy;
        private final Map<String, String> configuration = new TreeMap<>();

        private Builder(String command) {
            this.command = command;
        }

        /** Adds data folders or files read (stored as absolute, normalised paths). */
        public Builder data(Path... paths) {
            for (Path path : paths) {
                dataPaths.add(path.toAbsolutePath().normalize().toString());
            }
            return this;
        }

        /** The checkpoint the result started from. */
        public Builder checkpoint(Path path) {
            this.checkpoint = path == null ? null : path.toAbsolutePath().normalize().toString();
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The lead set, in the order used. */
        public Builder leads(List<Lead> leads) {
            this.leads = leads.stream().map(Lead::label).toList();
            return this;
        }

        public Builder strategy(String strategy) {
            this.strategy = strategy;
            return this;
        }

        /** One configuration entry; the value is stored as {@code String.valueOf(value)}. */
        public Builder config(String key, Object value) {
            configuration.put(key, String.valueOf(value));
            return this;
        }

        /** Several configuration entries. */
        public Builder config(Map<String, ?> entries) {
            entries.forEach(this::config);
            return this;
        }

        /** Fills in git revision, current time and versions. */
        public Provenance build() {
            return new Provenance(command, dataPaths, checkpoint, seed, leads, strategy, configuration,
                    GitRevision.current(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    System.getProperty("java.version"), installedDjlVersion());
        }
    }

    /** Reads DJL's own version file so the engine (and libtorch) is not loaded just to name the version. */
    static String installedDjlVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("/ai/djl/engine/api.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("djl_version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
