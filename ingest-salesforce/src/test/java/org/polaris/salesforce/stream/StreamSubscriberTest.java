package org.polaris.salesforce.stream;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polaris.salesforce.TestConfig;
import org.polaris.salesforce.client.SalesforceClient;
import org.polaris.salesforce.peer.FakeSalesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The subscriber against the peer's Bayeux server (CometD on Jetty) over real sockets. */
class StreamSubscriberTest {

    private static final String CONTACTS = "/data/ContactChangeEvent";
    private static final String SESSIONS = "/data/Session__ChangeEvent";

    private FakeSalesforce sf;
    private SalesforceClient client;
    private final Map<String, Long> stored = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final List<StreamSubscriber> subscribers = new ArrayList<>();

    @BeforeEach
    void start() {
        sf = FakeSalesforce.start();
        sf.acceptClient("polaris-app", "s3cret");
        TestConfig config = new TestConfig();
        config.loginUrl = sf.loginUrl();
        config.clientId = "polaris-app";
        config.clientSecret = "s3cret";
        client = new SalesforceClient(config, HttpClient.newHttpClient());
    }

    @AfterEach
    void stop() {
        subscribers.forEach(StreamSubscriber::close);
        sf.close();
    }

    private StreamSubscriber subscribe(String... channels) {
        return subscribe(10 * 1024 * 1024, channels);
    }

