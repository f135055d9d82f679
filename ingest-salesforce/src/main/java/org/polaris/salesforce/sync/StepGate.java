package org.polaris.salesforce.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.polaris.ingest.publish.RunPublisher.CommitGate;

/**
 * The gate of a step read ahead: its run may commit once the step before it has ended, and must not
 * when that step stopped the sync. Decided once, by the runner.
 */
final class StepGate implements CommitGate {

    private final CompletableFuture<Boolean> decision = new CompletableFuture<>();

    /** The step before ended and the sync goes on: the run may commit. */
    void open() {
        decision.complete(true);
    }

    /** The sync stops (or ends) before this step: the run is aborted. */
    void refuse() {
        decision.complete(false);
    }

    @Override
    public Optional<Boolean> await(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(decision.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(false);
        }
    }
}
