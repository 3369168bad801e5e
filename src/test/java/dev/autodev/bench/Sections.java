package dev.autodev.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which parts of the bench to run, from {@code -Dbench.sections=server,dispatch,e2e,burst,mcp,dashboard,organise,kb,terminal,fleet} (default: all). A
 * name that is not a section fails the bench at once, so a typo does not quietly run nothing.
 */
record Sections(Set<String> chosen) {

    static final List<String> ALL = List.of("server", "dispatch", "e2e", "burst", "mcp", "dashboard", "organise", "kb", "terminal", "fleet");

    static Sections fromSystemProperty() {
        return parse(System.getProperty("bench.sections", ""));
    }

    static Sections parse(String value) {
        if (value.isBlank() || value.strip().equalsIgnoreCase("all")) return new Sections(Set.copyOf(ALL));
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : value.split(",")) {
            String section = name.strip().toLowerCase(Locale.ROOT);
            if (section.isEmpty()) continue;
            if (!ALL.contains(section)) {
                throw new IllegalArgumentException("bench.sections: unknown section '" + section + "'; known: "
                        + String.join(", ", ALL));
            }
            chosen.add(section);
        }
        if (chosen.isEmpty()) throw new IllegalArgumentException("bench.sections: no section named in '" + value + "'");
        return new Sections(Set.copyOf(chosen));
    }

    boolean has(String section) {
        return chosen.contains(section);
    }

    /** Whether a section needs the server the bench runs in its own JVM (all but {@code server}, which starts its own). */
    boolean needInProcessServer() {
        return chosen.stream().anyMatch(section -> !section.equals("server"));
    }

    /** For the header line, in the order the sections run. */
    String describe() {
        return String.join(",", ALL.stream().filter(chosen::contains).toList());
    }
}
