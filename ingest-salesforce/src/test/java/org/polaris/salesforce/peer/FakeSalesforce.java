package org.polaris.salesforce.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A local Salesforce for tests of a real client: a login server answering the OAuth token
 * endpoint and an instance server answering the REST query API, Bulk API 2.0 queries and the
 * Streaming API ({@link StreamingApi}, Bayeux on Jetty),
 * both over real sockets on 127.0.0.1 and in Salesforce's wire formats.
 *
 * <p>Two servers rather than one because real clients must use the {@code instance_url}
 * the token response names, not the login host; a client that ignores it fails here too.
 *
 * <pre>
 * try (FakeSalesforce sf = FakeSalesforce.start()) {
 *     sf.acceptClient("id", "secret");
 *     GeneratedOrg.fill(sf.org(), 1_000, 42);
 *     ... point the client at sf.loginUrl() ...
 * }
 * </pre>
 */
public final class FakeSalesforce implements AutoCloseable {

    private final Org org;
    private final PeerSettings settings = new PeerSettings();
    private final PeerStats stats = new PeerStats();
    private final Credentials credentials = new Credentials();
    private final Tokens tokens = new Tokens();
    private final List<String> grantsUsed = new CopyOnWriteArrayList<>();
    private final ExecutorService executor;
    private final HttpServer loginServer;
    private final JettyInstance instanceServer;
    private final StreamingApi streaming;

    private FakeSalesforce(Org org, int loginPort, int instancePort) throws IOException {
        this.org = org;
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        loginServer = HttpServer.create(new InetSocketAddress(loopback, loginPort), 64);

        TokenEndpoint tokenEndpoint = new TokenEndpoint(credentials, tokens, settings,
                this::loginUrl, this::instanceUrl, grantsUsed);
        InstanceApi api = new InstanceApi(settings, tokens,
                new RestQueries(org, settings), new BulkQueries(org, settings));
        loginServer.createContext("/", new PeerHandler(tokenEndpoint::handle, stats, stats::countTokenRequest));
        loginServer.setExecutor(executor);
        loginServer.start();
        streaming = new StreamingApi(tokens, 2_000);
        try {
            instanceServer = new JettyInstance(instancePort, api::handle, stats, streaming);
        } catch (Exception e) {
            loginServer.stop(0);
            throw new IOException("the peer's instance server did not start", e);
        }
    }

    /** A peer over a new, empty org. */
    public static FakeSalesforce start() {
        return start(new Org());
    }

    /** A peer over an existing org, e.g. one filled once by {@link GeneratedOrg} and shared by tests. */
    public static FakeSalesforce start(Org org) {
        return start(org, 0, 0);
    }

