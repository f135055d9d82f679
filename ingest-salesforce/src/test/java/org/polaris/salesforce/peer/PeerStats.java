package org.polaris.salesforce.peer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of what the peer itself did, so a benchmark can tell the client's throughput
 * from the peer's: if the peer spent most of the wall time serving, the number measured
 * the peer. {@link #servingNanos()} is busy time summed over all serving threads.
 */
public final class PeerStats {

    private final AtomicLong tokenRequests = new AtomicLong();
    private final AtomicLong apiRequests = new AtomicLong();
    private final AtomicLong recordsServed = new AtomicLong();
    private final AtomicLong bytesServed = new AtomicLong();
    private final AtomicLong servingNanos = new AtomicLong();

    /** Requests to the login server (any outcome). */
    public long tokenRequests() {
        return tokenRequests.get();
    }

    /** Requests to the instance server (any outcome, including 401s and 403s). */
    public long apiRequests() {
        return apiRequests.get();
    }

    /** Data records in response bodies: REST query pages plus Bulk CSV rows (header rows excluded). */
    public long recordsServed() {
        return recordsServed.get();
    }

    /** Response body bytes of both servers. */
    public long bytesServed() {
        return bytesServed.get();
    }

    /** Time spent from reading a request to having written its response, summed over threads. */
    public long servingNanos() {
        return servingNanos.get();
    }

    /** Records served per second of serving time: the peer's own ceiling for a benchmark. */
    public double recordsPerServingSecond() {
        long nanos = servingNanos.get();
        return nanos == 0 ? 0 : recordsServed.get() * 1e9 / nanos;
    }

    public void reset() {
        tokenRequests.set(0);
        apiRequests.set(0);
        recordsServed.set(0);
        bytesServed.set(0);
        servingNanos.set(0);
    }

    void countTokenRequest() {
        tokenRequests.incrementAndGet();
    }

    void countApiRequest() {
        apiRequests.incrementAndGet();
    }

    void served(long records, long bytes, long nanos) {
        recordsServed.addAndGet(records);
        bytesServed.addAndGet(bytes);
        servingNanos.addAndGet(nanos);
    }

    @Override
    public String toString() {
        return "PeerStats[tokenRequests=" + tokenRequests() + ", apiRequests=" + apiRequests()
                + ", recordsServed=" + recordsServed() + ", bytesServed=" + bytesServed()
                + ", servingNanos=" + servingNanos() + "]";
    }
}
