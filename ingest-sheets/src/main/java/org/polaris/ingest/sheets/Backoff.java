package org.polaris.ingest.sheets;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to try again after a refused or failed request: the wait the server asked for in
 * Retry-After when it gave one (Google sends it with 429 quota refusals), otherwise an exponential
 * backoff (initial, twice that, ...) capped at the maximum. No jitter: reads are started one at a
 * time by operators, not by a fleet of clients that could retry in step.
 */
final class Backoff {

    private final int maxAttempts;
    private final Duration initial;
    private final Duration max;

    Backoff(int maxAttempts, Duration initial, Duration max) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initial.isNegative() || max.isNegative()) {
            throw new IllegalArgumentException("backoffs must not be negative");
        }
        this.maxAttempts = maxAttempts;
        this.initial = initial;
        this.max = max;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    Duration max() {
        return max;
    }

    /** The exponential wait after the given failed attempt (1-based): initial, 2 x initial, ... at most max. */
    Duration after(int attempt) {
        Duration wait = initial;
        for (int i = 1; i < attempt && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /**
     * The wait a Retry-After header asks for, in delay-seconds or as an HTTP date; empty when the
     * header is absent or unreadable (then the exponential wait applies). A date in the past is no wait.
     */
    static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException e) {
            // not delay-seconds: try the HTTP-date form
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
