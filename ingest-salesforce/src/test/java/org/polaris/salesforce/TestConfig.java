package org.polaris.salesforce;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link SalesforceConfig} for plain unit tests: the defaults of the interface, each settable. */
public final class TestConfig implements SalesforceConfig {

    public String loginUrl = "https://login.salesforce.com";
    public String authFlow;
    public String clientId;
    public String clientSecret;
    public String username;
    public String password;
    public String securityToken;
    public Path privateKeyFile;
    public String apiVersion;
    public Duration deltaOverlap = Duration.ofHours(1);
    public int bulkThreshold = 50_000;
    public int bulkMaxRecords = 50_000;
    public Duration bulkPollInterval = Duration.ofMillis(10);
    public int attempts = 3;
    public Duration backoff = Duration.ofMillis(10);
    public final Map<String, ObjectQuery> objects = new HashMap<>();

    public static ObjectQuery query(String sobject, String where, List<String> fields, boolean bulk) {
        return new ObjectQuery() {
            public String sobject() {
                return sobject;
            }

            public Optional<String> where() {
                return Optional.ofNullable(where);
            }

            public List<String> fields() {
                return fields;
            }

            public boolean bulk() {
                return bulk;
            }
        };
    }

    public String loginUrl() {
        return loginUrl;
    }

    public Optional<String> authFlow() {
        return Optional.ofNullable(authFlow);
    }

    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    public Optional<String> clientSecret() {
        return Optional.ofNullable(clientSecret);
    }

    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    public Optional<String> securityToken() {
        return Optional.ofNullable(securityToken);
    }

    public Optional<Path> privateKeyFile() {
        return Optional.ofNullable(privateKeyFile);
    }

    public Optional<String> apiVersion() {
        return Optional.ofNullable(apiVersion);
    }

    public Duration deltaOverlap() {
        return deltaOverlap;
    }

    public int bulkThreshold() {
        return bulkThreshold;
    }

    public int bulkMaxRecords() {
        return bulkMaxRecords;
    }

    public Duration bulkPollInterval() {
        return bulkPollInterval;
    }

    public Duration bulkTimeout() {
        return Duration.ofMinutes(1);
    }

    public int studentsChunkSize() {
        return 2000;
    }

    public Duration stepTimeout() {
        return Duration.ofMinutes(5);
    }

    public Duration requestTimeout() {
        return Duration.ofSeconds(10);
    }

    public int attempts() {
        return attempts;
    }

    public Duration backoff() {
        return backoff;
    }

    public Schedule schedule() {
        return new Schedule() {
            public String daily() {
                return "off";
            }

            public String weekly() {
                return "off";
            }

            public String zone() {
                return "UTC";
            }
        };
    }

    public Map<String, ObjectQuery> objects() {
        return objects;
    }

    public java.time.Duration streamBatchWindow = java.time.Duration.ofMillis(50);

    @Override
    public Stream stream() {
        return new Stream() {
            public boolean enabled() {
                return false;
            }

            public List<String> channels() {
                return List.of("/data/ContactChangeEvent");
            }

            public java.time.Duration batchWindow() {
                return streamBatchWindow;
            }

            public java.time.Duration runLength() {
                return java.time.Duration.ofHours(1);
            }

            public java.time.Duration takeoverInterval() {
                return java.time.Duration.ofSeconds(1);
            }

            public java.time.Duration healthTimeout() {
                return java.time.Duration.ofSeconds(10);
            }

            public int maxMessageBytes() {
                return 10 * 1024 * 1024;
            }

            public String transactionalId() {
                return "polaris-salesforce-stream";
            }
        };
    }
}
