package org.carelog.command.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carelog.api.patient.Language;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.scheduling.AppointmentId;
import org.carelog.api.scheduling.AppointmentType;
import org.carelog.api.scheduling.DayPlan;
import org.carelog.api.scheduling.DayScheduleId;
import org.carelog.api.scheduling.Slot;
import org.carelog.api.scheduling.TimeOfDay;
import org.springframework.stereotype.Component;

/**
 * Finds the earliest free slots that fit a patient's preferences, across practitioners, from the
 * command side's own lookups (availability and the places held). It proposes; the day schedule
 * decides: a slot taken in the meantime is refused there and the next proposal tried.
 */
@Component
public class SlotFinder {

    /** How far ahead a search looks when no end date is given, and at most. */
    public static final int MAX_DAYS = 62;

    /** The form of the GraphQL DateTime scalar, so alternatives read like every other time. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private final SchedulingRegistry registry;
    private final Clock clock;

    SlotFinder(SchedulingRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * What the patient asks for; null parts do not constrain.
     *
     * @param ignoring an appointment of the patient that will be freed (rescheduling): its time is
     *     not an overlap
     */
    public record Preferences(
            PatientId patientId,
            PractitionerId practitionerId,
            String specialty,
            LocalDate from,
            LocalDate to,
            TimeOfDay timeOfDay,
            AppointmentType type,
            Language language,
            boolean walkIn,
            AppointmentId ignoring) {}

    /** A fitting free slot and, in words, why it was chosen. */
    public record Candidate(Clinician clinician, Slot slot, int freePlaces, String reason) {

        public DayScheduleId scheduleId(ZoneId zone) {
            return new DayScheduleId(clinician.practitionerId(), LocalDate.ofInstant(slot.start(), zone));
        }
    }

    /** At most {@code limit} fitting slots, earliest first (then by practitioner name). */
    public List<Candidate> find(Preferences wanted, int limit) {
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        LocalDate from = wanted.from() == null || wanted.from().isBefore(today) ? today : wanted.from();
        LocalDate last = from.plusDays(MAX_DAYS - 1);
        LocalDate to = wanted.to() == null || wanted.to().isAfter(last) ? last : wanted.to();
        List<Clinician> clinicians = (wanted.practitionerId() != null
                        ? registry.clinician(wanted.practitionerId())
                                .map(List::of)
                                .orElse(List.of())
                        : registry.clinicians(wanted.specialty()))
                .stream()
                        .filter(c -> wanted.language() == null || c.languages().contains(wanted.language()))
                        .sorted(Comparator.comparing(Clinician::displayName))
                        .toList();
        List<Instant[]> patientBusy = wanted.patientId() == null
                ? List.of()
                : registry
                        .patientHeldTimes(
                                wanted.patientId(),
                                from.atStartOfDay(zone).toInstant(),
                                to.plusDays(1).atStartOfDay(zone).toInstant())
                        .stream()
                        .filter(t -> !t.appointmentId().equals(wanted.ignoring()))
                        .map(t -> new Instant[] {t.start(), t.end()})
                        .toList();
        List<Candidate> found = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to) && found.size() < limit; date = date.plusDays(1)) {
            List<Candidate> ofDay = new ArrayList<>();
            for (Clinician clinician : clinicians) {
                if (!clinician.registeredOn(date)) {
                    continue;
                }
                DayPlan plan = registry.dayPlan(clinician.practitionerId(), date, false);
                List<Slot> slots = plan.slots(zone).stream()
                        .filter(s -> s.end().isAfter(now)
                                && (wanted.walkIn() || s.start().isAfter(now)))
                        .filter(s -> wanted.type() == null || s.types().contains(wanted.type()))
                        .filter(s ->
                                wanted.timeOfDay() == null || wanted.timeOfDay().contains(s.localStart()))
                        .filter(s -> patientBusy.stream().noneMatch(b -> s.overlaps(b[0], b[1])))
                        .toList();
                if (slots.isEmpty()) {
                    continue;
                }
                Map<Instant, int[]> held = held(clinician.practitionerId(), date, zone, wanted.ignoring());
                for (Slot slot : slots) {
                    int[] counts = held.getOrDefault(slot.start(), new int[2]);
                    if (slot.fits(wanted.walkIn(), counts[0], counts[1])) {
                        int free = wanted.walkIn()
                                ? slot.capacity() - counts[0] - counts[1]
                                : Math.min(
                                        slot.appointmentPlaces() - counts[0], slot.capacity() - counts[0] - counts[1]);
                        ofDay.add(new Candidate(
                                clinician, slot, free, reason(wanted, clinicians.size(), clinician, slot, from, zone)));
                    }
                }
            }
            ofDay.sort(Comparator.comparing((Candidate c) -> c.slot().start())
                    .thenComparing(c -> c.clinician().displayName()));
            found.addAll(ofDay.subList(0, Math.min(ofDay.size(), limit - found.size())));
        }
        return found;
    }

    private Map<Instant, int[]> held(PractitionerId practitioner, LocalDate date, ZoneId zone, AppointmentId ignoring) {
        Map<Instant, int[]> held = new HashMap<>();
        registry
                .heldPlaces(
                        practitioner,
                        date.atStartOfDay(zone).toInstant(),
                        date.plusDays(1).atStartOfDay(zone).toInstant())
                .stream()
                .filter(t -> !t.appointmentId().equals(ignoring))
                .forEach(t -> held.computeIfAbsent(t.start(), s -> new int[2])[t.walkIn() ? 1 : 0]++);
        return held;
    }

    private static String reason(
            Preferences wanted, int among, Clinician clinician, Slot slot, LocalDate from, ZoneId zone) {
        StringBuilder why = new StringBuilder("Earliest free ");
        why.append(
                wanted.type() == null
                        ? ""
                        : wanted.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " ");
        why.append("slot from ").append(from);
        if (wanted.timeOfDay() != null) {
            why.append(" in the ").append(wanted.timeOfDay().name().toLowerCase(Locale.ROOT));
        }
        if (wanted.practitionerId() != null) {
            why.append(" with the chosen practitioner");
        } else {
            why.append(" among ").append(among).append(among == 1 ? " practitioner" : " practitioners");
            if (wanted.specialty() != null) {
                why.append(" of ").append(wanted.specialty());
            }
        }
        if (wanted.language() != null) {
            why.append(" speaking ").append(wanted.language());
        }
        if (wanted.patientId() != null) {
            why.append(", clear of the patient's other appointments");
        }
        why.append(": ")
                .append(clinician.displayName())
                .append(", ")
                .append(WHEN.format(slot.start().atZone(zone)));
        return why.toString();
    }

    /** Candidates as GraphQL error extensions ({@code extensions.alternatives}). */
    public static List<Map<String, Object>> asExtensions(List<Candidate> candidates, ZoneId zone) {
        return candidates.stream()
                .map(c -> Map.<String, Object>of(
                        "practitionerId", c.clinician().practitionerId().toString(),
                        "practitionerName", c.clinician().displayName(),
                        "servicePointId", c.slot().servicePointId().toString(),
                        "start", DATE_TIME.format(c.slot().start().atZone(zone)),
                        "end", DATE_TIME.format(c.slot().end().atZone(zone)),
                        "freePlaces", c.freePlaces()))
                .toList();
    }
}
