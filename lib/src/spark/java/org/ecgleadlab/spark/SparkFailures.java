package org.ecgleadlab.spark;

import org.ecgleadlab.util.EcgLabException;

/** Spark's failures as one line: the first line of the deepest message, without Spark's stack traces. */
final class SparkFailures {
    private SparkFailures() {
    }

    /** A failed job as one line the user can act on. */
    static EcgLabException asUserError(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof EcgLabException user) {
            return user;
        }
        return new EcgLabException("a Spark task failed: " + firstLine(failure)
                + " (the executors' logs, under the workers' work folders or in the Spark UI, tell more)");
    }

    /** The first line of a throwable's message, or its class name. */
    static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return message.strip().lines().findFirst().orElse(message).strip();
    }
}
