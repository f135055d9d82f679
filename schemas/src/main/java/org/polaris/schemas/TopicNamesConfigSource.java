package org.polaris.schemas;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Exposes the catalogue's topic names to configuration as {@code polaris.topics.<id>}, where the id
 * is the name without its {@code polaris.} prefix and with dashes for dots
 * ({@code polaris.raw.pathful} is {@code ${polaris.topics.raw-pathful}}). Channel configuration
 * refers to these, so a topic name is written in exactly one place: {@link Topics} (or the source
 * kind that registers it). Two lists follow the registered kinds, so a new kind needs no channel edit:
 * {@code polaris.topics.raw-all} (every raw topic: the normalizer's input) and
 * {@code polaris.topics.writer-inputs} (the writer's input).
 */
public final class TopicNamesConfigSource implements ConfigSource {

    public static final String RAW_ALL = "polaris.topics.raw-all";
    public static final String WRITER_INPUTS = "polaris.topics.writer-inputs";

    private volatile Map<String, String> names;

    public static String id(String topicName) {
        return topicName.replaceFirst("^polaris\\.", "").replace('.', '-');
    }

    private Map<String, String> names() {
        Map<String, String> n = names;
        if (n == null) {
            n = new HashMap<>();
            for (Topic<String, ?> topic : Topics.all()) {
                n.put("polaris.topics." + id(topic.name()), topic.name());
            }
            n.put(RAW_ALL, Topics.raw().stream().map(Topic::name).collect(Collectors.joining(",")));
            n.put(WRITER_INPUTS, Topics.writerInputs().stream().map(Topic::name).collect(Collectors.joining(",")));
            names = n;
        }
        return n;
    }

    @Override
    public Set<String> getPropertyNames() {
        return names().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return propertyName.startsWith("polaris.topics.") ? names().get(propertyName) : null;
    }

    @Override
    public String getName() {
        return "polaris-topic-catalogue";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
