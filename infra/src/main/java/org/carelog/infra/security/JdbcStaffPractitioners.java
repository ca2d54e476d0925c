package org.carelog.infra.security;

import java.util.Optional;
import java.util.UUID;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.command.common.StaffPractitioners;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the link from table staff_user, so a change holds from the next command. */
@Component
class JdbcStaffPractitioners implements StaffPractitioners {

    private final JdbcTemplate jdbc;

    JdbcStaffPractitioners(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PractitionerId> practitionerOf(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "select practitioner_id from staff_user where lower(username) = lower(?)"
                                + " and practitioner_id is not null and enabled",
                        (rs, n) -> new PractitionerId(rs.getObject(1, UUID.class)),
                        username)
                .stream()
                .findFirst();
    }
}
