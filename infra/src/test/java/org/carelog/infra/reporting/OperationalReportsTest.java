package org.carelog.infra.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.carelog.api.common.Role;
import org.carelog.api.patient.PatientRegistered;
import org.carelog.api.queue.TokenCalled;
import org.carelog.api.queue.TokenIssued;
import org.carelog.api.queue.TokenMarkedNoShow;
import org.carelog.api.queue.TokenServiceFinished;
import org.carelog.api.queue.TokenServiceStarted;
import org.carelog.api.scheduling.AppointmentCancelled;
import org.carelog.api.scheduling.AppointmentCheckedIn;
import org.carelog.api.scheduling.AppointmentMarkedNoShow;
import org.carelog.api.scheduling.SlotBooked;
import org.carelog.infra.IntegrationTest;
import org.carelog.infra.TestClock;
import org.carelog.infra.patient.PatientFixtures;
import org.carelog.infra.scheduling.NoShowJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The census and patient-flow reports against figures computed independently, straight from the stored events,
 * for two simulated clinic days: 240 patients registered over two days, 160 appointments in one department (some
 * cancelled, most checked in, the rest no-shows once the day closes), 60 walk-ins at a counter served with
 * waiting and service times of their own. The clock (and Axon's event clock) is the test's.
 */
@Import(TestClock.Config.class)
class OperationalReportsTest extends IntegrationTest {

    private static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    private static final int FIRST_DAY_PATIENTS = 120;
    private static final int SECOND_DAY_PATIENTS = 120;
    private static final int APPOINTMENTS = 160;
    private static final int WALK_INS = 60;

    @Autowired
    TestClock clock;

    @Autowired
    NoShowJob noShows;

    @Autowired
    EventStorageEngine events;

    @AfterEach
    void axonClockBack() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void censusAndFlowEqualWhatTheEventsSay() {
        GenericEventMessage.clock = clock;
        LocalDate first = at(nextWorkingDay(), "07:00").atZone(DHAKA).toLocalDate();
        LocalDate second = first.plusDays(1);
        if (second.getDayOfWeek() == java.time.DayOfWeek.FRIDAY) {
            first = first.plusDays(1);
            second = first.plusDays(1);
            moveTo(at(first, "07:00"));
        }
        String department = createDepartment("Reports Medicine", "রিপোর্ট মেডিসিন");
        String chamber = createServicePoint(department, "CHAMBER").id();
        String counter = createServicePoint(department, "COUNTER").id();
        String doctor = practitioner(department, chamber);

        List<String> returning = new ArrayList<>();
        for (int i = 0; i < FIRST_DAY_PATIENTS; i++) {
            returning.add(patient());
        }
        moveTo(at(second, "07:00"));
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < SECOND_DAY_PATIENTS; i++) {
            fresh.add(patient());
        }

        List<String> appointments = new ArrayList<>();
        for (int i = 0; i < APPOINTMENTS; i++) {
            String patient = i % 2 == 0 ? returning.get(i / 2) : fresh.get(i / 2);
            String start = at(
                            second, LocalTime.of(8, 0).plusMinutes(5L * (i / 2)).toString())
                    .toString();
            appointments.add(data(post(
                            credentials(Role.RECEPTIONIST),
                            "mutation($input: BookSlotInput!) { bookSlot(input: $input) { appointmentId } }",
                            Map.of("input", map("patientId", patient, "practitionerId", doctor, "start", start))))
                    .at("/bookSlot/appointmentId")
                    .asText());
        }
        for (int i = 0; i < APPOINTMENTS; i++) {
            if (i % 10 == 3) {
                data(post(
                        credentials(Role.RECEPTIONIST),
                        "mutation($input: CancelAppointmentInput!) { cancelAppointment(input: $input) { appointmentId } }",
                        Map.of(
                                "input",
                                map(
                                        "appointmentId",
                                        appointments.get(i),
                                        "cancelledBy",
                                        "PATIENT",
                                        "reason",
                                        "cannot come"))));
            } else if (i % 7 != 0) {
                data(post(
                        credentials(Role.RECEPTIONIST),
                        "mutation($input: CheckInAppointmentInput!) { checkInAppointment(input: $input) { appointmentId } }",
                        Map.of("input", map("appointmentId", appointments.get(i)))));
            }
        }

        moveTo(at(second, "08:00"));
        for (int i = 0; i < WALK_INS; i++) {
            Map<String, Object> input = i % 6 == 5
                    ? map(
                            "servicePointId",
                            counter,
                            "walkIn",
                            map("nameEn", "Walk In", "phone", "01711" + (100000 + i)))
                    : map("servicePointId", counter, "patientId", (i % 2 == 0 ? returning : fresh).get(80 + i / 2));
            data(post(
                    credentials(Role.RECEPTIONIST),
                    "mutation($input: IssueTokenInput!) { issueToken(input: $input) { tokenId } }",
                    Map.of("input", input)));
            clock.advance(Duration.ofMinutes(1));
        }
        for (int k = 0; k < WALK_INS; k++) {
            clock.advance(Duration.ofMinutes(k % 4 + 1));
            String token = data(post(
                            credentials(Role.NURSE),
                            "mutation($input: CallNextTokenInput!) { callNextToken(input: $input) { tokenId } }",
                            Map.of("input", map("servicePointId", counter))))
                    .at("/callNextToken/tokenId")
                    .asText();
            clock.advance(Duration.ofMinutes(1));
            if (k % 9 == 4) {
                action("markTokenNoShow", token);
                continue;
            }
            action("startService", token);
            clock.advance(Duration.ofMinutes(k % 5 + 2).plusSeconds(k * 7L % 60));
            action("finishService", token);
        }

        moveTo(at(second.plusDays(1), "01:00"));
        noShows.closeDays();
        awaitCaughtUp(OperationalReportProjector.PROCESSING_GROUP);

        Expected expected = expected(first, second, department, Set.of(chamber, counter), counter);
        assertThat(expected.booked).isEqualTo(APPOINTMENTS);
        assertThat(expected.walkIns).isEqualTo(WALK_INS);

        JsonNode census = data(post(
                        credentials(Role.ADMIN),
                        "query($f: ReportFilterInput!) { dailyCensus(filter: $f) { day registrations appointmentsBooked"
                                + " appointmentsCancelled appointmentsAttended appointmentsNoShow noShowRate walkInTokens"
                                + " appointmentTokens newPatientVisits returningPatientVisits } }",
                        Map.of(
                                "f",
                                map("from", first.toString(), "to", second.toString(), "departmentId", department))))
                .get("dailyCensus");
        assertThat(census).hasSize(2);
        JsonNode day = census.get(1);
        assertThat(day.get("registrations").isNull())
                .as("registrations are facility-wide")
                .isTrue();
        assertThat(day.get("appointmentsBooked").asInt()).isEqualTo(expected.booked);
        assertThat(day.get("appointmentsCancelled").asInt()).isEqualTo(expected.cancelled);
        assertThat(day.get("appointmentsAttended").asInt()).isEqualTo(expected.attended);
        assertThat(day.get("appointmentsNoShow").asInt()).isEqualTo(expected.noShows);
        assertThat(day.get("noShowRate").asDouble())
                .isCloseTo((double) expected.noShows / (expected.booked - expected.cancelled), within(1e-9));
        assertThat(day.get("walkInTokens").asInt()).isEqualTo(expected.walkIns);
        assertThat(day.get("appointmentTokens").asInt()).isEqualTo(expected.appointmentTokens);
        assertThat(day.get("newPatientVisits").asInt()).isEqualTo(expected.newVisits);
        assertThat(day.get("returningPatientVisits").asInt()).isEqualTo(expected.returningVisits);
        assertThat(census.get(0).get("appointmentsBooked").asInt()).isZero();

        JsonNode facility = data(post(
                        credentials(Role.AUDITOR),
                        "query($f: ReportFilterInput!) { dailyCensus(filter: $f) { day registrations } }",
                        Map.of("f", map("from", first.toString(), "to", second.toString()))))
                .get("dailyCensus");
        assertThat(facility.get(0).get("registrations").asInt()).isEqualTo(expected.registrations.get(first));
        assertThat(facility.get(1).get("registrations").asInt()).isEqualTo(expected.registrations.get(second));

        JsonNode flow = data(post(
                        credentials(Role.ADMIN),
                        "query($f: ReportFilterInput!) { patientFlow(filter: $f) { servicePointId tokens served noShows"
                                + " waitAverageMinutes waitMedianMinutes wait90thPercentileMinutes serviceAverageMinutes"
                                + " serviceMedianMinutes service90thPercentileMinutes tokensByHour busiestHours } }",
                        Map.of(
                                "f",
                                map("from", second.toString(), "to", second.toString(), "servicePointId", counter))))
                .at("/patientFlow/0");
        assertThat(flow.get("tokens").asInt()).isEqualTo(WALK_INS);
        assertThat(flow.get("served").asInt()).isEqualTo(expected.served);
        assertThat(flow.get("noShows").asInt()).isEqualTo(expected.tokenNoShows);
        assertThat(flow.get("waitAverageMinutes").asDouble()).isCloseTo(average(expected.waits), within(0.006));
        assertThat(flow.get("waitMedianMinutes").asDouble()).isCloseTo(percentile(expected.waits, 0.5), within(0.006));
        assertThat(flow.get("wait90thPercentileMinutes").asDouble())
                .isCloseTo(percentile(expected.waits, 0.9), within(0.006));
        assertThat(flow.get("serviceAverageMinutes").asDouble()).isCloseTo(average(expected.services), within(0.006));
        assertThat(flow.get("serviceMedianMinutes").asDouble())
                .isCloseTo(percentile(expected.services, 0.5), within(0.006));
        assertThat(flow.get("service90thPercentileMinutes").asDouble())
                .isCloseTo(percentile(expected.services, 0.9), within(0.006));
        List<Integer> byHour = new ArrayList<>();
        flow.get("tokensByHour").forEach(h -> byHour.add(h.asInt()));
        assertThat(byHour).containsExactlyElementsOf(expected.counterTokensByHour());
        assertThat(flow.at("/busiestHours/0").asInt()).isEqualTo(8);

        List<CSVRecord> flowRows =
                csv("/reports/flow.csv?from=" + second + "&to=" + second + "&servicePointId=" + counter);
        assertThat(flowRows).hasSize(1);
        CSVRecord flowRow = flowRows.get(0);
        assertThat(flowRow.get("service_point_id")).isEqualTo(counter);
        assertThat(Integer.parseInt(flowRow.get("tokens")))
                .isEqualTo(flow.get("tokens").asInt());
        assertThat(Integer.parseInt(flowRow.get("served")))
                .isEqualTo(flow.get("served").asInt());
        assertThat(Integer.parseInt(flowRow.get("no_shows")))
                .isEqualTo(flow.get("noShows").asInt());
        Map.of(
                        "wait_average_minutes", "waitAverageMinutes",
                        "wait_median_minutes", "waitMedianMinutes",
                        "wait_90th_minutes", "wait90thPercentileMinutes",
                        "service_average_minutes", "serviceAverageMinutes",
                        "service_median_minutes", "serviceMedianMinutes",
                        "service_90th_minutes", "service90thPercentileMinutes")
                .forEach((column, field) -> assertThat(Double.parseDouble(flowRow.get(column)))
                        .as(column)
                        .isCloseTo(flow.get(field).asDouble(), within(0.0051)));
        for (int hour = 0; hour < 24; hour++) {
            assertThat(Integer.parseInt(flowRow.get(String.format("tokens_hour_%02d", hour))))
                    .isEqualTo(byHour.get(hour));
        }
        List<String> busiest = new ArrayList<>();
        flow.get("busiestHours").forEach(h -> busiest.add(h.asText()));
        assertThat(flowRow.get("busiest_hours")).isEqualTo(String.join(" ", busiest));

        List<CSVRecord> tokens =
                csv("/reports/tokens.csv?from=" + second + "&to=" + second + "&servicePointId=" + counter);
        assertThat(tokens).hasSize(WALK_INS);
        assertThat(tokens.stream().filter(r -> !r.get("finished_at").isEmpty()).count())
                .isEqualTo(expected.served);
        List<CSVRecord> censusRows =
                csv("/reports/census.csv?from=" + first + "&to=" + second + "&departmentId=" + department);
        assertThat(censusRows.stream()
                        .mapToInt(r -> Integer.parseInt(r.get("appointments_attended")))
                        .sum())
                .isEqualTo(expected.attended);
        assertThat(censusRows.stream()
                        .mapToInt(r -> Integer.parseInt(r.get("walk_in_tokens")))
                        .sum())
                .isEqualTo(expected.walkIns);

        JsonNode refused = json(post(
                credentials(Role.RECEPTIONIST),
                "query($f: ReportFilterInput!) { dailyCensus(filter: $f) { day } }",
                Map.of("f", map("from", first.toString(), "to", second.toString()))));
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        JsonNode backwards = json(post(
                credentials(Role.ADMIN),
                "query($f: ReportFilterInput!) { dailyCensus(filter: $f) { day } }",
                Map.of("f", map("from", second.toString(), "to", first.toString()))));
        assertThat(backwards.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
    }

    private List<CSVRecord> csv(String path) {
        return csv(path, credentials(Role.ADMIN));
    }

    /** What the stored events say, computed here without the projection. */
    private static final class Expected {
        final Map<LocalDate, Integer> registrations = new HashMap<>();
        final List<Double> waits = new ArrayList<>();
        final List<Double> services = new ArrayList<>();
        final int[] counterHours = new int[24];
        int booked;
        int cancelled;
        int attended;
        int noShows;
        int walkIns;
        int appointmentTokens;
        int newVisits;
        int returningVisits;
        int served;
        int tokenNoShows;

        List<Integer> counterTokensByHour() {
            return java.util.Arrays.stream(counterHours).boxed().toList();
        }
    }

    private Expected expected(
            LocalDate first, LocalDate second, String department, Set<String> servicePoints, String counter) {
        Expected expected = new Expected();
        Map<UUID, LocalDate> registeredOn = new HashMap<>();
        Set<UUID> mine = new HashSet<>();
        Map<UUID, UUID> appointmentPatient = new HashMap<>();
        Map<Integer, Instant> issued = new HashMap<>();
        Map<Integer, Instant> called = new HashMap<>();
        Map<Integer, Instant> started = new HashMap<>();
        List<UUID> visitors = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            stream.forEach(event -> {
                Object payload = event.getPayload();
                LocalDate day = event.getTimestamp().atZone(DHAKA).toLocalDate();
                if (payload instanceof PatientRegistered registered) {
                    registeredOn.put(registered.patientId().value(), day);
                    expected.registrations.merge(day, 1, Integer::sum);
                } else if (payload instanceof SlotBooked booked
                        && booked.departmentId() != null
                        && booked.departmentId().value().toString().equals(department)) {
                    mine.add(booked.appointmentId().value());
                    appointmentPatient.put(
                            booked.appointmentId().value(), booked.patientId().value());
                    expected.booked++;
                } else if (payload instanceof AppointmentCancelled c
                        && mine.contains(c.appointmentId().value())) {
                    expected.cancelled++;
                } else if (payload instanceof AppointmentCheckedIn c
                        && mine.contains(c.appointmentId().value())) {
                    expected.attended++;
                    visitors.add(c.patientId().value());
                } else if (payload instanceof AppointmentMarkedNoShow n
                        && mine.contains(n.appointmentId().value())) {
                    expected.noShows++;
                } else if (payload instanceof TokenIssued t
                        && servicePoints.contains(
                                t.queueId().servicePointId().value().toString())) {
                    if (t.appointment() != null) {
                        expected.appointmentTokens++;
                    } else if (t.transferredFrom() == null) {
                        expected.walkIns++;
                        visitors.add(
                                t.patientId() == null ? null : t.patientId().value());
                    }
                    if (t.queueId().servicePointId().value().toString().equals(counter)) {
                        issued.put(t.number(), event.getTimestamp());
                        expected.counterHours[event.getTimestamp().atZone(DHAKA).getHour()]++;
                    }
                } else if (payload instanceof TokenCalled c && counter(c.queueId(), counter)) {
                    called.putIfAbsent(c.number(), event.getTimestamp());
                } else if (payload instanceof TokenServiceStarted s && counter(s.queueId(), counter)) {
                    started.put(s.number(), event.getTimestamp());
                } else if (payload instanceof TokenServiceFinished f && counter(f.queueId(), counter)) {
                    expected.served++;
                    expected.services.add(minutes(started.get(f.number()), event.getTimestamp()));
                } else if (payload instanceof TokenMarkedNoShow n && counter(n.queueId(), counter)) {
                    expected.tokenNoShows++;
                }
            });
        }
        called.forEach((number, at) -> expected.waits.add(minutes(issued.get(number), at)));
        for (UUID visitor : visitors) {
            LocalDate registered = visitor == null ? null : registeredOn.get(visitor);
            if (registered != null && registered.isBefore(second)) {
                expected.returningVisits++;
            } else {
                expected.newVisits++;
            }
        }
        expected.registrations.putIfAbsent(first, 0);
        expected.registrations.putIfAbsent(second, 0);
        return expected;
    }

    private static boolean counter(org.carelog.api.queue.TokenQueueId queue, String counter) {
        return queue.servicePointId().value().toString().equals(counter);
    }

    private static double minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 60_000.0;
    }

    private static double average(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** PostgreSQL's percentile_cont: linear interpolation between the two nearest ranks. */
    private static double percentile(List<Double> values, double fraction) {
        List<Double> sorted = values.stream().sorted().toList();
        double position = fraction * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.size() - 1);
        return sorted.get(lower) + (position - lower) * (sorted.get(upper) - sorted.get(lower));
    }

    private void action(String mutation, String token) {
        data(post(
                credentials(Role.NURSE),
                "mutation($input: TokenActionInput!) { " + mutation + "(input: $input) { tokenId } }",
                Map.of("input", map("tokenId", token))));
    }

    private String patient() {
        return data(post(
                        credentials(Role.RECEPTIONIST),
                        "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId } }",
                        Map.of("input", PatientFixtures.bystander(70_000_000L + unique()))))
                .at("/registerPatient/patientId")
                .asText();
    }

    /** A doctor with 5-minute, two-place sessions in the chamber from 08:00 to 20:00 every day. */
    private String practitioner(String department, String chamber) {
        String practitioner = registerDoctor(department, LocalDate.now(clock).plusYears(2));
        data(post(
                credentials(Role.ADMIN),
                "mutation($input: SetWeeklyAvailabilityInput!) { setWeeklyAvailability(input: $input) { practitionerId } }",
                Map.of(
                        "input",
                        map(
                                "practitionerId",
                                practitioner,
                                "sessions",
                                List.of(map(
                                        "servicePointId",
                                        chamber,
                                        "days",
                                        List.of("SATURDAY", "SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"),
                                        "start",
                                        "08:00",
                                        "end",
                                        "20:00",
                                        "slotMinutes",
                                        5,
                                        "capacity",
                                        2,
                                        "types",
                                        List.of("IN_PERSON")))))));
        return practitioner;
    }

    /** The next day that is not a Friday, at 07:00 local, reached by moving the clock forward. */
    private LocalDate nextWorkingDay() {
        LocalDate day = LocalDate.now(clock).plusDays(1);
        if (day.getDayOfWeek() == java.time.DayOfWeek.FRIDAY) {
            day = day.plusDays(1);
        }
        moveTo(at(day, "07:00"));
        return day;
    }

    private static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(DHAKA).toInstant();
    }

    private void moveTo(Instant instant) {
        Duration ahead = Duration.between(clock.instant(), instant);
        if (!ahead.isNegative()) {
            clock.advance(ahead);
        }
    }
}
