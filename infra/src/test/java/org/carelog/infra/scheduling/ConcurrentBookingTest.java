package org.carelog.infra.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.carelog.api.common.Role;
import org.junit.jupiter.api.Test;

/** No double booking, tested: fifty front desks booking the same one-place slot at the same moment. */
class ConcurrentBookingTest extends SchedulingApi {

    @Test
    void fiftyClientsBookOneSlotExactlyOneSucceedsTheRestGetConflictWithAlternativesAndEveryViewAgrees()
            throws Exception {
        String department = department();
        String doctor = doctor(department, "Medicine", List.of("BN"));
        weekly(doctor, chamber(department), "16:00", "17:00", 15, 1);
        LocalDate day = workingDay(14);
        String start = at(day, "16:00");
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            patients.add(patient());
        }

        ExecutorService clients = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<JsonNode>> futures = new ArrayList<>();
        for (String patient : patients) {
            futures.add(clients.submit(() -> {
                go.await();
                return as(Role.RECEPTIONIST, BOOK_SLOT, Map.of("input", slot(patient, doctor, start)));
            }));
        }
        go.countDown();
        List<JsonNode> responses = new ArrayList<>();
        for (Future<JsonNode> f : futures) {
            responses.add(f.get());
        }
        clients.shutdown();

        List<JsonNode> booked =
                responses.stream().filter(r -> r.path("errors").isMissingNode()).toList();
        assertThat(booked).hasSize(1);
        assertThat(responses.stream().filter(r -> !r.path("errors").isMissingNode()))
                .hasSize(49)
                .allSatisfy(r -> {
                    assertThat(r.at("/errors/0/extensions/code").asText()).isEqualTo("CONFLICT");
                    assertThat(r.at("/errors/0/extensions/reason").asText()).isEqualTo("SLOT_FULL");
                    assertThat(r.at("/errors/0/extensions/alternatives/0/start").asText())
                            .isEqualTo(at(day, "16:15"));
                });
        String winner = booked.get(0).at("/data/bookSlot/appointmentId").asText();

        String schedule = doctor + "_" + day;
        assertThat(eventCount("org.carelog.api.scheduling.SlotBooked", schedule))
                .as("the event store holds one booking of the day")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from appointment_booking where practitioner_id = ?::uuid",
                        Integer.class,
                        doctor))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode calendar = ok(Role.DOCTOR, CALENDAR, Map.of("p", doctor, "d", day.toString()))
                    .get("dayCalendar");
            assertThat(calendar.findValuesAsText("id")).containsExactly(winner);
            assertThat(ok(Role.NURSE, AVAILABLE, Map.of("p", doctor, "from", day.toString(), "to", day.toString()))
                            .get("availableSlots")
                            .findValuesAsText("start"))
                    .doesNotContain(start)
                    .containsExactly(at(day, "16:15"), at(day, "16:30"), at(day, "16:45"));
        });
    }
}
