package org.polaris.salesforce;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Salesforce settings. The credentials come from the environment (the {@code SF_*} variables this
 * module's {@code microprofile-config.properties} maps) or from configuration, never from code; the
 * objects, their selections and their fields are configuration too ({@link #objects()}), so an org
 * whose fields differ is served by changing settings, not the program.
 */
@ConfigMapping(prefix = "polaris.salesforce")
public interface SalesforceConfig {

    /** Where {@code /services/oauth2/token} is called (SF_LOGIN_URL); every later call goes to the token's instance_url. */
    @WithDefault("https://login.salesforce.com")
    String loginUrl();

    /** jwt-bearer, client-credentials or password (SF_AUTH_FLOW); unset: chosen from the credentials that are set. */
    Optional<String> authFlow();

    /** The connected app's consumer key (SF_CLIENT_ID). */
    Optional<String> clientId();

    /** The connected app's consumer secret (SF_CLIENT_SECRET). */
    Optional<String> clientSecret();

    /** The Salesforce user (SF_USERNAME). */
    Optional<String> username();

    /** That user's password (SF_PASSWORD), password flow only. */
    Optional<String> password();

    /** That user's security token (SF_SECURITY_TOKEN), appended to the password. */
    Optional<String> securityToken();

    /** PEM file of the RSA key whose certificate the connected app holds (SF_PRIVATE_KEY_FILE), JWT bearer flow. */
    Optional<Path> privateKeyFile();

    /** The REST API version, e.g. 65.0 (SF_API_VERSION); unset: the newest {@code GET /services/data} lists. */
    Optional<String> apiVersion();

    /** How far before the watermark a delta reads again (SF_DELTA_OVERLAP), for changes committed late. */
    @WithDefault("PT1H")
    Duration deltaOverlap();

    /** An object with more rows than this is read with Bulk API 2.0 instead of REST query (SF_BULK_THRESHOLD). */
    @WithDefault("50000")
    int bulkThreshold();

    /** Rows per Bulk 2.0 results page ({@code maxRecords}). */
    @WithDefault("50000")
    int bulkMaxRecords();

    /** Between two polls of a Bulk 2.0 job. */
    @WithDefault("PT1S")
    Duration bulkPollInterval();

    /** Longest a Bulk 2.0 job may take to complete before the run fails. */
    @WithDefault("PT30M")
    Duration bulkTimeout();

    /** Students per chunk (STUDENTS_CHUNK_SIZE): each chunk is reported as it is published. */
    @WithDefault("2000")
    int studentsChunkSize();

    /** Longest a step's run may take to end in the writer before the runner reports it failed. */
    @WithDefault("PT30M")
    Duration stepTimeout();

    /** One HTTP request's limit. */
    @WithDefault("PT60S")
    Duration requestTimeout();

    /** Attempts of a request Salesforce failed (5xx, connection), with exponential backoff (facts §8: 3). */
    @WithDefault("3")
    int attempts();

    /** First backoff; doubled each retry, Retry-After honoured. */
    @WithDefault("PT0.5S")
    Duration backoff();

    /** The runner's schedule ({@link org.polaris.salesforce.sync.SalesforceSchedule}). */
    Schedule schedule();

    /** Cron expressions (Quarkus: seconds minutes hours day-of-month month day-of-week), {@code off} to turn one off. */
    interface Schedule {
        /** {@code --daily --delta} (SF_SCHEDULE_DAILY), 02:00. */
        @WithDefault("0 0 2 * * ?")
        String daily();

        /** {@code --full} (SF_SCHEDULE_WEEKLY), Sundays 03:00. */
        @WithDefault("0 0 3 ? * SUN")
        String weekly();

        /** The zone the expressions are read in (SF_SCHEDULE_ZONE). */
        @WithDefault("America/Chicago")
        String zone();
    }

    /** The Streaming API subscription (issue 9): Change Data Capture applied within a second. */
    Stream stream();

    interface Stream {
        /** Subscribe at startup (SF_STREAM_ENABLED); off by default: it needs credentials. */
        @WithDefault("false")
        boolean enabled();

        /** The CDC channels (SF_STREAM_CHANNELS); {@code /data/ChangeEvents} is every enabled object. */
        @WithDefault("/data/ContactChangeEvent,/data/AccountChangeEvent,/data/Session__ChangeEvent,"
                + "/data/Session_Participant__ChangeEvent,/data/npe5__Affiliation__ChangeEvent,/data/Class__ChangeEvent")
        List<String> channels();

        /** How long events are gathered into one read-back and one Kafka transaction. */
        @WithDefault("PT0.1S")
        Duration batchWindow();

        /** A stream's rolling run of a kind is closed (and a new one opened) after this long. */
        @WithDefault("PT1H")
        Duration runLength();

        /** How often a replica without the subscription tries to take it (one subscriber in a cluster). */
        @WithDefault("PT5S")
        Duration takeoverInterval();

        /** {@code /meta/connect} silent, or a subscription unconfirmed, this long: start the client again. */
        @WithDefault("PT150S")
        Duration healthTimeout();

        /**
         * The largest reply the client reads (SF_STREAM_MAX_MESSAGE_BYTES). One reply carries every event
         * queued for the client (a backlog after a restart: thousands), and a change event may be up to
         * 1 MB; CometD's default (1 MB) failed such a reply and lost its events. 10 MB, as Salesforce's
         * EMP Connector sets it.
         */
        @WithDefault("10485760")
        int maxMessageBytes();

        /**
         * Prefix of the rolling runs' transactional ids, the same on every replica
         * (SF_STREAM_TRANSACTIONAL_ID): one subscriber at a time writes them, and the next one fences a
         * holder that died or lost its lease mid-transaction.
         */
        @WithDefault("polaris-salesforce-stream")
        String transactionalId();
    }

    /** What each step reads: the SObject, its selection and its fields, by step name (facts §6). */
    Map<String, ObjectQuery> objects();

    /** One step's query. */
    interface ObjectQuery {
        /** The SObject's API name. */
        String sobject();

        /** The SOQL condition that selects the step's records, if not all. */
        Optional<String> where();

        /** The fields read (API names); Id, IsDeleted and SystemModstamp are always added. */
        List<String> fields();

        /** Always Bulk API 2.0 (large objects: students, participations), whatever the count. */
        @WithDefault("false")
        boolean bulk();
    }
}
