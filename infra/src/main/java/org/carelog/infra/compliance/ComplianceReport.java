package org.carelog.infra.compliance;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * The compliance reports for auditors, each defined once: the rows it reads, the record a row becomes, the
 * columns its filters apply to and its order. The GraphQL queries page through them and the CSV export
 * streams them with the same definition, so the screen and the file never disagree.
 */
enum ComplianceReport {

    /** Every read of a patient's record, with the break-glass grant it was made under. */
    ACCESS_LOG(
            "access-log",
            ComplianceRows.AccessRead.class,
            "select l.id, l.occurred_at, l.username, l.role, l.patient_id::text, l.view, l.request_id,"
                    + " l.break_glass_id, g.reason from clinical_access_log l"
                    + " left join break_glass g on g.id = l.break_glass_id where true",
            "l.username = ?",
            "l.patient_id",
            "l.occurred_at",
            new Order("l.id", true, true)),

    /** Break-glass grants with their reasons, reviews and the reads made under each. */
    BREAK_GLASS(
            "break-glass",
            ComplianceRows.BreakGlassUse.class,
            "select g.id, g.opened_at, g.expires_at, g.username, g.role, g.patient_id::text, g.reason,"
                    + " (select count(*) from clinical_access_log l where l.break_glass_id = g.id),"
                    + " g.reviewed_by, g.reviewed_at, g.review_note from break_glass g where true",
            "g.username = ?",
            "g.patient_id",
            "g.opened_at",
            new Order("g.id", true, true)),

    /** Changes to who may do what: accounts, roles, practitioner links, passwords, MFA, sessions, lockouts. */
    PRIVILEGE_CHANGES(
            "privilege-changes",
            ComplianceRows.PrivilegeChange.class,
            "select a.id, a.occurred_at, a.actor, a.action, a.target, a.old_value, a.new_value, a.request_id"
                    + " from staff_audit a where a.action <> '" + ComplianceRows.REPORT_EXPORTED + "'",
            "lower(a.target) = lower(?)",
            null,
            "a.occurred_at",
            new Order("a.id", true, true)),

    /** Erased patients: when, on which legal basis and register reference, by whom. */
    ERASURES(
            "erasures",
            ComplianceRows.Erasure.class,
            "select e.id, e.patient_id::text, e.erased_at, e.legal_basis, e.reference, e.username, e.role,"
                    + " e.request_id from erasure_register e where true",
            "e.username = ?",
            "e.patient_id",
            "e.erased_at",
            new Order("e.id", true, true)),

    /**
     * Health data handed out of Carelog for one patient: printouts and files. A view that leaves the system
     * is named after its format ({@code prescription.pdf}, {@code *.csv}) or starts with {@code export}.
     */
    DISCLOSURES(
            "disclosures",
            ComplianceRows.AccessRead.class,
            "select l.id, l.occurred_at, l.username, l.role, l.patient_id::text, l.view, l.request_id,"
                    + " l.break_glass_id, g.reason from clinical_access_log l"
                    + " left join break_glass g on g.id = l.break_glass_id"
                    + " where (l.view like '%.pdf' or l.view like '%.csv' or l.view like 'export%')",
            "l.username = ?",
            "l.patient_id",
            "l.occurred_at",
            new Order("l.id", true, true)),

    /** The exports of these reports themselves: who took which report with which filter. */
    REPORT_EXPORTS(
            "report-exports",
            ComplianceRows.PrivilegeChange.class,
            "select a.id, a.occurred_at, a.actor, a.action, a.target, a.old_value, a.new_value, a.request_id"
                    + " from staff_audit a where a.action = '" + ComplianceRows.REPORT_EXPORTED + "'",
            "lower(a.actor) = lower(?)",
            null,
            "a.occurred_at",
            new Order("a.id", true, true)),

    /** Accounts whose role reads health records, with their last sign-in and last read of a record. */
    CLINICAL_ACCESS_USERS(
            "clinical-access-users",
            ComplianceRows.ClinicalAccessUser.class,
            "select u.username, u.display_name, u.role, u.enabled, u.practitioner_id::text,"
                    + " u.totp_enrolled_at is not null,"
                    + " (select max(s.created_at) from staff_session s where lower(s.username) = lower(u.username)),"
                    + " (select max(l.occurred_at) from clinical_access_log l where l.username = u.username),"
                    + " (select count(*) from break_glass g where g.username = u.username)"
                    + " from staff_user u where u.role in (" + ComplianceRows.CLINICAL_ROLES + ")",
            "lower(u.username) = lower(?)",
            null,
            null,
            new Order("lower(u.username)", false, false));

    /** How rows are ordered and paged: by one unique key, descending for logs (newest first). */
    record Order(String key, boolean numeric, boolean descending) {}

    private final String fileName;
    private final Class<? extends Record> rowType;
    private final String select;
    private final String usernamePredicate;
    private final String patientColumn;
    private final String timeColumn;
    private final Order order;

    ComplianceReport(
            String fileName,
            Class<? extends Record> rowType,
            String select,
            String usernamePredicate,
            String patientColumn,
            String timeColumn,
            Order order) {
        this.fileName = fileName;
        this.rowType = rowType;
        this.select = select;
        this.usernamePredicate = usernamePredicate;
        this.patientColumn = patientColumn;
        this.timeColumn = timeColumn;
        this.order = order;
    }

    static Optional<ComplianceReport> byFileName(String name) {
        return Arrays.stream(values()).filter(r -> r.fileName.equals(name)).findFirst();
    }

    String fileName() {
        return fileName;
    }

    Class<? extends Record> rowType() {
        return rowType;
    }

    String select() {
        return select;
    }

    /** The condition a username filter adds, with one parameter: exact for logs, case-blind for accounts. */
    String usernamePredicate() {
        return usernamePredicate;
    }

    String patientColumn() {
        return patientColumn;
    }

    String timeColumn() {
        return timeColumn;
    }

    Order order() {
        return order;
    }

    /** What an auditor narrows a report to; every part optional, the period from inclusive, to exclusive. */
    record Filter(String username, String patientId, OffsetDateTime from, OffsetDateTime to) {
        static final Filter NONE = new Filter(null, null, null, null);

        String describe() {
            StringBuilder text = new StringBuilder();
            if (username != null) text.append("username=").append(username).append(' ');
            if (patientId != null) text.append("patient=").append(patientId).append(' ');
            if (from != null) text.append("from=").append(from).append(' ');
            if (to != null) text.append("to=").append(to);
            return text.toString().strip();
        }
    }
}
