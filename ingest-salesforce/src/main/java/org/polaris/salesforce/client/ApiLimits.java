package org.polaris.salesforce.client;

import java.net.http.HttpResponse;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The org's API request usage as Salesforce reports it on every response
 * ({@code Sforce-Limit-Info: api-usage=18/15000}): shown in each run's summary and as a metric.
 */
public final class ApiLimits {

    private static final Pattern API_USAGE = Pattern.compile("(?:^|[,;\\s])api-usage=(\\d+)/(\\d+)");

    private volatile int used = -1;
    private volatile int max = -1;

    void observe(HttpResponse<?> response) {
        response.headers().firstValue("Sforce-Limit-Info").ifPresent(this::observe);
    }

    void observe(String header) {
        Matcher m = API_USAGE.matcher(header);
        if (m.find()) {
            used = Integer.parseInt(m.group(1));
            max = Integer.parseInt(m.group(2));
        }
    }

    public OptionalInt used() {
        return used < 0 ? OptionalInt.empty() : OptionalInt.of(used);
    }

    public OptionalInt max() {
        return max < 0 ? OptionalInt.empty() : OptionalInt.of(max);
    }

    /** "api-usage=18/15000", or "unknown" before Salesforce said. */
    public String text() {
        return used < 0 ? "unknown" : "api-usage=" + used + "/" + max;
    }
}
