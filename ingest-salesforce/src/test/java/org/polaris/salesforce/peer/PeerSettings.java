package org.polaris.salesforce.peer;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The knobs a test turns on a running peer. Fields are volatile or atomic because the
 * test thread writes them while server threads read them.
 */
final class PeerSettings {

    /** API versions served, oldest first (the order GET /services/data lists them). */
    volatile List<String> versions = List.of("63.0", "64.0", "65.0");
    volatile int pageSize = 2000;
    volatile int bulkPollsBeforeComplete = 1;
    volatile int apiLimit = 15000;
    volatile boolean limitExceeded;
    final AtomicInteger apiUsed = new AtomicInteger();

    /** Canned answers for the next instance-server / login-server requests, in order. */
    final Queue<Response> apiFailures = new ConcurrentLinkedQueue<>();
    final Queue<Response> tokenFailures = new ConcurrentLinkedQueue<>();

    String limitInfo() {
        return "api-usage=" + apiUsed.get() + "/" + apiLimit;
    }
}