    /**
     * A peer on given ports: an application configured before the peer exists (a shared Quarkus boot)
     * is pointed at {@code http://127.0.0.1:<loginPort>}, and each test starts its own peer there.
     */
    public static FakeSalesforce start(Org org, int loginPort, int instancePort) {
        try {
            return new FakeSalesforce(org, loginPort, instancePort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The login host, e.g. {@code http://127.0.0.1:41234} (no trailing slash; also the JWT audience). */
    public String loginUrl() {
        return "http://127.0.0.1:" + loginServer.getAddress().getPort();
    }

    /** The instance host the token response points clients to. */
    public String instanceUrl() {
        return "http://127.0.0.1:" + instanceServer.port();
    }

    public Org org() {
        return org;
    }

    /** The Streaming API (Change Data Capture over Bayeux at {@code <instance_url>/cometd/<version>}). */
    public StreamingApi streaming() {
        return streaming;
    }

    // ---- changes: applied to the org and published on its Change Data Capture channel ----

    /** The CDC channel of an SObject: Contact → /data/ContactChangeEvent, Session__c → /data/Session__ChangeEvent. */
    public static String channelOf(String sobject) {
        return "/data/" + (sobject.endsWith("__c") ? sobject.substring(0, sobject.length() - 1) : sobject) + "ChangeEvent";
    }

    /** Creates a record and publishes its CREATE event; returns its id. */
    public String create(String sobject, Map<String, Object> fields) {
        String id = org.insert(sobject, fields);
        streaming.publish(channelOf(sobject), sobject, "CREATE", List.of(id), fields, List.of(), org.clock());
        return id;
    }

    /** Changes fields of a record and publishes the UPDATE event (the changed fields only; nulls as nulledFields). */
    public long change(String sobject, String id, Map<String, Object> fields) {
        org.update(sobject, id, fields);
        Map<String, Object> set = new java.util.LinkedHashMap<>();
        List<String> nulled = new java.util.ArrayList<>();
        fields.forEach((k, v) -> {
            if (v == null) {
                nulled.add(k);
            } else {
                set.put(k, v);
            }
        });
        return streaming.publish(channelOf(sobject), sobject, "UPDATE", List.of(id), set, nulled, org.clock());
    }

    /** Deletes a record (to the recycle bin) and publishes the DELETE event. */
    public long remove(String sobject, String id) {
        org.delete(sobject, id);
        return streaming.publish(channelOf(sobject), sobject, "DELETE", List.of(id), Map.of(), List.of(), org.clock());
    }

    /** Undeletes a record and publishes the UNDELETE event. */
    public long restore(String sobject, String id) {
        org.undelete(sobject, id);
        return streaming.publish(channelOf(sobject), sobject, "UNDELETE", List.of(id), Map.of(), List.of(), org.clock());
    }

    public PeerStats stats() {
        return stats;
    }

    // ---- credentials -------------------------------------------------------------------

    /** A connected app for the client credentials flow (and the client half of the password flow). */
    public FakeSalesforce acceptClient(String clientId, String clientSecret) {
        credentials.acceptClient(clientId, clientSecret);
        return this;
    }

    /** A user for the password flow, which sends {@code password + securityToken} as the password. */
    public FakeSalesforce acceptUser(String username, String password, String securityToken) {
        credentials.acceptUser(username, password, securityToken);
        return this;
    }

    /** A connected app + user for the JWT bearer flow, verified with the certificate's public key. */
    public FakeSalesforce acceptJwt(String clientId, String username, RSAPublicKey key) {
        credentials.acceptJwt(clientId, username, key);
        return this;
    }

    /** The grant_type of every token issued so far, in order (failed attempts are not listed). */
    public List<String> grantsUsed() {
        return List.copyOf(grantsUsed);
    }

    // ---- test controls -----------------------------------------------------------------

    /** Every token issued so far stops working; new tokens work. */
    public void expireTokens() {
        tokens.expireAll();
    }

    /** The current tokens serve {@code n} more API requests, then expire (session timeout mid-run). */
    public void expireTokensAfter(int n) {
        tokens.expireAfter(n);
    }

    /** The next instance-server request answers this status and JSON body instead (queued, one per call). */
    public void failNext(int status, String jsonBody) {
        settings.apiFailures.add(Response.bytes(status, Response.JSON_TYPE, jsonBody.getBytes(StandardCharsets.UTF_8)));
    }

    /** The next token request answers this status and JSON body instead (queued, one per call). */
    public void failNextToken(int status, String jsonBody) {
        settings.tokenFailures.add(Response.bytes(status, Response.JSON_TYPE, jsonBody.getBytes(StandardCharsets.UTF_8)));
    }

    public void setApiLimit(int limit) {
        settings.apiLimit = limit;
    }

    /** API requests counted so far (the {@code used} of {@code Sforce-Limit-Info}). */
    public int apiUsage() {
        return settings.apiUsed.get();
    }

    /** Starts the usage counter elsewhere, e.g. just below the limit. */
    public void setApiUsage(int used) {
        settings.apiUsed.set(used);
    }

    /** While true every authorized API request answers 403 REQUEST_LIMIT_EXCEEDED. */
    public void limitExceeded(boolean exceeded) {
        settings.limitExceeded = exceeded;
    }

    /** API versions served, e.g. "64.0", "65.0"; listed oldest first as Salesforce does. */
    public void setVersions(String... versions) {
        settings.versions = Arrays.stream(versions)
                .sorted(Comparator.comparingDouble(Double::parseDouble))
                .toList();
    }

    /** REST query page size (default 2000, Salesforce's). */
    public void setPageSize(int pageSize) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("page size must be positive: " + pageSize);
        }
        settings.pageSize = pageSize;
    }

    /** Status polls a Bulk job answers InProgress before JobComplete (default 1; applies to new jobs). */
    public void setBulkPollsBeforeComplete(int polls) {
        settings.bulkPollsBeforeComplete = polls;
    }

    @Override
    public void close() {
        loginServer.stop(0);
        try {
            instanceServer.close();
        } catch (Exception e) {
            throw new IllegalStateException("the peer's instance server did not stop", e);
        }
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "fake-salesforce-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
