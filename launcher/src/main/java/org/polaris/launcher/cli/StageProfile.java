package org.polaris.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the pipeline JVM's CPU went during a timed import, read from its flight recording (JFR's
 * execution samples: Java code only, so GC and JIT threads are not in it; the per-process CPU seconds
 * are). Each sample is put in the stage whose code it is in, judged from its stack and thread, and in
 * the library its top frame belongs to.
 */
final class StageProfile {

    /** Stages, first match wins: a frame of the stage's entry point in the stack, or its thread's name. */
    private static final List<String[]> STAGES = List.of(
            new String[] {"ingest (upload, CSV, publish)", "org.polaris.ingest.", "vert.x-eventloop"},
            new String[] {"normalizer", "org.polaris.normalizer.", "polaris-normalizer"},
            new String[] {"matcher (Kafka Streams)", "org.polaris.matcher.", "StreamThread"},
            new String[] {"writer (upserts, ledger)", "org.polaris.writer.", "polaris-writer"},
            new String[] {"consumer polls (SmallRye)", "io.smallrye.reactive.messaging.kafka", "smallrye-kafka-consumer"},
            new String[] {"Kafka producer I/O", "org.apache.kafka.clients.producer.internals.Sender", "kafka-producer-network"});

    /** Libraries by the package of the top frame. */
    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("org.apache.avro.", "Avro");
        LIBRARIES.put("org.apache.kafka.streams.", "Kafka Streams");
        LIBRARIES.put("org.apache.kafka.", "Kafka clients");
        LIBRARIES.put("org.postgresql.", "PostgreSQL JDBC");
        LIBRARIES.put("org.apache.commons.csv.", "Commons CSV");
        LIBRARIES.put("org.polaris.", "Polaris code");
        LIBRARIES.put("io.netty.", "Netty/Vert.x");
        LIBRARIES.put("io.vertx.", "Netty/Vert.x");
        LIBRARIES.put("io.smallrye.", "SmallRye");
        LIBRARIES.put("io.agroal.", "Agroal pool");
        LIBRARIES.put("java.time.", "JDK java.time");
        LIBRARIES.put("java.util.regex.", "JDK regex");
        LIBRARIES.put("java.util.", "JDK collections");
        LIBRARIES.put("java.lang.", "JDK lang (strings, boxing)");
        LIBRARIES.put("java.nio.", "JDK nio");
        LIBRARIES.put("sun.nio.", "JDK nio");
    }

    private final Map<String, Integer> stages = new LinkedHashMap<>();
    private final Map<String, Integer> libraries = new HashMap<>();
    private int samples;

    private StageProfile() {
    }

    /** The samples of {@code recording} between {@code from} and {@code to}. */
    static StageProfile read(Path recording, Instant from, Instant to) throws IOException {
        StageProfile profile = new StageProfile();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (e.getEventType().getName().equals("jdk.ExecutionSample") && !e.getStartTime().isBefore(from)
                        && !e.getStartTime().isAfter(to)) {
                    profile.add(e);
                }
            }
        }
        return profile;
    }

    private void add(RecordedEvent e) {
        RecordedStackTrace stack = e.getStackTrace();
        String thread = e.getThread("sampledThread") == null ? "" : String.valueOf(e.getThread("sampledThread").getJavaName());
        List<RecordedFrame> frames = stack == null ? List.of() : stack.getFrames();
        samples++;
        stages.merge(stageOf(thread, frames), 1, Integer::sum);
        String top = frames.isEmpty() ? "" : frames.get(0).getMethod().getType().getName();
        libraries.merge(libraryOf(top), 1, Integer::sum);
    }

    static String stageOf(String thread, List<RecordedFrame> frames) {
        if (thread.contains("kafka-producer-network")) {
            return "Kafka producer I/O"; // every producer's sender thread, the matcher's included
        }
        for (String[] stage : STAGES) {
            for (RecordedFrame f : frames) {
                if (f.getMethod().getType().getName().startsWith(stage[1])) {
                    return stage[0];
                }
            }
        }
        for (String[] stage : STAGES) {
            if (thread.contains(stage[2])) {
                return stage[0];
            }
        }
        return "other";
    }

    static String libraryOf(String type) {
        for (Map.Entry<String, String> l : LIBRARIES.entrySet()) {
            if (type.startsWith(l.getKey())) {
                return l.getValue();
            }
        }
        return "other";
    }

    void print(PrintWriter out, String label) {
        out.printf("    %s: %,d execution samples of the pipeline JVM%n", label, samples);
        if (samples == 0) {
            return;
        }
        out.printf("      by stage:   %s%n", shares(stages));
        out.printf("      by library: %s%n", shares(libraries));
    }

    private String shares(Map<String, Integer> counts) {
        StringBuilder line = new StringBuilder();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> line.append(line.length() == 0 ? "" : ", ")
                        .append(String.format("%s %.0f%%", e.getKey(), 100.0 * e.getValue() / samples)));
        return line.toString();
    }
}
