package org.polaris.schemas;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Exposes the catalogue's topic names to configuration as {@code polaris.topics.<id>}, where the id
 * is the name without its {@code polaris.} prefix and with dashes for dots
 * ({@code polaris.raw.pathful} is {@code ${polaris.topics.raw-pathful}}). Channel configuration
 * refers to these, so a topic name is written in exactly one place: {@link Topics}.
 */
public final class TopicNamesConfigSource implements ConfigSource {

    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (Topic<String, ?> topic : Topics.ALL) {
            NAMES.put("polaris.topics." + id(topic.name()), topic.name());
        }
    }

    public static String id(String topicName) {
        return topicName.replaceFirst("^polaris\\.", "").replace('.', '-');
    }

    @Override
    public Set<String> getPropertyNames() {
        return NAMES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return NAMES.get(propertyName);
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
