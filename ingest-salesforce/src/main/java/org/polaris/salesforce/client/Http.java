package org.polaris.salesforce.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * Sends a request with bounded retries: a connection failure or a 5xx is tried again after an
 * exponential backoff (Retry-After honoured when Salesforce sends one), at most {@code attempts}
 * times in all; any other answer is returned to the caller, which knows what it means. URLs are
 * logged without their query (a SOQL condition may hold a value).
 */
final class Http {

    private static final Logger LOG = Logger.getLogger(Http.class);

    private final HttpClient client;
    private final int attempts;
    private final Duration backoff;

    Http(HttpClient client, int attempts, Duration backoff) {
        this.client = client;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
    }

    HttpResponse<String> text(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<InputStream> stream(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        Duration wait = backoff;
        String where = request.method() + " " + request.uri().getPath();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<T> response = client.send(request, handler);
                if (response.statusCode() < 500 || attempt >= attempts) {
                    return response;
                }
                discard(response);
                Duration retryAfter = retryAfter(response).orElse(wait);
                LOG.warnf("Salesforce answered %d to %s (attempt %d of %d): trying again in %d ms",
                        response.statusCode(), where, attempt, attempts, retryAfter.toMillis());
                sleep(retryAfter);
            } catch (IOException e) {
                if (attempt >= attempts) {
                    throw new SalesforceException(SalesforceException.Reason.FAILED, "could not reach Salesforce at "
                            + request.uri().getScheme() + "://" + request.uri().getAuthority() + " (" + where + ") after "
                            + attempts + " attempts: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
                }
                LOG.warnf("%s failed (attempt %d of %d, %s): trying again in %d ms", where, attempt, attempts,
                        e.getClass().getSimpleName(), wait.toMillis());
                sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SalesforceException(SalesforceException.Reason.FAILED, "interrupted while calling Salesforce", e);
            }
            wait = wait.multipliedBy(2);
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.min(Long.parseLong(v.trim()), 120)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static void discard(HttpResponse<?> response) {
        if (response.body() instanceof InputStream in) {
            try {
                in.close();
            } catch (IOException e) {
                // nothing to keep from a body we drop
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceException(SalesforceException.Reason.FAILED, "interrupted while waiting to retry", e);
        }
    }
}
