package org.carelog.api.scheduling;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The facility's weekly day off (Friday by default, a setting), as both sides that derive slots need
 * it, and the text form in which days and appointment types are stored in lookup and read tables.
 */
public record FacilityWeek(DayOfWeek offDay) {

    public static String text(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public static Set<DayOfWeek> days(String text) {
        return parse(DayOfWeek.class, text);
    }

    public static Set<AppointmentType> types(String text) {
        return parse(AppointmentType.class, text);
    }

    private static <E extends Enum<E>> Set<E> parse(Class<E> type, String text) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.split(","))
                    .map(s -> Enum.valueOf(type, s.strip()))
                    .forEach(set::add);
        }
        return Set.copyOf(set);
    }
}
