package org.polaris.salesforce.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSession;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.eclipse.jetty.client.HttpClient;
import org.jboss.logging.Logger;
import org.polaris.salesforce.auth.Token;
import org.polaris.salesforce.client.SalesforceClient;

/**
 * A Streaming API subscription to Change Data Capture channels over CometD (Bayeux long polling) at
 * {@code <instance_url>/cometd/<api version>}, with the OAuth access token and Salesforce's replay
 * extension.
 * <ul>
 *   <li>Each subscribe asks for the events after the channel's stored replay id ({@link ReplayStore}: the
 *       last one acknowledged downstream), or {@code -1} (new events) when there is none.</li>
 *   <li>The server's advice is followed by the CometD client (retry, handshake, none); after every
 *       successful handshake every channel is subscribed again (a re-handshake drops subscriptions).</li>
 *   <li>A refused handshake ({@code 401}, {@code 403::Handshake denied}: the session expired) signs in
 *       again and handshakes again, backing off up to {@link #MAX_BACKOFF}.</li>
 *   <li>A stored replay id the server no longer retains ({@code 400::The replayId ... was invalid}) is
 *       reported to the listener, which must heal the gap, and the channel is subscribed from {@code -1}.</li>
 *   <li>Guard against the known failure where a re-handshake "succeeds" and no event arrives again: a
 *       session is healthy only while each channel's {@code /meta/subscribe} was confirmed and
 *       {@code /meta/connect} keeps completing; otherwise the client is torn down and started again.</li>
 *   <li>An event is handed to the listener once per channel and replay id (a replayed backlog that
 *       overlaps what was already handed on is dropped here).</li>
 * </ul>
 * The listener must not lose an event it was handed: it stores the replay id once the event is safe.
 */
