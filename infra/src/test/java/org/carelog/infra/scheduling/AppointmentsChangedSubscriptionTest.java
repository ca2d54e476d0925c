package org.carelog.infra.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.carelog.api.common.Role;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import reactor.core.Disposable;

/** A front-desk dashboard over a real WebSocket sees bookings and cancellations of the day it watches. */
class AppointmentsChangedSubscriptionTest extends SchedulingApi {

    static final String WATCH = "subscription($p: ID!, $d: Date!) { appointmentsChanged(practitionerId: $p, date: $d) {"
            + " practitionerId date appointments { id status start } } }";

    @Test
    void aDashboardSeesTheDayNowThenEveryBookingAndCancellation() {
        String department = department();
        String doctor = doctor(department, "Medicine", List.of("BN"));
        weekly(doctor, chamber(department), "12:00", "13:00", 15, 1);
        LocalDate day = workingDay(15);
        List<ClientGraphQlResponse> updates = new CopyOnWriteArrayList<>();
        WebSocketGraphQlClient client = subscriptions(credentials(Role.RECEPTIONIST));
        Disposable watching = client.document(WATCH)
                .variable("p", doctor)
                .variable("d", day.toString())
                .executeSubscription()
                .subscribe(updates::add);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !updates.isEmpty());
            assertThat(updates.get(0).getErrors()).isEmpty();
            assertThat(calendar(updates.get(0)).get("appointments")).isEmpty();

            String appointment = ok(
                            Role.RECEPTIONIST, BOOK_SLOT, Map.of("input", slot(patient(), doctor, at(day, "12:15"))))
                    .at("/bookSlot/appointmentId")
                    .asText();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> calendar(last(updates)).get("appointments").size() == 1);
            JsonNode booked = calendar(last(updates)).at("/appointments/0");
            assertThat(booked.get("id").asText()).isEqualTo(appointment);
            assertThat(booked.get("status").asText()).isEqualTo("BOOKED");
            assertThat(booked.get("start").asText()).isEqualTo(at(day, "12:15"));

            ok(
                    Role.RECEPTIONIST,
                    SchedulingTest.CANCEL,
                    Map.of(
                            "input",
                            Map.of(
                                    "appointmentId",
                                    appointment,
                                    "cancelledBy",
                                    "FACILITY",
                                    "reason",
                                    "Doctor called away")));
            await().atMost(Duration.ofSeconds(20)).until(() -> calendar(last(updates))
                    .at("/appointments/0/status")
                    .asText()
                    .equals("CANCELLED"));
        } finally {
            watching.dispose();
            client.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void aSubscriptionNeedsAStaffRole() {
        List<String> refused = new CopyOnWriteArrayList<>();
        WebSocketGraphQlClient client = subscriptions(signedInPatient(registeredPatient()));
        Disposable trying = client.document(WATCH)
                .variable("p", "00000000-0000-0000-0000-000000000001")
                .variable("d", workingDay(15).toString())
                .executeSubscription()
                .subscribe(r -> refused.add(r.getErrors().toString()), e -> refused.add(e.getMessage()));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !refused.isEmpty());
            assertThat(refused.get(0)).contains("FORBIDDEN");
        } finally {
            trying.dispose();
            client.stop().block(Duration.ofSeconds(10));
        }
    }

    private static JsonNode calendar(ClientGraphQlResponse response) {
        return JSON.valueToTree(response.field("appointmentsChanged").getValue());
    }

    private static ClientGraphQlResponse last(List<ClientGraphQlResponse> updates) {
        return updates.get(updates.size() - 1);
    }
}
