package org.polaris.salesforce.peer;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.LocalSession;
import org.cometd.bayeux.server.SecurityPolicy;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;

/**
 * The Streaming API of the peer: a real Bayeux server (CometD on the instance's Jetty, at
 * {@code /cometd/<version>}) that behaves as Salesforce's does for Change Data Capture.
 * <ul>
 *   <li>The handshake needs a live access token ({@code Authorization: Bearer|OAuth <token>}); a dead one
 *       is refused with {@code 401::Authentication invalid} and advice {@code none}.</li>
 *   <li>The replay extension: a subscribe carries {@code ext.replay = {channel: replayId}}; {@code -1}
 *       new events only, {@code -2} every retained one, an id: the events after it. An id the store no
 *       longer retains (or never had) is refused with Salesforce's
 *       {@code 400::The replayId {n} you provided was invalid...}.</li>
 *   <li>Events are retained per channel up to a bound (Salesforce keeps 72 hours); each has
 *       {@code data.event.replayId} and a CDC {@code data.payload} with its {@code ChangeEventHeader}.</li>
 *   <li>A subscriber gets its channel's events in replay id order, the backlog it asked for before any
 *       newer event, as Salesforce delivers them: each subscriber has a cursor (the id it got last), and
 *       every delivery, of the backlog or of a new event, sends what is after the cursor.</li>
 *   <li>{@link #dropSessions()} forgets every client session: its next {@code /meta/connect} is answered
 *       {@code 403::Unknown client} with advice {@code handshake}, as Salesforce answers.</li>
 * </ul>
 */
public final class StreamingApi {

    static final String INVALID_REPLAY = "400::The replayId {%d} you provided was invalid.  Please provide a valid ID, "
            + "-2 to replay all events, or -1 to replay only new events.";

    private final BayeuxServerImpl bayeux = new BayeuxServerImpl();
    private final Tokens tokens;
    private final Map<String, Deque<Map<String, Object>>> retained = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> replayIds = new ConcurrentHashMap<>();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger refusedReplays = new AtomicInteger();
    private final AtomicLong transactions = new AtomicLong();
    private volatile int retention = 10_000;
    /** Per subscriber session, per channel: the replay id it was delivered last (absent: not confirmed yet). */
    private final Map<ServerSession, Map<String, Long>> cursors = new ConcurrentHashMap<>();
    private volatile LocalSession publisher;

    StreamingApi(Tokens tokens, long longPollTimeoutMs) {
        this.tokens = tokens;
        bayeux.setOption("timeout", longPollTimeoutMs);
        bayeux.setOption("maxInterval", 10_000L);
        // events go out on /meta/connect replies only, one long poll at a time, as Salesforce sends them: on any
        // reply (a subscribe's too), two replies read by two client threads could hand events on out of order
        bayeux.setOption("metaConnectDeliveryOnly", true);
        bayeux.setSecurityPolicy(new Policy());
        bayeux.addExtension(new Replay());
        bayeux.addListener(new BayeuxServer.SessionListener() {
            @Override
            public void sessionRemoved(ServerSession session, ServerMessage message, boolean timeout) {
                cursors.remove(session);
            }
        });
    }

    BayeuxServer bayeux() {
        return bayeux;
    }

    /** How many events each channel retains (oldest dropped first). */
    public void setRetention(int events) {
        this.retention = events;
        retained.values().forEach(d -> {
            synchronized (d) {
                while (d.size() > events) {
                    d.removeFirst();
                }
            }
        });
    }

    /** Handshakes accepted so far. */
    public int handshakes() {
        return handshakes.get();
    }

    /** Subscriptions refused for an invalid replay id so far. */
    public int refusedReplays() {
        return refusedReplays.get();
    }

    /** The newest replay id of a channel (0 before its first event). */
    public long lastReplayId(String channel) {
        return replayIds.computeIfAbsent(channel, c -> new AtomicLong()).get();
    }

    /** The clients connected now. */
    public int sessions() {
        return (int) bayeux.getSessions().stream().filter(s -> !s.isLocalSession()).count();
    }

    /** Forgets every client session, as Salesforce does when it drops one: the client must handshake again. */
    public void dropSessions() {
        for (ServerSession s : bayeux.getSessions()) {
            if (!s.isLocalSession()) {
                bayeux.removeSession(s);
            }
        }
    }

