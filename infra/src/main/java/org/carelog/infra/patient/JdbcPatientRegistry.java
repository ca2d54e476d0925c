package org.carelog.infra.patient;

import java.sql.Array;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carelog.api.patient.BirthDate;
import org.carelog.api.patient.DuplicateCandidate;
import org.carelog.api.patient.MedicalRecordNumber;
import org.carelog.api.patient.NameMatching;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PersonName;
import org.carelog.api.patient.PhoneNumber;
import org.carelog.command.patient.PatientRegistry;
import org.carelog.infra.config.FacilityProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's patient registry in PostgreSQL, in the command's transaction: identifiers under a
 * unique key, the MRN from a sequence, and the facts duplicate detection compares.
 */
@Component
class JdbcPatientRegistry implements PatientRegistry {

    private final JdbcTemplate jdbc;
    private final String mrnPrefix;

    JdbcPatientRegistry(JdbcTemplate jdbc, FacilityProperties facility) {
        this.jdbc = jdbc;
        this.mrnPrefix = facility.mrnPrefix();
    }

    @Override
    public Optional<DuplicateCandidate> claim(PatientId patient, IdentifierKind kind, String value) {
        int inserted = jdbc.update(
                "insert into patient_identifier (kind, value, patient_id) values (?, ?, ?) on conflict do nothing",
                kind.name(),
                value,
                patient.value());
        if (inserted == 1) {
            return Optional.empty();
        }
        UUID holder = jdbc.queryForObject(
                "select patient_id from patient_identifier where kind = ? and value = ?",
                UUID.class,
                kind.name(),
                value);
        if (patient.value().equals(holder)) {
            return Optional.empty();
        }
        String reason = kind == IdentifierKind.NATIONAL_ID ? "same national ID" : "same birth registration number";
        return Optional.of(jdbc
                .query(
                        "select patient_id, mrn, name_bn, name_en from patient_match where patient_id = ?",
                        (rs, i) -> new DuplicateCandidate(
                                rs.getString(1), rs.getString(2), display(rs.getString(3), rs.getString(4)), reason),
                        holder)
                .stream()
                .findFirst()
                .orElse(new DuplicateCandidate(holder.toString(), "", "", reason)));
    }

    @Override
    public void release(PatientId patient, IdentifierKind kind, String value) {
        jdbc.update(
                "delete from patient_identifier where kind = ? and value = ? and patient_id = ?",
                kind.name(),
                value,
                patient.value());
    }

    @Override
    public MedicalRecordNumber assignMrn() {
        Long next = jdbc.queryForObject("select nextval('patient_mrn_seq')", Long.class);
        return MedicalRecordNumber.of(mrnPrefix, next);
    }

    @Override
    public List<DuplicateCandidate> probableDuplicates(
            PatientId self, PersonName name, BirthDate birthDate, PhoneNumber phone) {
        if (phone != null) {
            // Two clerks registering the same person at once: the second waits and then sees the first.
            jdbc.queryForObject(
                    "select pg_advisory_xact_lock(hashtext(?))::text", String.class, "phone:" + phone.e164());
        }
        List<DuplicateCandidate> candidates = new ArrayList<>();
        String[] keys = NameMatching.keys(name).toArray(String[]::new);
        jdbc.query(
                con -> {
                    var ps = con.prepareStatement(
                            "select patient_id, mrn, name_bn, name_en, birth_date, phone from patient_match"
                                    + " where patient_id <> ? and (phone = ? or (birth_date = ? and name_keys && ?))"
                                    + " limit 50");
                    Array array = con.createArrayOf("text", keys);
                    ps.setObject(1, self.value());
                    ps.setString(2, phone == null ? null : phone.e164());
                    ps.setDate(3, birthDate == null ? null : Date.valueOf(birthDate.date()));
                    ps.setArray(4, array);
                    return ps;
                },
                rs -> {
                    PersonName other = new PersonName(rs.getString(3), rs.getString(4));
                    if (!NameMatching.similar(name, other)) {
                        return;
                    }
                    boolean samePhone = phone != null && phone.e164().equals(rs.getString(6));
                    boolean sameBirth = birthDate != null
                            && rs.getDate(5) != null
                            && rs.getDate(5).toLocalDate().equals(birthDate.date());
                    String reason = samePhone && sameBirth
                            ? "same phone, date of birth and similar name"
                            : samePhone ? "same phone and similar name" : "same date of birth and similar name";
                    candidates.add(new DuplicateCandidate(rs.getString(1), rs.getString(2), other.display(), reason));
                });
        return candidates;
    }

    @Override
    public void remember(
            PatientId patient, MedicalRecordNumber mrn, PersonName name, BirthDate birthDate, PhoneNumber phone) {
        jdbc.update(con -> {
            var ps = con.prepareStatement(
                    "insert into patient_match (patient_id, mrn, name_bn, name_en, name_keys, birth_date, phone)"
                            + " values (?, ?, ?, ?, ?, ?, ?) on conflict (patient_id) do update set"
                            + " name_bn = excluded.name_bn, name_en = excluded.name_en,"
                            + " name_keys = excluded.name_keys, birth_date = excluded.birth_date,"
                            + " phone = excluded.phone");
            ps.setObject(1, patient.value());
            ps.setString(2, mrn.value());
            ps.setString(3, name.bangla());
            ps.setString(4, name.latin());
            ps.setArray(5, con.createArrayOf("text", NameMatching.keys(name).toArray()));
            ps.setDate(6, birthDate == null ? null : Date.valueOf(birthDate.date()));
            ps.setString(7, phone == null ? null : phone.e164());
            return ps;
        });
    }

    @Override
    public void forget(PatientId patient) {
        jdbc.update("delete from patient_identifier where patient_id = ?", patient.value());
        jdbc.update("delete from patient_match where patient_id = ?", patient.value());
    }

    private static String display(String bangla, String latin) {
        return latin != null ? latin : bangla;
    }
}
