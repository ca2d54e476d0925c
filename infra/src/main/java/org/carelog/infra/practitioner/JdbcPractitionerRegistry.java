package org.carelog.infra.practitioner;

import java.util.Optional;
import java.util.UUID;
import org.carelog.api.practitioner.BmdcNumber;
import org.carelog.api.practitioner.DepartmentCode;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.ServicePointCode;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.command.practitioner.PractitionerRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's department and practitioner registry in PostgreSQL, in the command's
 * transaction: department codes and BMDC numbers under unique keys, so a concurrent claim of the same
 * value waits for the other transaction and then sees its outcome.
 */
@Component
class JdbcPractitionerRegistry implements PractitionerRegistry {

    private final JdbcTemplate jdbc;

    JdbcPractitionerRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<DepartmentId> claimDepartmentCode(DepartmentId department, DepartmentCode code) {
        int inserted = jdbc.update(
                "insert into department_registry (department_id, code) values (?, ?) on conflict do nothing",
                department.value(),
                code.value());
        if (inserted == 1) {
            return Optional.empty();
        }
        UUID holder = jdbc
                .queryForList("select department_id from department_registry where code = ?", UUID.class, code.value())
                .stream()
                .findFirst()
                // No holder of the code: the conflict was on the id, a department created twice.
                .orElseThrow(() -> new IllegalStateException("department " + department + " already exists"));
        return holder.equals(department.value()) ? Optional.empty() : Optional.of(new DepartmentId(holder));
    }

    @Override
    public boolean departmentExists(DepartmentId department) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from department_registry where department_id = ?)",
                Boolean.class,
                department.value()));
    }

    @Override
    public Optional<PractitionerId> claimBmdcNumber(PractitionerId practitioner, BmdcNumber number) {
        int inserted = jdbc.update(
                "insert into practitioner_bmdc_number (bmdc_number, practitioner_id) values (?, ?)"
                        + " on conflict do nothing",
                number.value(),
                practitioner.value());
        if (inserted == 1) {
            return Optional.empty();
        }
        UUID holder = jdbc.queryForObject(
                "select practitioner_id from practitioner_bmdc_number where bmdc_number = ?",
                UUID.class,
                number.value());
        return practitioner.value().equals(holder) ? Optional.empty() : Optional.of(new PractitionerId(holder));
    }

    @Override
    public Optional<ServicePointId> claimServicePointCode(
            DepartmentId department, ServicePointId servicePoint, ServicePointCode code) {
        int inserted = jdbc.update(
                "insert into service_point_registry (service_point_id, department_id, code) values (?, ?, ?)"
                        + " on conflict do nothing",
                servicePoint.value(),
                department.value(),
                code.value());
        if (inserted == 1) {
            return Optional.empty();
        }
        UUID holder = jdbc.queryForObject(
                "select service_point_id from service_point_registry where code = ?", UUID.class, code.value());
        return servicePoint.value().equals(holder) ? Optional.empty() : Optional.of(new ServicePointId(holder));
    }

    @Override
    public void closeServicePoint(ServicePointId servicePoint) {
        jdbc.update("update service_point_registry set closed = true where service_point_id = ?", servicePoint.value());
    }

    @Override
    public Optional<DepartmentId> openServicePointDepartment(ServicePointId servicePoint) {
        return jdbc
                .queryForList(
                        "select department_id from service_point_registry where service_point_id = ? and not closed",
                        UUID.class,
                        servicePoint.value())
                .stream()
                .findFirst()
                .map(DepartmentId::new);
    }
}
