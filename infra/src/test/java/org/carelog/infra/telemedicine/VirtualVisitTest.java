package org.carelog.infra.telemedicine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carelog.api.communication.MessageKind;
import org.carelog.api.telemedicine.ConsultationId;
import org.carelog.infra.IntegrationTest;
import org.carelog.infra.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Issue 9's whole virtual visit over HTTP on PostgreSQL: a VIRTUAL slot is booked, the join link reaches the
 * patient, the link admits only inside the window (moved with the test clock) and only after consent, the
 * assigned clinician joins (nobody else), the visit's encounter takes a prescription whose verification link
 * reaches the patient, and signing completes the consultation. Every JWT is parsed and its signature and claims
 * checked.
 */
@Import(TestClock.Config.class)
class VirtualVisitTest extends IntegrationTest {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final String JOIN = "mutation($input: ConsultationActionInput!) { joinConsultation(input: $input) {"
            + " consultationId encounterId url validUntil } }";
    static final String CONSULTATION = "query($id: ID!) { virtualConsultation(id: $id) { id patientId appointmentId"
            + " state encounterId linkVersion consent { method givenBy recordedBy recordedAt }"
            + " history { event state participant username at } } }";

    @Autowired
    TestClock clock;

    @Autowired
    TelemedicineProperties properties;

    @Autowired
    MissedConsultationJob missedJob;

    record Clinic(String practitionerId, String doctor, String otherDoctor) {}

    @Test
    void aWholeVirtualVisitFromBookingToThePrescriptionLink() throws Exception {
        Clinic clinic = clinic();
        String patient = registeredPatient();
        ZonedDateTime start = nextSlot(Duration.ofMinutes(60));
        String appointment = bookVirtual(patient, clinic.practitionerId(), start);
        ConsultationId consultation = ConsultationId.forAppointment(UUID.fromString(appointment));

        // The join link reaches the patient, as a secret value.
        SentMessage link = awaitMessage(patient, MessageKind.TELEMEDICINE_LINK.name());
        assertThat(link.deduplicationKey()).isEqualTo("telemedicine-link:" + consultation + ":v1");
        assertThat(link.hasSecret())
                .as("the link is a secret value: masked in the record")
                .isTrue();
        String path = URI.create(link.link()).getPath();
        assertThat(path).startsWith("/telemedicine/join/");

        // An hour early: refused with a stable code, nothing recorded.
        HttpResponse<String> early = join(path);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.headers().firstValue("Carelog-Error")).contains("JOIN_WINDOW_NOT_OPEN");
        // A forged or altered link: nobody.
        String altered = path.substring(0, path.length() - 2) + (path.endsWith("AA") ? "BB" : "AA");
        assertThat(join(altered).statusCode()).isEqualTo(404);
        assertThat(get(altered).statusCode()).isEqualTo(404);
        assertThat(join("/telemedicine/join/" + UUID.randomUUID()).headers().firstValue("Carelog-Error"))
                .contains("INVALID_LINK");
        // The clinician too, before the window.
        JsonNode tooEarly = json(post(clinic.doctor(), JOIN, input(consultation)));
        assertThat(tooEarly.at("/errors/0/extensions/reason").asText()).isEqualTo("JOIN_WINDOW_NOT_OPEN");
        assertThat(joins(consultation)).isZero();

