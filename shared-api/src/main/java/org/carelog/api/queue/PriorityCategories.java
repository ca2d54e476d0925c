package org.carelog.api.queue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The facility's priority categories in the order they are called (configured; emergency, elderly,
 * pregnant and disability by default). Names are upper case.
 */
public record PriorityCategories(List<String> names) {

    public PriorityCategories {
        names = names.stream()
                .map(c -> c.strip().toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    public static PriorityCategories defaults() {
        return new PriorityCategories(List.of("EMERGENCY", "ELDERLY", "PREGNANT", "DISABILITY"));
    }

    /** The configured category a client named, in its canonical form; empty when there is no such category. */
    public Optional<String> find(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String canonical = raw.strip().toUpperCase(Locale.ROOT);
        return names.contains(canonical) ? Optional.of(canonical) : Optional.empty();
    }

    /** Earlier categories are called first; a category no longer configured comes after all configured ones. */
    public int rank(String category) {
        int index = names.indexOf(category);
        return index < 0 ? names.size() : index;
    }
}