public final class StreamSubscriber implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StreamSubscriber.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** Where each channel's last safe replay id is kept. */
    public interface ReplayStore {
        OptionalLong replayId(String channel);
    }

    /** What the subscription hands on. */
    public interface Listener {
        /** An event, in replay order per channel: {@code payload} holds the fields and the ChangeEventHeader. */
        void onEvent(String channel, long replayId, Map<String, Object> payload);

        /** The server refused the stored replay id (older than its retention): the events after it must be read back. */
        void onReplayRefused(String channel, long refusedReplayId, String error);
    }

    /** A channel's state as the status shows it. */
    public record ChannelStatus(String channel, boolean subscribed, long lastReplayId, Instant lastEventAt,
            String lastError) {
    }

    private final SalesforceClient salesforce;
    private final List<String> channels;
    private final ReplayStore replays;
    private final Listener listener;
    private final Duration healthTimeout;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "salesforce-stream");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Long> delivered = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastEventAt = new ConcurrentHashMap<>();
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private final Set<String> fromNew = ConcurrentHashMap.newKeySet();
    private final Map<String, String> lastError = new ConcurrentHashMap<>();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile HttpClient http;
    private volatile BayeuxClient bayeux;
    private volatile Token token;
    private volatile Instant lastConnect = Instant.now();
    private volatile Instant handshakeAt = Instant.now();
    private volatile int refusedHandshakes;
    private volatile boolean closed;
    private final int maxMessageBytes;
    /** A reply was lost in transit: this client hands nothing more on (its replacement resumes after the last handed on). */
    private volatile boolean broken;
    private final Object handOn = new Object();

    /**
     * @param channels CDC channels ({@code /data/ContactChangeEvent}, or {@code /data/ChangeEvents})
     * @param healthTimeout how long {@code /meta/connect} may go without completing (more than the server's
     *        long-poll timeout) and a subscription without its confirmation before the client starts again
     */
    public StreamSubscriber(SalesforceClient salesforce, List<String> channels, ReplayStore replays, Listener listener,
            Duration healthTimeout) {
        this(salesforce, channels, replays, listener, healthTimeout, 10 * 1024 * 1024);
    }

    /** @param maxMessageBytes the largest {@code /meta/connect} reply read (every event queued for the client) */
    public StreamSubscriber(SalesforceClient salesforce, List<String> channels, ReplayStore replays, Listener listener,
            Duration healthTimeout, int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
        this.salesforce = salesforce;
        this.channels = List.copyOf(channels);
        this.replays = replays;
        this.listener = listener;
        this.healthTimeout = healthTimeout;
    }

    /** Connects and subscribes; returns at once (the subscription runs on CometD's threads). */
    public synchronized void start() {
        token = salesforce.currentSession();
        connect();
        long every = Math.max(200, healthTimeout.toMillis() / 4);
        scheduler.scheduleWithFixedDelay(this::checkHealth, every, every, TimeUnit.MILLISECONDS);
    }

    /** The Bayeux endpoint of the session's instance. */
    String endpoint() {
        return token.instanceUrl() + "/cometd/" + salesforce.apiVersion();
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        try {
            HttpClient h = new HttpClient();
            h.start();
            http = h;
        } catch (Exception e) {
            throw new IllegalStateException("the Streaming API's HTTP client did not start", e);
        }
        Map<String, Object> options = new HashMap<>();
        options.put(org.cometd.client.transport.ClientTransport.MAX_MESSAGE_SIZE_OPTION, maxMessageBytes);
        JettyHttpClientTransport transport = new JettyHttpClientTransport(options, http) {
            @Override
            protected void customize(org.eclipse.jetty.client.Request request) {
                super.customize(request);
                request.headers(h -> h.put("Authorization", "Bearer " + token.accessToken()));
            }
        };
        BayeuxClient client = new BayeuxClient(endpoint(), transport);
        broken = false;
        client.addTransportListener(new org.cometd.client.transport.TransportListener() {
            @Override
            public void onMessages(List<Message.Mutable> messages) {
                arrived(client, messages);
            }
        });
        client.addExtension(new ReplayExtension());
        client.getChannel(Channel.META_HANDSHAKE).addListener((ClientSessionChannel.MessageListener) this::handshaken);
        client.getChannel(Channel.META_CONNECT).addListener((ClientSessionChannel.MessageListener) (c, m) -> {
            if (m.isSuccessful()) {
                lastConnect = Instant.now();
            } else if (failedInTransit(m)) {
                // the reply was sent and could not be read (too large, cut off): the events it carried are gone
                // with it, and the next reply's would be handed on after them; start again from the last event
                // handed on, so the server sends them again
                String why = "a /meta/connect reply could not be read (" + failure(m) + "): started again from the last "
                        + "event handed on";
                broken = true; // nothing after the lost events is handed on: they come first when it starts again
                channels.forEach(ch -> lastError.put(ch, why));
                scheduler.execute(() -> restart(why));
            }
        });
        client.getChannel(Channel.META_SUBSCRIBE).addListener((ClientSessionChannel.MessageListener) this::subscribeReply);
        subscribed.clear();
        bayeux = client;
        handshakeAt = Instant.now();
        lastConnect = Instant.now();
        client.handshake();
    }

    private void handshaken(ClientSessionChannel channel, Message m) {
        if (m.isSuccessful()) {
            handshakes.incrementAndGet();
            refusedHandshakes = 0;
            handshakeAt = Instant.now();
            subscribed.clear();
            BayeuxClient client = bayeux;
            client.batch(() -> channels.forEach(ch -> client.getChannel(ch).subscribe(this::event)));
            return;
        }
        String error = String.valueOf(m.get(Message.ERROR_FIELD));
        channels.forEach(ch -> lastError.put(ch, "handshake refused: " + error));
        if (error.startsWith("401") || error.startsWith("403::Handshake denied")) {
            int attempt = ++refusedHandshakes;
            long delay = Math.min(MAX_BACKOFF.toMillis(), 250L << Math.min(attempt - 1, 7));
            LOG.infof("Salesforce refused the Streaming API handshake (%s): signing in again, handshake in %d ms",
                    error, delay);
            scheduler.schedule(() -> {
                try {
                    token = salesforce.renewSession(token);
                } catch (RuntimeException e) {
                    LOG.warnf("signing in again for the Streaming API failed: %s", e.getMessage());
                }
                restart("handshake refused");
            }, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void subscribeReply(ClientSessionChannel meta, Message m) {
        String subscription = String.valueOf(m.get(Message.SUBSCRIPTION_FIELD));
        if (m.isSuccessful()) {
            subscribed.add(subscription);
            lastError.remove(subscription);
            return;
        }
        String error = String.valueOf(m.get(Message.ERROR_FIELD));
        lastError.put(subscription, error);
        if (error.startsWith("400::The replayId")) {
            long refused = replays.replayId(subscription).orElse(-1);
            LOG.warnf("Salesforce no longer retains the events after replay id %d of %s: subscribing for new events "
                    + "and reading the gap back", refused, subscription);
            fromNew.add(subscription);
            delivered.remove(subscription);
            listener.onReplayRefused(subscription, refused, error);
            BayeuxClient client = bayeux;
            client.getChannel(subscription).subscribe(this::event);
        }
    }

    /** A channel's listener: the events are handed on as their replies arrive ({@link #arrived}), not here. */
    private void event(ClientSessionChannel channel, Message m) {
    }

    /**
     * A reply's messages, as they arrived, before the client processes them: its events are handed on
     * here, in the reply's order. The client sends the next {@code /meta/connect} only once it has
     * processed this reply, so replies (and their events) are handed on in the order the server sent
     * them; handing them on from the channels' listeners instead let two replies' events interleave when
     * the client processed them on two threads (measured: a backlog's events after newer ones, and so
     * skipped as already handed on).
     */
    private void arrived(BayeuxClient client, List<Message.Mutable> messages) {
        synchronized (handOn) {
            for (Message m : messages) {
                String ch = m.getChannel();
                if (ch != null && !ch.startsWith("/meta/") && channels.contains(ch) && m.getData() != null) {
                    handOn(client, ch, m);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void handOn(BayeuxClient client, String ch, Message m) {
        Map<String, Object> data = m.getDataAsMap();
        Map<String, Object> event = data == null ? null : (Map<String, Object>) data.get("event");
        if (event == null || !(event.get("replayId") instanceof Number id)) {
            LOG.warnf("an event on %s without a replay id was ignored", ch);
            return;
        }
        if (broken || client != bayeux) {
            return; // a client being replaced: its replacement resumes after the last event handed on
        }
        long replayId = id.longValue();
        Long last = delivered.get(ch);
        if (last != null && replayId <= last) {
            return; // already handed on (a backlog replayed after a reconnect)
        }
        delivered.put(ch, replayId);
        lastEventAt.put(ch, Instant.now());
        listener.onEvent(ch, replayId, (Map<String, Object>) data.get("payload"));
    }

    /** A reply the transport failed on (an exception, no server error): its events, if any, were lost in transit. */
    @SuppressWarnings("unchecked")
    private static boolean failedInTransit(Message m) {
        return m.get(Message.ERROR_FIELD) == null && m.get("failure") instanceof Map<?, ?> f
                && ((Map<String, Object>) f).get("exception") instanceof Throwable;
    }

    @SuppressWarnings("unchecked")
    private static String failure(Message m) {
        Object e = ((Map<String, Object>) m.get("failure")).get("exception");
        return e.getClass().getSimpleName() + (((Throwable) e).getMessage() == null ? "" : ": " + ((Throwable) e).getMessage());
    }

    /** Starts again when the session looks alive but is not: no connect completing, or a subscription unconfirmed. */
    private void checkHealth() {
        if (closed) {
            return;
        }
        Instant now = Instant.now();
        boolean connectStale = lastConnect.plus(healthTimeout).isBefore(now);
        boolean unconfirmed = subscribed.size() < channels.size() && handshakeAt.plus(healthTimeout).isBefore(now);
        if ((connectStale || unconfirmed) && refusedHandshakes == 0) {
            restart(connectStale ? "no /meta/connect completed in " + healthTimeout
                    : "subscriptions not confirmed within " + healthTimeout);
        }
    }

    private synchronized void restart(String why) {
        if (closed) {
            return;
        }
        restarts.incrementAndGet();
        LOG.infof("Streaming API client started again: %s", why);
        stopClient();
        connect();
    }

    private void stopClient() {
        BayeuxClient b = bayeux;
        if (b != null) {
            b.disconnect();
        }
        HttpClient h = http;
        if (h != null) {
            try {
                h.stop();
            } catch (Exception e) {
                LOG.debugf("stopping the Streaming API's HTTP client: %s", e.getClass().getName());
            }
        }
    }

    /** Successful handshakes so far (the first and every re-handshake). */
    public int handshakes() {
        return handshakes.get();
    }

    /** Times the client was torn down and started again (refused handshakes, an unhealthy session). */
    public int restarts() {
        return restarts.get();
    }

    /** Every channel, subscribed or not and why, with its last replay id handed on. */
    public List<ChannelStatus> status() {
        return channels.stream().map(ch -> new ChannelStatus(ch, subscribed.contains(ch),
                delivered.getOrDefault(ch, replays.replayId(ch).orElse(-1)), lastEventAt.get(ch), lastError.get(ch)))
                .toList();
    }

    @Override
    public synchronized void close() {
        closed = true;
        scheduler.shutdownNow();
        stopClient();
    }

    /**
     * Salesforce's replay extension: each subscribe says where the channel resumes, {@code ext.replay =
     * {channel: id}}: after the id last handed on in this process, else the stored one, else {@code -1}.
     */
    private final class ReplayExtension implements ClientSession.Extension {
        @Override
        public boolean sendMeta(ClientSession session, Message.Mutable message) {
            if (Channel.META_SUBSCRIBE.equals(message.getChannel())) {
                String subscription = String.valueOf(message.get(Message.SUBSCRIPTION_FIELD));
                long from = fromNew.remove(subscription) ? -1
                        : delivered.containsKey(subscription) ? delivered.get(subscription)
                        : replays.replayId(subscription).orElse(-1);
                Map<String, Object> replay = new LinkedHashMap<>();
                replay.put(subscription, from);
                message.getExt(true).put("replay", replay);
            }
            return true;
        }
    }
}