        // Ten minutes before the start. Opening (or a message app previewing) the link's page changes nothing.
        clock.advance(Duration.between(clock.instant(), start.toInstant().minus(Duration.ofMinutes(10))));
        HttpResponse<String> page = get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("method=\"post\"");
        assertThat(joins(consultation)).isZero();
        // Joining asks for consent first; agreeing records it and lets the patient into the room.
        HttpResponse<String> consentPage = join(path);
        assertThat(consentPage.statusCode()).isEqualTo(200);
        assertThat(consentPage.headers().firstValue("Carelog-Error")).contains("CONSENT_REQUIRED");
        assertThat(consentPage.body()).contains("/consent\"");
        assertThat(joins(consultation)).isZero();
        HttpResponse<String> consented = send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path + "/consent"))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                null);
        assertThat(consented.statusCode()).isEqualTo(303);
        HttpResponse<String> admitted = consented;
        String room = roomOf(admitted.headers().firstValue("Location").orElseThrow());
        JWTClaimsSet patientToken =
                verifiedClaims(admitted.headers().firstValue("Location").orElseThrow(), room, start);
        Map<String, Object> patientUser = user(patientToken);
        assertThat(patientUser.get("id")).isEqualTo(patient);
        assertThat(patientUser.get("moderator")).isEqualTo(false);
        String mrn = jdbc.queryForObject(
                "select mrn from patient_directory where patient_id = ?::uuid", String.class, patient);
        assertThat((String) patientUser.get("name")).contains("MRN " + mrn);

        // Only the assigned clinician joins: another doctor and a nurse are refused, nothing recorded.
        JsonNode other = json(post(clinic.otherDoctor(), JOIN, input(consultation)));
        assertThat(other.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        assertThat(other.at("/errors/0/extensions/reason").asText()).isEqualTo("NOT_A_PARTICIPANT");
        assertThat(json(post(newStaff(org.carelog.api.common.Role.NURSE), JOIN, input(consultation)))
                        .at("/errors/0/extensions/code")
                        .asText())
                .isEqualTo("FORBIDDEN");
        JsonNode joined = data(post(clinic.doctor(), JOIN, input(consultation))).get("joinConsultation");
        String encounter = joined.get("encounterId").asText();
        JWTClaimsSet clinicianToken = verifiedClaims(joined.get("url").asText(), room, start);
        Map<String, Object> clinicianUser = user(clinicianToken);
        assertThat(clinicianUser.get("id")).isEqualTo(clinic.practitionerId());
        assertThat(clinicianUser.get("moderator")).isEqualTo(true);
        assertThat((String) clinicianUser.get("name")).contains("BMDC A-");

        // The visit is an encounter like any other: VIRTUAL, from the appointment (checked in when the patient came).
        JsonNode opened = data(post(
                        clinic.doctor(),
                        "query($id: ID!) { encounter(id: $id) { type origin appointmentId status } }",
                        Map.of("id", encounter)))
                .get("encounter");
        assertThat(opened.get("type").asText()).isEqualTo("VIRTUAL");
        assertThat(opened.get("origin").asText()).isEqualTo("APPOINTMENT");
        assertThat(opened.get("appointmentId").asText()).isEqualTo(appointment);
        data(post(
                clinic.doctor(),
                "mutation($input: RecordDiagnosisInput!) { recordDiagnosis(input: $input) { diagnosisId } }",
                Map.of("input", map("encounterId", encounter, "rank", "PRIMARY", "code", "1D2Z"))));
        String prescription = data(post(
                        clinic.doctor(),
                        "mutation($input: WritePrescriptionInput!) { writePrescription(input: $input) {"
                                + " prescriptionId } }",
                        Map.of("input", paracetamol(patient, encounter))))
                .at("/writePrescription/prescriptionId")
                .asText();

        // The signed prescription reaches the patient as its verification link.
        SentMessage rx = awaitMessage(patient, MessageKind.PRESCRIPTION_LINK.name());
        assertThat(rx.deduplicationKey()).isEqualTo("prescription-link:" + prescription);
        String reference = rx.link().substring(rx.link().lastIndexOf('/') + 1);
        assertThat(rx.link()).contains("/verify/prescriptions/" + reference);
        assertThat(get("/verify/prescriptions/" + reference).statusCode()).isEqualTo(200);

        // Signing the encounter completes the consultation; its states and their times are on the read side.
        data(post(
                clinic.doctor(),
                "mutation($input: SignEncounterInput!) { signEncounter(input: $input) { encounterId } }",
                Map.of("input", map("encounterId", encounter))));
        JsonNode view = awaitConsultation(clinic.doctor(), consultation, "COMPLETED");
        assertThat(view.get("encounterId").asText()).isEqualTo(encounter);
        assertThat(view.at("/consent/method").asText()).isEqualTo("PATIENT_ON_JOIN_PAGE");
        assertThat(view.get("history").findValuesAsText("state"))
                .containsExactly("SCHEDULED", "SCHEDULED", "WAITING_ROOM", "IN_PROGRESS", "COMPLETED");
        assertThat(jdbc.queryForObject(
                        "select count(*) from clinical_access_log where patient_id = ?::uuid and view ="
                                + " 'virtualConsultation'",
                        Long.class,
                        patient))
                .isPositive();
        // Over: the link admits nobody any more.
        assertThat(join(path).headers().firstValue("Carelog-Error")).contains("CONSULTATION_ENDED");
        // The patient was not put in the chamber's queue by the virtual check-in.
        assertThat(jdbc.queryForObject(
                        "select count(*) from queue_token where patient_id = ?::uuid", Long.class, patient))
                .isZero();
    }

    @Test
    void aConsultationNobodyJoinedIsMissedByThePatientWhenItsWindowCloses() throws Exception {
        Clinic clinic = clinic();
        String patient = registeredPatient();
        ZonedDateTime start = nextSlot(Duration.ofMinutes(30));
        String appointment = bookVirtual(patient, clinic.practitionerId(), start);
        ConsultationId consultation = ConsultationId.forAppointment(UUID.fromString(appointment));
        String path = URI.create(awaitMessage(patient, MessageKind.TELEMEDICINE_LINK.name())
                        .link())
                .getPath();
        data(post(
                credentials(org.carelog.api.common.Role.RECEPTIONIST),
                "mutation($input: RecordTelemedicineConsentInput!) { recordTelemedicineConsent(input: $input) {"
                        + " consultationId } }",
                Map.of("input", map("consultationId", consultation.toString(), "givenBy", "PATIENT"))));

        // Past the end and the 30 minutes after it: too late, nothing recorded; then the job decides.
        clock.advance(Duration.between(clock.instant(), start.toInstant())
                .plus(Duration.ofMinutes(15))
                .plus(properties.joinClosesAfter())
                .plusSeconds(1));
        HttpResponse<String> late = join(path);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.headers().firstValue("Carelog-Error")).contains("JOIN_WINDOW_CLOSED");
        assertThat(joins(consultation)).isZero();
        missedJob.closeDue();
        JsonNode view = awaitConsultation(clinic.doctor(), consultation, "MISSED_BY_PATIENT");
        assertThat(view.at("/consent/method").asText()).isEqualTo("STAFF_BY_PHONE");
        assertThat(view.at("/consent/recordedBy").asText())
                .isEqualTo(username(org.carelog.api.common.Role.RECEPTIONIST));
    }

    @Test
    void reschedulingMovesTheConsultationAndSendsANewLinkThatAloneAdmits() throws Exception {
        Clinic clinic = clinic();
        String patient = registeredPatient();
        ZonedDateTime start = nextSlot(Duration.ofMinutes(60));
        String appointment = bookVirtual(patient, clinic.practitionerId(), start);
        ConsultationId consultation = ConsultationId.forAppointment(UUID.fromString(appointment));
        String first = URI.create(awaitMessage(patient, MessageKind.TELEMEDICINE_LINK.name())
                        .link())
                .getPath();
        ZonedDateTime later = start.plusMinutes(30);
        data(post(
                credentials(org.carelog.api.common.Role.RECEPTIONIST),
                "mutation($input: RescheduleAppointmentInput!) { rescheduleAppointment(input: $input) {"
                        + " appointmentId } }",
                Map.of(
                        "input",
                        map("appointmentId", appointment, "start", stamp(later), "reason", "doctor in surgery"))));
        String second = URI.create(awaitMessage("telemedicine-link:" + consultation + ":v2")
                        .link())
                .getPath();
        assertThat(second).isNotEqualTo(first);
        clock.advance(Duration.between(clock.instant(), later.toInstant().minus(Duration.ofMinutes(5))));
        assertThat(join(first).headers().firstValue("Carelog-Error")).contains("LINK_REPLACED");
        assertThat(join(second).headers().firstValue("Carelog-Error")).contains("CONSENT_REQUIRED");
        JsonNode view = awaitConsultation(clinic.doctor(), consultation, "SCHEDULED");
        assertThat(view.get("linkVersion").asInt()).isEqualTo(2);
        assertThat(view.get("appointmentId").asText()).isNotEqualTo(appointment);
    }

    // helpers

    Clinic clinic() {
        String department = createDepartment("Telemedicine", "টেলিমেডিসিন");
        String chamber = createServicePoint(department, "CHAMBER").id();
        String practitioner = registerDoctor(department, LocalDate.now(DHAKA).plusYears(2));
        String otherPractitioner =
                registerDoctor(department, LocalDate.now(DHAKA).plusYears(2));
        data(post(
                credentials(org.carelog.api.common.Role.ADMIN),
                "mutation($input: ChangeDayAvailabilityInput!) { changeDayAvailability(input: $input) {"
                        + " practitionerId } }",
                Map.of(
                        "input",
                        Map.of(
                                "practitionerId",
                                practitioner,
                                "date",
                                LocalDate.ofInstant(clock.instant(), DHAKA).toString(),
                                "sessions",
                                List.of(Map.of(
                                        "servicePointId",
                                        chamber,
                                        "start",
                                        "00:00",
                                        "end",
                                        "23:45",
                                        "slotMinutes",
                                        15,
                                        "capacity",
                                        1,
                                        "types",
                                        List.of("IN_PERSON", "VIRTUAL")))))));
        return new Clinic(
                practitioner,
                staffActingAs(org.carelog.api.common.Role.DOCTOR, practitioner),
                staffActingAs(org.carelog.api.common.Role.DOCTOR, otherPractitioner));
    }

    /** The start of the first 15-minute slot at least {@code ahead} from the test clock's now. */
    ZonedDateTime nextSlot(Duration ahead) {
        ZonedDateTime at = clock.instant().plus(ahead).atZone(DHAKA).truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime slot = at.plusMinutes((15 - at.getMinute() % 15) % 15);
        assertThat(slot.toLocalTime())
                .as("the test books today's slots; run it before 22:00 in Dhaka")
                .isBefore(LocalTime.of(23, 30));
        return slot;
    }

    String bookVirtual(String patient, String practitioner, ZonedDateTime start) {
        return data(post(
                        credentials(org.carelog.api.common.Role.RECEPTIONIST),
                        "mutation($input: BookSlotInput!) { bookSlot(input: $input) { appointmentId } }",
                        Map.of(
                                "input",
                                map(
                                        "patientId",
                                        patient,
                                        "practitionerId",
                                        practitioner,
                                        "start",
                                        stamp(start),
                                        "type",
                                        "VIRTUAL"))))
                .at("/bookSlot/appointmentId")
                .asText();
    }

    static String stamp(ZonedDateTime at) {
        return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").format(at);
    }

    static Map<String, Object> input(ConsultationId consultation) {
        return Map.of("input", Map.of("consultationId", consultation.toString()));
    }

    JsonNode awaitConsultation(String credentials, ConsultationId consultation, String state) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    last[0] = data(post(credentials, CONSULTATION, Map.of("id", consultation.toString())))
                            .get("virtualConsultation");
                    return last[0] != null
                            && !last[0].isNull()
                            && last[0].get("state").asText().equals(state);
                });
        return last[0];
    }

    long joins(ConsultationId consultation) {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ? and payloadtype like"
                        + " '%ConsultationJoinedBy%'",
                Long.class, consultation.toString());
    }

    HttpResponse<String> join(String path) {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody()), null);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), null);
    }

    static String roomOf(String url) {
        String path = URI.create(url).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The JWT of a room URL, its HS256 signature verified with the configured secret and every claim checked. */
    JWTClaimsSet verifiedClaims(String url, String room, ZonedDateTime start) throws Exception {
        URI uri = URI.create(url);
        assertThat(url).startsWith(properties.jitsi().serverUrl().toString().replaceAll("/+$", "") + "/" + room);
        assertThat(room).matches("[0-9a-f]{40}");
        String token = uri.getQuery().substring("jwt=".length());
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(jwt.verify(new MACVerifier(properties.jitsi().appSecret().getBytes(StandardCharsets.UTF_8))))
                .isTrue();
        assertThat(jwt.verify(
                        new MACVerifier("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8))))
                .isFalse();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly(properties.jitsi().audience());
        assertThat(claims.getIssuer()).isEqualTo(properties.jitsi().appId());
        assertThat(claims.getSubject()).isEqualTo(properties.jitsi().subject());
        assertThat(claims.getStringClaim("room")).isEqualTo(room);
        Instant nbf = claims.getNotBeforeTime().toInstant();
        Instant exp = claims.getExpirationTime().toInstant();
        assertThat(nbf).isEqualTo(start.toInstant().minus(properties.joinOpensBefore()));
        assertThat(exp).isEqualTo(start.toInstant().plus(Duration.ofMinutes(15)).plus(properties.joinClosesAfter()));
        return claims;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> user(JWTClaimsSet claims) throws Exception {
        Map<String, Object> context = claims.getJSONObjectClaim("context");
        return (Map<String, Object>) Optional.ofNullable(context.get("user")).orElseThrow();
    }

    static Map<String, Object> paracetamol(String patient, String encounter) {
        Map<String, Object> item = map(
                "genericName", "Paracetamol",
                "strength", "500 mg",
                "form", "Tablet",
                "dose", "1",
                "route", "oral",
                "frequency", "1+0+1",
                "timing", "AFTER_MEALS",
                "duration", map("amount", 3, "unit", "DAYS"));
        return map("patientId", patient, "encounterId", encounter, "items", List.of(item));
    }
}
