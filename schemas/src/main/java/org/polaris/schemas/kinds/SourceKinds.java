package org.polaris.schemas.kinds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The registered source kinds: every {@link SourceKind} listed in a
 * {@code META-INF/services/org.polaris.schemas.kinds.SourceKind} file on the class path (the
 * built-in kinds in this module's, a test's own kind in its test resources). Loaded once; two
 * kinds claiming one id, import name or raw topic stop the start with both named.
 */
public final class SourceKinds {

    private static volatile List<SourceKind<?>> all;

    private SourceKinds() {
    }

    /** Every registered kind, in the order of registration. */
    public static List<SourceKind<?>> all() {
        List<SourceKind<?>> kinds = all;
        if (kinds == null) {
            synchronized (SourceKinds.class) {
                if (all == null) {
                    all = load();
                }
                kinds = all;
            }
        }
        return kinds;
    }

    public static Optional<SourceKind<?>> byId(String id) {
        return all().stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** By import name, as typed: case, dashes and underscores do not matter ("virtual-sessions"). */
    public static Optional<SourceKind<?>> bySlug(String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        String wanted = canonical(slug);
        return all().stream().filter(k -> canonical(k.slug()).equals(wanted)).findFirst();
    }

    /** The kind a registered Google Sheet of this purpose imports as. */
    public static Optional<SourceKind<?>> bySheetPurpose(String purpose) {
        return all().stream().filter(k -> k.sheetPurpose().map(p -> p.equals(purpose)).orElse(false)).findFirst();
    }

    /** The import names, for messages that list what exists. */
    public static List<String> slugs() {
        return all().stream().map(SourceKind::slug).toList();
    }

    private static String canonical(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private static List<SourceKind<?>> load() {
        // this class's own loader: the one that loaded the application (and, in tests, the test classes)
        List<SourceKind<?>> kinds = new ArrayList<>();
        for (SourceKind<?> kind : ServiceLoader.load(SourceKind.class, SourceKinds.class.getClassLoader())) {
            // a class listed in two services files is one kind
            if (kinds.stream().noneMatch(k -> k.getClass() == kind.getClass())) {
                kinds.add(kind);
            }
        }
        check(kinds);
        return List.copyOf(kinds);
    }

    static void check(List<SourceKind<?>> kinds) {
        Map<String, SourceKind<?>> ids = new HashMap<>();
        Map<String, SourceKind<?>> slugs = new HashMap<>();
        Map<String, SourceKind<?>> topics = new HashMap<>();
        for (SourceKind<?> k : kinds) {
            refuseSecond(ids, k.id(), k, "id");
            refuseSecond(slugs, canonical(k.slug()), k, "import name");
            refuseSecond(topics, k.rawTopic().name(), k, "raw topic");
        }
    }

    private static void refuseSecond(Map<String, SourceKind<?>> seen, String value, SourceKind<?> kind, String what) {
        SourceKind<?> first = seen.putIfAbsent(value, kind);
        if (first != null && first.getClass() != kind.getClass()) {
            throw new IllegalStateException("source kinds " + first.getClass().getName() + " and "
                    + kind.getClass().getName() + " both claim the " + what + " " + value);
        }
    }
}
