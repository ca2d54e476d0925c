package org.carelog.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.carelog.api.common.Role;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.command.common.StaffPractitioners;
import org.carelog.infra.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An administrator ties a staff account to the practitioner it acts as; audited, one account per practitioner. */
class StaffPractitionerLinkTest extends IntegrationTest {

    static final String LINK =
            "mutation($input: LinkStaffToPractitionerInput!) { linkStaffToPractitioner(input: $input)"
                    + " { user { username practitionerId } } }";

    @Autowired
    StaffPractitioners practitioners;

    @Test
    void aLinkedAccountActsAsItsPractitionerAndTheChangeIsAudited() {
        String department = createDepartment("Link Test", "সংযোগ পরীক্ষা");
        String doctor = registerDoctor(department, LocalDate.now().plusYears(1));
        String credentials = staffActingAs(Role.DOCTOR, doctor);
        String username = new String(java.util.Base64.getDecoder().decode(credentials.substring(6))).split(":")[0];

        assertThat(practitioners.practitionerOf(username)).contains(PractitionerId.of(doctor));
        assertThat(jdbc.queryForObject(
                        "select new_value from staff_audit where action = 'PRACTITIONER_LINKED' and target = ?",
                        String.class,
                        username))
                .isEqualTo(doctor);

        JsonNode second = json(post(
                credentials(Role.ADMIN),
                LINK,
                Map.of("input", Map.of("username", username(Role.NURSE), "practitionerId", doctor))));
        assertThat(second.at("/errors/0/extensions/code").asText()).isEqualTo("CONFLICT");

        data(post(credentials(Role.ADMIN), LINK, Map.of("input", Map.of("username", username))));
        assertThat(practitioners.practitionerOf(username)).isEmpty();
    }

    @Test
    void onlyAdministratorsLinkAndOnlyToKnownPractitioners() {
        JsonNode forbidden = json(post(
                credentials(Role.DOCTOR),
                LINK,
                Map.of(
                        "input",
                        Map.of(
                                "username",
                                username(Role.DOCTOR),
                                "practitionerId",
                                java.util.UUID.randomUUID().toString()))));
        assertThat(forbidden.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        JsonNode unknown = json(post(
                credentials(Role.ADMIN),
                LINK,
                Map.of(
                        "input",
                        Map.of(
                                "username",
                                username(Role.DOCTOR),
                                "practitionerId",
                                java.util.UUID.randomUUID().toString()))));
        assertThat(unknown.at("/errors/0/extensions/code").asText()).isEqualTo("NOT_FOUND");
        JsonNode malformed = json(post(
                credentials(Role.ADMIN),
                LINK,
                Map.of("input", Map.of("username", username(Role.DOCTOR), "practitionerId", "nope"))));
        assertThat(malformed.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
    }
}
