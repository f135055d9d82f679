package org.polaris.launcher.it;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Apache Kafka's own KRaft broker, in the test JVM (no Docker): one combined broker/controller
 * node, started once per JVM and shared by every test in it.
 */
public final class TestBroker {

    private static KafkaClusterTestKit cluster;

    private TestBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            // The broker runs inside the test JVM: a fault it treats as fatal (its log directory gone while
            // the JVM shuts down and the test kit deletes it) makes Kafka halt the process, and the test
            // JVM would exit non-zero after its tests passed. Kafka's own tests replace these procedures
            // the same way; a real fault still fails the tests that need the broker.
            org.apache.kafka.common.utils.Exit.setHaltProcedure((code, message) ->
                    System.err.println("test broker asked to halt the JVM (" + code + "): " + message));
            org.apache.kafka.common.utils.Exit.setExitProcedure((code, message) ->
                    System.err.println("test broker asked to exit the JVM (" + code + "): " + message));
            try {
                KafkaClusterTestKit c = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("num.partitions", "3")
                        // the pipeline creates its topics; a missing one must fail, not appear silently
                        .setConfigProp("auto.create.topics.enable", "false")
                        .build();
                c.format();
                c.startup();
                c.waitForReadyBrokers();
                cluster = c;
                Runtime.getRuntime().addShutdownHook(new Thread(TestBroker::stop, "test-broker-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("the test Kafka broker did not start", e);
            }
        }
        return cluster.bootstrapServers();
    }

    static synchronized void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                // shutting down anyway
            }
            cluster = null;
        }
    }
}
