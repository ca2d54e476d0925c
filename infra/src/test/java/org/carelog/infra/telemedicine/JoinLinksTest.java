package org.carelog.infra.telemedicine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.UUID;
import org.carelog.api.telemedicine.ConsultationId;
import org.carelog.api.telemedicine.Participant;
import org.junit.jupiter.api.Test;

class JoinLinksTest {

    static final String SECRET = "a-test-link-secret-of-32-characters-or-more";

    static JoinLinks links(String secret) {
        return new JoinLinks(new TelemedicineProperties(
                java.time.Duration.ofMinutes(15),
                java.time.Duration.ofMinutes(30),
                secret,
                java.time.Duration.ofMinutes(1),
                new TelemedicineProperties.Jitsi(
                        java.net.URI.create("https://meet.example.org"),
                        "carelog",
                        "a-jitsi-app-secret-of-32-characters-at-least",
                        "jitsi",
                        "meet.example.org")));
    }

    @Test
    void aTokenNamesOneConsultationOneParticipantAndOneVersion() {
        JoinLinks links = links(SECRET);
        ConsultationId consultation = ConsultationId.forAppointment(UUID.randomUUID());
        String token = links.token(consultation, Participant.CAREGIVER, 3);
        assertThat(token).hasSize(50).matches("[A-Za-z0-9_-]+");
        assertThat(links.read(token)).contains(new JoinLinks.Link(consultation, Participant.CAREGIVER, 3));
        assertThat(links.token(consultation, Participant.PATIENT, 3)).isNotEqualTo(token);
    }

    @Test
    void anAlteredTruncatedOrForeignTokenReadsAsNothing() {
        JoinLinks links = links(SECRET);
        ConsultationId consultation = ConsultationId.forAppointment(UUID.randomUUID());
        byte[] raw = Base64.getUrlDecoder().decode(links.token(consultation, Participant.PATIENT, 1));
        raw[16] = (byte) Participant.CAREGIVER.ordinal(); // a patient's link turned into a caregiver's
        assertThat(links.read(Base64.getUrlEncoder().withoutPadding().encodeToString(raw)))
                .isEmpty();
        assertThat(links.read(links.token(consultation, Participant.PATIENT, 1).substring(1)))
                .isEmpty();
        assertThat(links.read("not a token")).isEmpty();
        assertThat(links.read(links(SECRET + "x").token(consultation, Participant.PATIENT, 1)))
                .isEmpty();
    }
}