    private StreamSubscriber subscribe(int maxMessageBytes, String... channels) {
        StreamSubscriber s = new StreamSubscriber(client, List.of(channels),
                ch -> stored.containsKey(ch) ? OptionalLong.of(stored.get(ch)) : OptionalLong.empty(),
                new StreamSubscriber.Listener() {
                    @Override
                    public void onEvent(String channel, long replayId, Map<String, Object> payload) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> header = (Map<String, Object>) payload.get("ChangeEventHeader");
                        received.add(channel + " " + replayId + " " + header.get("changeType") + " " + header.get("recordIds"));
                        stored.put(channel, replayId); // acknowledged at once here
                    }

                    @Override
                    public void onReplayRefused(String channel, long refusedReplayId, String error) {
                        refused.add(channel + " " + refusedReplayId + " " + error);
                    }
                }, Duration.ofSeconds(5), maxMessageBytes);
        subscribers.add(s);
        s.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> s.status().stream().allMatch(StreamSubscriber.ChannelStatus::subscribed));
        return s;
    }

    private long update(String channel, String id) {
        return sf.streaming().publish(channel, "Contact", "UPDATE", List.of(id), Map.of("Department", "Science"), List.of(),
                Instant.parse("2026-12-01T12:00:00Z"));
    }

    @Test
    void eventsArriveInReplayOrderOnEveryChannelWithTheAccessToken() {
        StreamSubscriber s = subscribe(CONTACTS, SESSIONS);
        update(CONTACTS, "003000000000000001");
        sf.streaming().publish(SESSIONS, "Session__c", "DELETE", List.of("a0A000000000000001", "a0A000000000000002"),
                Map.of(), List.of(), Instant.parse("2026-12-01T12:00:01Z"));
        update(CONTACTS, "003000000000000002");

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
        assertThat(received).containsExactlyInAnyOrder(CONTACTS + " 1 UPDATE [003000000000000001]",
                CONTACTS + " 2 UPDATE [003000000000000002]",
                SESSIONS + " 1 DELETE [a0A000000000000001, a0A000000000000002]");
        assertThat(received.indexOf(CONTACTS + " 1 UPDATE [003000000000000001]"))
                .isLessThan(received.indexOf(CONTACTS + " 2 UPDATE [003000000000000002]"));
        assertThat(s.handshakes()).isEqualTo(1);
        assertThat(sf.streaming().handshakes()).isEqualTo(1);
    }

    @Test
    void aRestartResumesAfterTheStoredReplayIdAndHandsNothingOnTwice() {
        for (int i = 1; i <= 5; i++) {
            update(CONTACTS, "00300000000000000" + i);
        }
        stored.put(CONTACTS, 3L); // events 1-3 were safe before the restart
        subscribe(CONTACTS);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        update(CONTACTS, "003000000000000006");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
        assertThat(received).containsExactly(CONTACTS + " 4 UPDATE [003000000000000004]",
                CONTACTS + " 5 UPDATE [003000000000000005]", CONTACTS + " 6 UPDATE [003000000000000006]");
    }

    @Test
    void aResumingSubscriberGetsItsBacklogBeforeAnyNewerEventWhileEventsKeepComing() throws Exception {
        for (int i = 1; i <= 3000; i++) {
            update(CONTACTS, String.format("003%015d", i));
        }
        stored.put(CONTACTS, 100L);
        // events keep being published while the subscription confirms and its backlog is sent
        Thread publisher = new Thread(() -> {
            for (int i = 3001; i <= 3300; i++) {
                update(CONTACTS, String.format("003%015d", i));
                try {
                    Thread.sleep(3); // a steady stream across the handshake, the subscribe and the backlog
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        publisher.start();
        subscribe(CONTACTS);
        publisher.join();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(received.size() + " " + subscribers.get(0).status() + " hs=" + subscribers.get(0).handshakes() + " restarts=" + subscribers.get(0).restarts()).startsWith("3200 "));
        // every event after the stored id, once, in replay id order: none newer than the backlog came first
        List<Long> ids = received.stream().map(r -> Long.parseLong(r.split(" ")[1])).toList();
        assertThat(ids).hasSize(3200).isSorted().doesNotHaveDuplicates();
        assertThat(ids.get(0)).isEqualTo(101L);
        assertThat(ids.get(3199)).isEqualTo(3300L);
    }

    @Test
    void aReplyTooLargeToReadIsNeverSkippedTheSubscriptionStartsAgainFromTheLastEventHandedOn() {
        for (int i = 1; i <= 400; i++) {
            update(CONTACTS, String.format("003%015d", i));
        }
        stored.put(CONTACTS, 100L);
        StreamSubscriber s = subscribe(16 * 1024, CONTACTS); // the backlog's reply is ~150 KB

        await().atMost(Duration.ofSeconds(20)).until(() -> s.restarts() >= 2);
        // what was handed on is every event from the stored id on, with no gap: an unreadable reply's events
        // were never skipped, the subscription started again from the last event handed on
        List<Long> ids = received.stream().map(r -> Long.parseLong(r.split(" ")[1])).toList();
        for (int i = 0; i < ids.size(); i++) {
            assertThat(ids.get(i)).isEqualTo(101L + i);
        }
    }

    @Test
    void aReplayIdTheServerNoLongerRetainsIsReportedAndTheChannelResumesWithNewEvents() {
        sf.streaming().setRetention(3);
        for (int i = 1; i <= 6; i++) {
            update(CONTACTS, "00300000000000000" + i);
        }
        stored.put(CONTACTS, 1L); // 2 was dropped from retention: the events after 1 cannot be replayed
        subscribe(CONTACTS);

        assertThat(refused).containsExactly(CONTACTS + " 1 400::The replayId {1} you provided was invalid.  Please "
                + "provide a valid ID, -2 to replay all events, or -1 to replay only new events.");
        update(CONTACTS, "003000000000000007");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        assertThat(received).containsExactly(CONTACTS + " 7 UPDATE [003000000000000007]");
        assertThat(sf.streaming().refusedReplays()).isEqualTo(1);
    }

    @Test
    void anUnknownClientReHandshakesResubscribesAndEventsFlowAgain() {
        StreamSubscriber s = subscribe(CONTACTS);
        update(CONTACTS, "003000000000000001");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);

        sf.streaming().dropSessions(); // the next /meta/connect: 403::Unknown client, advice handshake
        await().atMost(Duration.ofSeconds(20)).until(() -> s.handshakes() == 2
                && s.status().get(0).subscribed());
        update(CONTACTS, "003000000000000002");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(received).containsExactly(CONTACTS + " 1 UPDATE [003000000000000001]",
                CONTACTS + " 2 UPDATE [003000000000000002]");
    }

    @Test
    void anExpiredSessionSignsInAgainAndTheStreamGoesOn() {
        StreamSubscriber s = subscribe(CONTACTS);
        int grants = sf.grantsUsed().size();
        sf.expireTokens();
        sf.streaming().dropSessions(); // the re-handshake with the old token is refused: 401

        await().atMost(Duration.ofSeconds(20)).until(() -> s.handshakes() == 2 && s.status().get(0).subscribed());
        assertThat(sf.grantsUsed().size()).as("signed in again").isGreaterThan(grants);
        update(CONTACTS, "003000000000000003");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        assertThat(received).containsExactly(CONTACTS + " 1 UPDATE [003000000000000003]");
    }
}
