package org.polaris.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polaris.schemas.Topic;
import org.polaris.schemas.Topics;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the production manifests of {@code deploy/k8s} in step with the code: the Strimzi topics
 * with the topic catalogue ({@link Topics#all()}), the Deployment's environment with the settings the
 * application really has, and no credential committed anywhere under {@code k8s/}.
 */
class ManifestsTest {

    private static final String CLUSTER_LABEL = "strimzi.io/cluster";

    /** Retention the catalogue's kinds demand (KafkaTopicsConfig defaults: raw-retention P30D, transient-retention P7D). */
    private static final long REPLAYABLE_RETENTION_MS = Duration.ofDays(30).toMillis();
    private static final long TRANSIENT_RETENTION_MS = Duration.ofDays(7).toMillis();

    /**
     * The settings the pipeline (the launcher application) has, as property names; an environment
     * variable is a setting's name upper-cased with every other character than a letter or digit
     * replaced by '_' (MicroProfile Config / Quarkus). Built by hand from the files named as each
     * entry's source; {@link #allowListStillMatchesItsSources()} checks that every entry is still
     * there. Map-valued settings (polaris.matcher.streams.*, polaris.mapping.<kind>.*) are left
     * out: their environment names are ambiguous and the manifests do not set them.
     */
    private static final List<Setting> SETTINGS = List.of(
            // launcher/src/main/resources/application.properties
            new Setting("quarkus.application.name", Setting.APPLICATION_PROPERTIES),
            new Setting("quarkus.http.port", Setting.APPLICATION_PROPERTIES),
            new Setting("quarkus.http.host", Setting.APPLICATION_PROPERTIES),
            new Setting("quarkus.http.limits.max-body-size", Setting.APPLICATION_PROPERTIES),
            new Setting("kafka.bootstrap.servers", Setting.APPLICATION_PROPERTIES),
            new Setting("quarkus.datasource.db-kind", Setting.APPLICATION_PROPERTIES),
            new Setting("quarkus.datasource.jdbc.url", Setting.APPLICATION_PROPERTIES),
            new Setting("quarkus.datasource.username", Setting.APPLICATION_PROPERTIES),
            new Setting("quarkus.datasource.jdbc.max-size", Setting.APPLICATION_PROPERTIES),
            new Setting("quarkus.datasource.jdbc.new-connection-sql", Setting.APPLICATION_PROPERTIES),
            new Setting("quarkus.flyway.migrate-at-start", Setting.APPLICATION_PROPERTIES),
            new Setting("quarkus.hibernate-orm.schema-management.strategy", Setting.APPLICATION_PROPERTIES),
            new Setting("polaris.data-dir", Setting.APPLICATION_PROPERTIES),
            // Quarkus' own, deliberately absent from every file (it is a secret)
            new Setting("quarkus.datasource.password", null),
            // launcher: KafkaTopicsConfig (polaris.kafka)
            new Setting("polaris.kafka.create-topics", Setting.KAFKA_TOPICS_CONFIG),
            new Setting("polaris.kafka.partitions", Setting.KAFKA_TOPICS_CONFIG),
            new Setting("polaris.kafka.replication-factor", Setting.KAFKA_TOPICS_CONFIG),
            new Setting("polaris.kafka.raw-retention", Setting.KAFKA_TOPICS_CONFIG),
            new Setting("polaris.kafka.transient-retention", Setting.KAFKA_TOPICS_CONFIG),
            // matcher: MatcherConfig (polaris.matcher)
            new Setting("polaris.matcher.application-id", Setting.MATCHER_CONFIG),
            new Setting("polaris.matcher.state-dir", Setting.MATCHER_CONFIG),
            new Setting("polaris.matcher.replication-factor", Setting.MATCHER_CONFIG),
            new Setting("polaris.matcher.commit-interval-ms", Setting.MATCHER_CONFIG),
            // ingest-sheets: IngestConfig (polaris.ingest)
            new Setting("polaris.ingest.max-file-bytes", Setting.INGEST_CONFIG),
            new Setting("polaris.ingest.transactional-id", Setting.INGEST_CONFIG),
            new Setting("polaris.ingest.transaction-timeout-ms", Setting.INGEST_CONFIG),
            // ingest-sheets: SheetsConfig (polaris.sheets)
            new Setting("polaris.sheets.credentials-file", Setting.SHEETS_CONFIG),
            // Quarkus' own: extra configuration files (the users and roles, from a Secret)
            new Setting("quarkus.config.locations", null),
            // normalizer: NormalizerConfig (polaris.normalizer) and the alias mapping's version
            new Setting("polaris.normalizer.zone", Setting.NORMALIZER_CONFIG),
            new Setting("polaris.mapping.version", Setting.NORMALIZER_PROPERTIES));

    /** Environment variables of the Deployment that are not settings of the application. */
    private static final Set<String> HELPER_VARIABLES = Set.of("POD_NAME", "JAVA_TOOL_OPTIONS");

    private static Path k8s;
    private static Path repoRoot;
    private static List<Manifest> manifests;

    @BeforeAll
    static void load() throws IOException {
        // Surefire runs in the module's directory; from the repository root, deploy/k8s
        k8s = Files.isDirectory(Path.of("k8s")) ? Path.of("k8s") : Path.of("deploy", "k8s");
        k8s = k8s.toAbsolutePath().normalize();
        repoRoot = k8s.getParent().getParent();
        manifests = new ArrayList<>();
        for (Path file : yamlFiles()) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            try (Reader in = Files.newBufferedReader(file)) {
                for (Object doc : yaml().loadAll(in)) {
                    if (doc != null) {
                        manifests.add(new Manifest(k8s.relativize(file), map(doc)));
                    }
                }
            }
        }
        assertThat(manifests).as("manifests under %s", k8s).isNotEmpty();
    }

    // --- topics --------------------------------------------------------------------------------

    static Stream<Arguments> catalogue() {
        return Topics.all().stream().map(t -> Arguments.of(Named.of(t.name(), t)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everyCatalogueTopicHasExactlyOneKafkaTopic(Topic<String, ?> topic) {
        List<Manifest> matching = kafkaTopics().stream()
                .filter(t -> topic.name().equals(t.spec().get("topicName")))
                .toList();
        assertThat(matching).as("KafkaTopics with spec.topicName %s", topic.name()).hasSize(1);
        Manifest kt = matching.get(0);
        assertThat(kt.get("apiVersion")).isEqualTo("kafka.strimzi.io/v1beta2");
        assertThat(kt.name()).as("metadata.name of %s", topic.name()).isEqualTo(topic.name().replace('.', '-'));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void retentionIsWhatTheTopicsKindDemands(Topic<String, ?> topic) {
        Map<String, Object> config = kafkaTopics().stream()
                .filter(t -> topic.name().equals(t.spec().get("topicName")))
                .findFirst().map(t -> map(t.spec().get("config")))
                .orElseThrow(() -> new AssertionError("no KafkaTopic for " + topic.name()));
        switch (topic.retention()) {
            case COMPACTED -> {
                assertThat(config.get("cleanup.policy")).as("cleanup.policy of %s", topic.name()).isEqualTo("compact");
                assertThat(config).as("a compacted topic keeps the latest value forever").doesNotContainKey("retention.ms");
            }
            case REPLAYABLE -> {
                assertNotCompacted(topic, config);
                assertThat(asLong(config.get("retention.ms"))).as("retention.ms of %s", topic.name())
                        .isEqualTo(REPLAYABLE_RETENTION_MS);
            }
            case TRANSIENT -> {
                assertNotCompacted(topic, config);
                assertThat(asLong(config.get("retention.ms"))).as("retention.ms of %s", topic.name())
                        .isEqualTo(TRANSIENT_RETENTION_MS);
            }
        }
        assertThat(asLong(config.get("min.insync.replicas"))).as("min.insync.replicas of %s", topic.name())
                .isEqualTo(2);
    }

    @Test
    void noKafkaTopicNamesATopicOutsideTheCatalogue() {
        Set<String> catalogue = Topics.all().stream().map(Topic::name).collect(Collectors.toSet());
        assertThat(kafkaTopics()).extracting(t -> (String) t.spec().get("topicName"))
                .allSatisfy(name -> assertThat(catalogue).as("the catalogue").contains(name));
        assertThat(kafkaTopics()).hasSameSizeAs(Topics.all());
    }

    @Test
    void everyTopicHasTheSamePartitionCountAsThePipelineIsToldOf() {
        Set<Long> counts = kafkaTopics().stream().map(t -> asLong(t.spec().get("partitions")))
                .collect(Collectors.toSet());
        assertThat(counts).as("partition counts (the matcher joins co-partitioned topics)").hasSize(1);
        long partitions = counts.iterator().next();
        assertThat(partitions).isPositive();
        assertThat(asLong(envValue("POLARIS_KAFKA_PARTITIONS"))).as("POLARIS_KAFKA_PARTITIONS").isEqualTo(partitions);
        assertThat(envValue("POLARIS_KAFKA_CREATE_TOPICS")).as("Strimzi owns the topics").isEqualTo("false");
        for (Manifest t : kafkaTopics()) {
            long replicas = asLong(t.spec().get("replicas"));
            assertThat(replicas).as("replicas of %s", t.name()).isEqualTo(3);
            assertThat(asLong(map(t.spec().get("config")).get("min.insync.replicas"))).isLessThan(replicas);
        }
    }

    @Test
    void topicsAndPipelineUseTheKafkaClusterDefinedHere() {
        List<Manifest> clusters = ofKind("Kafka");
        assertThat(clusters).hasSize(1);
        Manifest kafka = clusters.get(0);
        String cluster = kafka.name();
        assertThat(cluster).isEqualTo("polaris-kafka");
        assertThat(kafkaTopics()).allSatisfy(t -> assertThat(t.labels()).containsEntry(CLUSTER_LABEL, cluster));

        List<Manifest> pools = ofKind("KafkaNodePool");
        assertThat(pools).isNotEmpty().allSatisfy(p -> assertThat(p.labels()).containsEntry(CLUSTER_LABEL, cluster));
        long controllers = pools.stream().filter(p -> list(p.spec().get("roles")).contains("controller"))
                .mapToLong(p -> asLong(p.spec().get("replicas"))).sum();
        long brokers = pools.stream().filter(p -> list(p.spec().get("roles")).contains("broker"))
                .mapToLong(p -> asLong(p.spec().get("replicas"))).sum();
        assertThat(controllers).as("KRaft controller quorum").isEqualTo(3);
        long maxReplicas = kafkaTopics().stream().mapToLong(t -> asLong(t.spec().get("replicas"))).max().orElse(0);
        assertThat(brokers).as("brokers for the topics' replicas").isGreaterThanOrEqualTo(maxReplicas);

        // KAFKA_BOOTSTRAP_SERVERS is Strimzi's bootstrap Service of a plaintext listener of this cluster
        String bootstrap = envValue("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(bootstrap).startsWith(cluster + "-kafka-bootstrap:");
        long port = Long.parseLong(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        List<Map<String, Object>> listeners = list(map(kafka.spec().get("kafka")).get("listeners")).stream()
                .map(ManifestsTest::map).toList();
        assertThat(listeners).anySatisfy(l -> {
            assertThat(asLong(l.get("port"))).isEqualTo(port);
            assertThat(l.get("tls")).isEqualTo(false);
        });
    }

    // --- the Deployment's environment ------------------------------------------------------------

    @Test
    void deploymentEnvironmentNamesOnlySettingsThatExist() {
        Set<String> known = SETTINGS.stream().map(Setting::envName).collect(Collectors.toCollection(TreeSet::new));
        List<String> names = env().stream().map(e -> (String) e.get("name")).toList();
        assertThat(names).doesNotHaveDuplicates();
        for (String name : names) {
            if (name.startsWith("POLARIS_") || name.startsWith("QUARKUS_") || name.startsWith("KAFKA_")) {
                assertThat(known).as("settings the application has (%s is in the Deployment)", name).contains(name);
            } else {
                assertThat(HELPER_VARIABLES).as("a variable that is no setting of the application").contains(name);
            }
        }
    }

    @Test
    void allowListStillMatchesItsSources() throws IOException {
        for (Setting s : SETTINGS) {
            if (s.source() == null) {
                continue;
            }
            Path file = repoRoot.resolve(s.source());
            assertThat(file).as("source of %s", s.property()).exists();
            String text = Files.readString(file);
            if (s.source().endsWith(".properties")) {
                Properties p = new Properties();
                p.load(new java.io.StringReader(text));
                assertThat(p).as("%s in %s", s.property(), s.source()).containsKey(s.property());
            } else {
                Matcher m = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)").matcher(text);
                assertThat(m.find()).as("@ConfigMapping in %s", s.source()).isTrue();
                String prefix = m.group(1) + ".";
                assertThat(s.property()).startsWith(prefix);
                String method = camel(s.property().substring(prefix.length())) + "()";
                assertThat(text).as("%s in %s", s.property(), s.source()).contains(" " + method + ";");
            }
        }
    }

    @Test
    void deploymentReferencesOnlyConfigThatIsDefinedOrDocumented() {
        Map<String, Object> configData = ofKind("ConfigMap").stream()
                .filter(c -> c.name().equals("polaris-config")).findFirst()
                .map(c -> map(c.get("data"))).orElseThrow(() -> new AssertionError("no ConfigMap polaris-config"));
        for (Map<String, Object> e : env()) {
            Map<String, Object> from = map(e.get("valueFrom"));
            if (from.containsKey("configMapKeyRef")) {
                Map<String, Object> ref = map(from.get("configMapKeyRef"));
                assertThat(ref.get("name")).isEqualTo("polaris-config");
                assertThat(configData).as("ConfigMap keys").containsKey((String) ref.get("key"));
            }
            if (from.containsKey("secretKeyRef")) {
                Map<String, Object> ref = map(from.get("secretKeyRef"));
                assertThat(ref.get("name")).as("the documented, hand-made Secret").isEqualTo("polaris-db");
                assertThat(ref.get("key")).isIn("username", "password");
            }
        }
        assertThat(envFrom("QUARKUS_DATASOURCE_JDBC_URL")).containsKey("configMapKeyRef");
        assertThat(envFrom("QUARKUS_DATASOURCE_USERNAME")).containsKey("secretKeyRef");
        assertThat(envFrom("QUARKUS_DATASOURCE_PASSWORD")).containsKey("secretKeyRef");
    }

    @Test
    void eachReplicaHasItsOwnIngestTransactionalIdAndLocalState() {
        List<String> names = env().stream().map(e -> (String) e.get("name")).toList();
        String id = envValue("POLARIS_INGEST_TRANSACTIONAL_ID");
        assertThat(id).contains("$(POD_NAME)");
        assertThat(names.indexOf("POD_NAME")).as("POD_NAME is defined before it is used")
                .isNotNegative().isLessThan(names.indexOf("POLARIS_INGEST_TRANSACTIONAL_ID"));
        assertThat(map(map(envFrom("POD_NAME")).get("fieldRef")).get("fieldPath")).isEqualTo("metadata.name");

        Map<String, Object> podSpec = podSpec();
        Map<String, Object> container = container();
        String stateDir = envValue("POLARIS_MATCHER_STATE_DIR");
        Set<String> emptyDirs = list(podSpec.get("volumes")).stream().map(ManifestsTest::map)
                .filter(v -> v.containsKey("emptyDir")).map(v -> (String) v.get("name")).collect(Collectors.toSet());
        assertThat(list(container.get("volumeMounts")).stream().map(ManifestsTest::map))
                .as("an emptyDir mounted at or above %s", stateDir)
                .anySatisfy(m -> {
                    assertThat(emptyDirs).contains((String) m.get("name"));
                    assertThat(Path.of(stateDir).startsWith(Path.of((String) m.get("mountPath"))))
                            .as("%s below mount %s", stateDir, m.get("mountPath")).isTrue();
                });
    }

    // --- secrets -------------------------------------------------------------------------------

    @Test
    void noPasswordIsCommittedUnderK8s() throws IOException {
        assertThat(manifests).as("Secrets are created by hand, never committed")
                .extracting(Manifest::kind).doesNotContain("Secret");
        for (Map<String, Object> e : env()) {
            String name = (String) e.get("name");
            if (name.matches("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL).*")) {
                if (e.containsKey("value")) {
                    // the path of a file a Secret volume mounts (e.g. the Google service-account key)
                    assertThat((String) e.get("value")).as("%s is a Secret's value or the path of a mounted Secret", name)
                            .startsWith("/var/run/secrets/");
                } else {
                    assertThat(map(e.get("valueFrom"))).as(name).containsKey("secretKeyRef");
                }
            }
        }
        for (Manifest m : ofKind("ConfigMap")) {
            assertThat(map(m.get("data")).keySet()).as("keys of ConfigMap %s", m.name())
                    .noneMatch(k -> k.matches("(?i).*(password|passwd|secret|token).*"));
        }
        // anything spelled "password: x" or "password=x" (YAML, JDBC URL, comment) must be a placeholder
        Pattern assignment = Pattern.compile("(?i)(?:password|passwd)\\s*[:=]\\s*(\"[^\"]*\"|'[^']*'|[^\\s,;&]*)");
        Pattern urlCredentials = Pattern.compile("://[^/\\s@:]+:[^/\\s@]+@");
        try (Stream<Path> files = Files.walk(k8s)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String where = k8s.relativize(file) + ":" + (i + 1);
                    Matcher m = assignment.matcher(lines.get(i));
                    while (m.find()) {
                        assertThat(isPlaceholder(m.group(1))).as("literal password at %s: %s", where, lines.get(i))
                                .isTrue();
                    }
                    assertThat(urlCredentials.matcher(lines.get(i)).find())
                            .as("credentials in a URL at %s", where).isFalse();
                }
            }
        }
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        Map<String, Object> kustomization;
        try (Reader in = Files.newBufferedReader(k8s.resolve("kustomization.yaml"))) {
            kustomization = map(yaml().load(in));
        }
        Set<String> listed = list(kustomization.get("resources")).stream().map(String::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> present = new TreeSet<>();
        for (Path file : yamlFiles()) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                present.add(k8s.relativize(file).toString().replace('\\', '/'));
            }
        }
        assertThat(listed).isEqualTo(present);
    }

    // --- helpers -------------------------------------------------------------------------------

    private static void assertNotCompacted(Topic<String, ?> topic, Map<String, Object> config) {
        assertThat(String.valueOf(config.getOrDefault("cleanup.policy", "delete")))
                .as("cleanup.policy of %s", topic.name()).isEqualTo("delete");
    }

    private static boolean isPlaceholder(String value) {
        String v = value.strip();
        if (v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'"))) {
            v = v.substring(1, v.length() - 1).strip();
        }
        return v.isEmpty() || v.equals("...") || v.matches("<[^>]*>") || v.matches("\\$[({][A-Za-z0-9_.]+[)}]");
    }

    private static String camel(String kebab) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }

    private static List<Manifest> kafkaTopics() {
        return ofKind("KafkaTopic");
    }

    private static List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.kind())).toList();
    }

    private static Map<String, Object> podSpec() {
        List<Manifest> deployments = ofKind("Deployment").stream()
                .filter(d -> d.name().equals("polaris-pipeline")).toList();
        assertThat(deployments).hasSize(1);
        return map(map(deployments.get(0).spec().get("template")).get("spec"));
    }

    private static Map<String, Object> container() {
        List<Object> containers = list(podSpec().get("containers"));
        assertThat(containers).hasSize(1);
        return map(containers.get(0));
    }

    private static List<Map<String, Object>> env() {
        return list(container().get("env")).stream().map(ManifestsTest::map).toList();
    }

    private static Map<String, Object> envEntry(String name) {
        return env().stream().filter(e -> name.equals(e.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name + " in the Deployment"));
    }

    private static String envValue(String name) {
        Object value = envEntry(name).get("value");
        assertThat(value).as("literal value of %s", name).isInstanceOf(String.class);
        return (String) value;
    }

    private static Map<String, Object> envFrom(String name) {
        return map(envEntry(name).get("valueFrom"));
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(k8s)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    private static long asLong(Object value) {
        assertThat(value).as("a number").isNotNull();
        return Long.parseLong(String.valueOf(value).strip());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    /** One YAML document of a manifest file. */
    record Manifest(Path file, Map<String, Object> body) {

        Object get(String key) {
            return body.get(key);
        }

        String kind() {
            return (String) body.get("kind");
        }

        String name() {
            return (String) map(body.get("metadata")).get("name");
        }

        Map<String, Object> labels() {
            return map(map(body.get("metadata")).get("labels"));
        }

        Map<String, Object> spec() {
            return map(body.get("spec"));
        }

        @Override
        public String toString() {
            return file + " " + kind() + "/" + name();
        }
    }

    /** A setting of the application and the file (relative to the repository) it was read from. */
    record Setting(String property, String source) {

        static final String APPLICATION_PROPERTIES = "launcher/src/main/resources/application.properties";
        static final String NORMALIZER_PROPERTIES = "normalizer/src/main/resources/META-INF/microprofile-config.properties";
        static final String KAFKA_TOPICS_CONFIG = "launcher/src/main/java/org/polaris/launcher/KafkaTopicsConfig.java";
        static final String MATCHER_CONFIG = "matcher/src/main/java/org/polaris/matcher/MatcherConfig.java";
        static final String INGEST_CONFIG = "ingest-sheets/src/main/java/org/polaris/ingest/IngestConfig.java";
        static final String SHEETS_CONFIG = "ingest-sheets/src/main/java/org/polaris/ingest/sheets/SheetsConfig.java";
        static final String NORMALIZER_CONFIG = "normalizer/src/main/java/org/polaris/normalizer/NormalizerConfig.java";

        /** MicroProfile Config's environment name: upper case, anything but letters and digits -> '_'. */
        String envName() {
            return property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        }
    }
}
