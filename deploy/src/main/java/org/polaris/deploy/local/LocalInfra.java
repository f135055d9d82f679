package org.polaris.deploy.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The local mode's infrastructure, in its own JVM so the broker's dependencies never meet the
 * pipeline's: an embedded PostgreSQL (unless {@code --no-postgres}) and a Kafka KRaft broker.
 * Prints {@code POLARIS-INFRA READY kafka=... jdbc=...} once both accept connections; stops both
 * on SIGTERM.
 *
 * <pre>java -cp deploy.jar:lib/* org.polaris.deploy.local.LocalInfra --data-dir DIR [--kafka-port 9092]
 *     [--controller-port 9093] [--postgres-port 5433 | --no-postgres] [--ephemeral]</pre>
 * {@code --ephemeral}: the embedded database is deleted when the JVM stops (bin/polaris demo).
 */
public final class LocalInfra {

    private LocalInfra() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Args.parse(args);
        Path dataDir = Path.of(opts.getOrDefault("data-dir", ".polaris"));
        int kafkaPort = Integer.parseInt(opts.getOrDefault("kafka-port", "9092"));
        int controllerPort = Integer.parseInt(opts.getOrDefault("controller-port", Integer.toString(kafkaPort + 1)));

        String jdbc = "";
        if (!opts.containsKey("no-postgres")) {
            EmbeddedPostgres postgres = new EmbeddedPostgres(dataDir,
                    Integer.parseInt(opts.getOrDefault("postgres-port", "5433")));
            postgres.start(Duration.ofSeconds(120));
            boolean ephemeral = opts.containsKey("ephemeral");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                    if (ephemeral) {
                        postgres.delete(); // a demo's database: nothing is left behind
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.io.IOException e) {
                    System.err.println("could not delete the demo's database: " + e.getMessage());
                }
            }, "postgres-shutdown"));
            jdbc = postgres.jdbcUrl();
            System.out.println("POLARIS-INFRA postgres " + jdbc);
        }

        LocalKafka broker = new LocalKafka(dataDir, kafkaPort, controllerPort);
        Path config = broker.prepare();
        String ready = "POLARIS-INFRA READY kafka=" + broker.bootstrapServers() + " jdbc=" + jdbc;
        Thread announcer = new Thread(() -> announceWhenUp(broker.bootstrapServers(), ready), "kafka-ready");
        announcer.setDaemon(true);
        announcer.start();
        kafka.Kafka.main(new String[] {config.toString()}); // blocks until SIGTERM, then exits the JVM
    }

    private static void announceWhenUp(String bootstrap, String ready) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try (Admin admin = Admin.create(p)) {
                admin.describeCluster().nodes().get();
                System.out.println(ready);
                System.out.flush();
                return;
            } catch (Exception e) {
                sleep();
            }
        }
        System.out.println("POLARIS-INFRA FAILED kafka did not start within 120 s");
        System.exit(2);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** --name value and --flag pairs. */
    static final class Args {
        static Map<String, String> parse(String[] args) {
            Map<String, String> m = new java.util.HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + args[i]);
                }
                String name = args[i].substring(2);
                if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    m.put(name, args[++i]);
                } else {
                    m.put(name, "true");
                }
            }
            return m;
        }
    }
}