    /**
     * Publishes a change event on a channel ({@code /data/ContactChangeEvent}) and returns its replay id.
     *
     * @param entity the SObject ({@code Contact})
     * @param changeType CREATE, UPDATE, DELETE, UNDELETE, GAP_*, GAP_OVERFLOW
     * @param fields the changed fields and their values (none for DELETE and gap events)
     * @param nulledFields fields set to null
     */
    public long publish(String channel, String entity, String changeType, List<String> recordIds,
            Map<String, Object> fields, List<String> nulledFields, Instant commitTimestamp) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("entityName", entity);
        header.put("recordIds", List.copyOf(recordIds));
        header.put("changeType", changeType);
        header.put("changeOrigin", "com/salesforce/api/soap/60.0;client=polaris-peer");
        long tx = transactions.incrementAndGet();
        header.put("transactionKey", String.format("%08x-%04x-peer", tx, tx & 0xffff));
        header.put("sequenceNumber", 1);
        header.put("commitTimestamp", commitTimestamp.toEpochMilli());
        header.put("commitNumber", 10_000_000L + tx);
        header.put("commitUser", "005000000000000001");
        header.put("changedFields", new ArrayList<>(fields.keySet()));
        header.put("nulledFields", List.copyOf(nulledFields));
        header.put("diffFields", List.of());
        Map<String, Object> payload = new LinkedHashMap<>(fields);
        payload.put("ChangeEventHeader", header);
        return publish(channel, payload);
    }

    /** Publishes a payload as is (the event's replay id is assigned here). */
    public long publish(String channel, Map<String, Object> payload) {
        Deque<Map<String, Object>> store = retained.computeIfAbsent(channel, c -> new ArrayDeque<>());
        Map<String, Object> data = new LinkedHashMap<>();
        synchronized (store) {
            long id = replayIds.computeIfAbsent(channel, c -> new AtomicLong()).incrementAndGet();
            data.put("schema", "polaris-peer-" + channel.substring(channel.lastIndexOf('/') + 1));
            data.put("payload", payload);
            data.put("event", Map.of("replayId", id));
            store.addLast(data);
            while (store.size() > retention) {
                store.removeFirst();
            }
        }
        ServerChannel ch = bayeux.createChannelIfAbsent(channel).getReference();
        for (ServerSession subscriber : ch.getSubscribers()) {
            if (!subscriber.isLocalSession()) {
                catchUp(subscriber, channel);
            }
        }
        return replayId(data);
    }

    private LocalSession publisher() {
        if (publisher == null) {
            synchronized (this) {
                if (publisher == null) {
                    LocalSession s = bayeux.newLocalSession("salesforce");
                    s.handshake();
                    publisher = s;
                }
            }
        }
        return publisher;
    }

    /** The ids a subscribe may ask for: -1, -2, or one whose successor is still retained (or the newest). */
    private boolean valid(String channel, long id) {
        if (id == -1 || id == -2) {
            return true;
        }
        Deque<Map<String, Object>> store = retained.get(channel);
        long newest = lastReplayId(channel);
        if (store == null) {
            return id == 0 && newest == 0;
        }
        synchronized (store) {
            long oldest = store.isEmpty() ? newest + 1 : replayId(store.peekFirst());
            return id >= oldest - 1 && id <= newest;
        }
    }

    private static long replayId(Map<String, Object> data) {
        @SuppressWarnings("unchecked")
        Map<String, Object> event = (Map<String, Object>) data.get("event");
        return ((Number) event.get("replayId")).longValue();
    }

    /**
     * A confirmed subscription's cursor: the events after {@code after} are its to receive ({@code -1}:
     * only those published from now, {@code -2}: every retained one).
     */
    private void confirmed(ServerSession session, String channel, long after) {
        long from;
        if (after == -1) {
            Deque<Map<String, Object>> store = retained.computeIfAbsent(channel, c -> new ArrayDeque<>());
            synchronized (store) { // no event is published between reading the newest id and setting the cursor
                from = lastReplayId(channel);
                cursors.computeIfAbsent(session, x -> new ConcurrentHashMap<>()).put(channel, from);
            }
            return;
        }
        from = after == -2 ? 0 : after;
        Map<String, Long> mine = cursors.computeIfAbsent(session, x -> new ConcurrentHashMap<>());
        synchronized (mine) {
            mine.put(channel, from);
        }
    }

    /** Delivers a subscriber every retained event of the channel after its cursor, in order, and moves the cursor. */
    private void catchUp(ServerSession session, String channel) {
        Map<String, Long> mine = cursors.get(session);
        if (mine == null) {
            return;
        }
        synchronized (mine) {
            Long after = mine.get(channel);
            Deque<Map<String, Object>> store = retained.get(channel);
            if (after == null || store == null) {
                return; // subscribed, but not confirmed yet: its confirmation delivers what it asked for
            }
            List<Map<String, Object>> due = new ArrayList<>();
            synchronized (store) {
                for (Map<String, Object> data : store) {
                    if (replayId(data) > after) {
                        due.add(data);
                    }
                }
            }
            for (Map<String, Object> data : due) {
                session.deliver(publisher(), channel, data, Promise.noop());
                after = replayId(data);
            }
            mine.put(channel, after);
        }
    }

    /** Token-checked handshakes; subscriptions refused for an invalid replay id. */
    private final class Policy implements SecurityPolicy {
        @Override
        public boolean canHandshake(BayeuxServer server, ServerSession session, ServerMessage message) {
            if (session.isLocalSession()) {
                return true;
            }
            String auth = message.getBayeuxContext() == null ? null : message.getBayeuxContext().getHeader("Authorization");
            String token = auth == null ? null : auth.replaceFirst("^(Bearer|OAuth) ", "");
            boolean ok = token != null && tokens.isLive(token);
            if (ok) {
                handshakes.incrementAndGet();
            }
            return ok;
        }

        /** Salesforce's event channels always exist: a subscriber may be the first to name one. */
        @Override
        public boolean canCreate(BayeuxServer server, ServerSession session, String channelId, ServerMessage message) {
            return session != null && (session.isLocalSession() || channelId.startsWith("/data/"));
        }

        @Override
        public boolean canSubscribe(BayeuxServer server, ServerSession session, ServerChannel channel,
                ServerMessage message) {
            Long id = requested(message, channel.getId());
            boolean ok = id == null || valid(channel.getId(), id);
            if (!ok) {
                refusedReplays.incrementAndGet();
                session.setAttribute("replay-refused:" + channel.getId(), id);
            }
            return ok;
        }
    }

    /** The replay id a subscribe message asks for its channel, from {@code ext.replay}. */
    @SuppressWarnings("unchecked")
    static Long requested(ServerMessage message, String channel) {
        Map<String, Object> ext = message.getExt();
        Object replay = ext == null ? null : ext.get("replay");
        if (replay instanceof Map<?, ?> m && m.get(channel) instanceof Number n) {
            return n.longValue();
        }
        return null;
    }

    /** Salesforce's error texts on the meta replies, and the backlog of a subscription that asked for one. */
    private final class Replay implements BayeuxServer.Extension {
        @Override
        public boolean sendMeta(ServerSession session, ServerMessage.Mutable reply) {
            String channel = reply.getChannel();
            Object error = reply.get(org.cometd.bayeux.Message.ERROR_FIELD);
            if (Channel.META_HANDSHAKE.equals(channel) && !reply.isSuccessful()) {
                reply.put(org.cometd.bayeux.Message.ERROR_FIELD, "401::Authentication invalid");
                reply.put(org.cometd.bayeux.Message.ADVICE_FIELD, Map.of("reconnect", "none"));
            } else if (error instanceof String e && e.startsWith("402::")) {
                reply.put(org.cometd.bayeux.Message.ERROR_FIELD, "403::Unknown client");
            } else if (Channel.META_SUBSCRIBE.equals(channel) && session != null) {
                String subscription = String.valueOf(reply.get(org.cometd.bayeux.Message.SUBSCRIPTION_FIELD));
                Object refused = session.getAttribute("replay-refused:" + subscription);
                if (!reply.isSuccessful() && refused != null) {
                    session.removeAttribute("replay-refused:" + subscription);
                    reply.put(org.cometd.bayeux.Message.ERROR_FIELD, String.format(INVALID_REPLAY, (Long) refused));
                } else if (reply.isSuccessful()) {
                    ServerMessage.Mutable request = reply.getAssociated();
                    Long after = request == null ? null : requested(request, subscription);
                    ServerSession s = session;
                    confirmed(s, subscription, after == null ? -1 : after);
                    // after the reply is on its way: the backlog follows the confirmation, as Salesforce sends it
                    Thread t = new Thread(() -> catchUp(s, subscription), "peer-replay");
                    t.setDaemon(true);
                    t.start();
                }
            }
            return true;
        }
    }
}
