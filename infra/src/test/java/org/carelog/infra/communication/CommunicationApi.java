package org.carelog.infra.communication;

import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.carelog.infra.TestClock;
import org.carelog.infra.patient.PatientFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A facility for communication tests (and the communication report's): a doctor with sessions, patients with chosen
 * consent and language.
 */
@Import(TestClock.Config.class)
public abstract class CommunicationApi extends IntegrationTest {

    protected static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    protected static final String BOOK_SLOT =
            "mutation($input: BookSlotInput!) { bookSlot(input: $input) { appointmentId start } }";
    protected static final String CANCEL =
            "mutation($input: CancelAppointmentInput!) { cancelAppointment(input: $input) { appointmentId } }";
    protected static final String MESSAGES = "query($p: ID!) { patientMessages(patientId: $p) { edges { node {"
            + " id kind channel language status decision address text segments attempts gatewayMessageId"
            + " gatewayAnswer resendOf requestedBy } } } }";

    @Autowired
    protected TestClock clock;

    protected record Doctor(String practitionerId, String chamberId, String departmentId) {}

    protected record Patient(String id, String phone, String email) {}

    /** A doctor with ten-place quarter-hour sessions from 14:00 to 17:00 every day. */
    protected Doctor doctor() {
        String department = createDepartment("Communication", "যোগাযোগ");
        String chamber = createServicePoint(department, "CHAMBER").id();
        String doctor = registerDoctor(department, LocalDate.now(clock).plusYears(2));
        data(post(
                credentials(Role.ADMIN),
                "mutation($input: SetWeeklyAvailabilityInput!) { setWeeklyAvailability(input: $input) { practitionerId } }",
                Map.of(
                        "input",
                        Map.of(
                                "practitionerId",
                                doctor,
                                "sessions",
                                List.of(Map.of(
                                        "servicePointId",
                                        chamber,
                                        "days",
                                        List.of(
                                                "SATURDAY",
                                                "SUNDAY",
                                                "MONDAY",
                                                "TUESDAY",
                                                "WEDNESDAY",
                                                "THURSDAY",
                                                "FRIDAY"),
                                        "start",
                                        "14:00",
                                        "end",
                                        "17:00",
                                        "slotMinutes",
                                        15,
                                        "capacity",
                                        20,
                                        "types",
                                        List.of("IN_PERSON", "VIRTUAL")))))));
        return new Doctor(doctor, chamber, department);
    }

    /** A registered patient with this language and consent; their phone and e-mail as the directory holds them. */
    protected Patient patient(String language, boolean sms, boolean email) {
        return patient(language, sms, email, true);
    }

    /** As {@link #patient(String, boolean, boolean)}; without {@code addresses}, with neither phone nor e-mail (so no consent). */
    protected Patient patient(String language, boolean sms, boolean email, boolean addresses) {
        Map<String, Object> input = PatientFixtures.bystander(70_000_000L + unique());
        @SuppressWarnings("unchecked")
        Map<String, Object> contact = (Map<String, Object>) input.get("contact");
        if (!addresses) {
            contact.remove("phone");
            contact.remove("email");
        }
        contact.put("preferredLanguage", language);
        input.put("consent", Map.of("sms", sms, "email", email));
        String id = data(post(
                        credentials(Role.RECEPTIONIST),
                        "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId } }",
                        Map.of("input", input)))
                .at("/registerPatient/patientId")
                .asText();
        awaitInDirectory(id);
        return jdbc.queryForObject(
                "select phone, email from patient_directory where patient_id = ?::uuid",
                (rs, i) -> new Patient(id, rs.getString(1), rs.getString(2)),
                id);
    }

    /** A working day (not the Friday off day) this many days after the test clock's today. */
    protected LocalDate day(int daysAhead) {
        LocalDate day = LocalDate.now(clock).plusDays(daysAhead);
        return day.getDayOfWeek() == DayOfWeek.FRIDAY ? day.plusDays(1) : day;
    }

    protected static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(DHAKA).toInstant();
    }

    protected String book(Patient patient, Doctor doctor, Instant start) {
        String appointment = data(post(
                        credentials(Role.RECEPTIONIST),
                        BOOK_SLOT,
                        Map.of(
                                "input",
                                Map.of(
                                        "patientId",
                                        patient.id(),
                                        "practitionerId",
                                        doctor.practitionerId(),
                                        "start",
                                        start.atZone(DHAKA).toOffsetDateTime().toString()))))
                .at("/bookSlot/appointmentId")
                .asText();
        awaitReminderSaga(appointment);
        return appointment;
    }

    /** Waits until the appointment's reminder saga has handled the booking (its association is stored). */
    protected void awaitReminderSaga(String appointmentId) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from associationvalueentry where associationvalue = ?",
                                Integer.class,
                                appointmentId)
                        > 0);
    }

    protected void cancel(String appointmentId) {
        data(post(
                credentials(Role.RECEPTIONIST),
                CANCEL,
                Map.of(
                        "input",
                        Map.of("appointmentId", appointmentId, "cancelledBy", "PATIENT", "reason", "Feeling better"))));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from associationvalueentry where associationvalue = ?",
                                Integer.class,
                                appointmentId)
                        == 0);
    }

    /** Moves the test clock to {@code instant} (never backwards). */
    protected void advanceTo(Instant instant) {
        Duration ahead = Duration.between(clock.instant(), instant);
        if (!ahead.isNegative()) {
            clock.advance(ahead);
        }
    }

    protected String status(String messageId) {
        return jdbc.queryForObject(
                "select status from communication_message where message_id = ?::uuid", String.class, messageId);
    }

    protected List<String> statusesByKeyPrefix(String prefix) {
        return jdbc.queryForList(
                "select status from communication_message where deduplication_key like ? order by deduplication_key",
                String.class,
                prefix + "%");
    }
}
