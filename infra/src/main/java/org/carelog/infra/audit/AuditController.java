package org.carelog.infra.audit;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.carelog.infra.audit.AuditTrailVerification.Result;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Verification of the audit trail over GraphQL, for auditors and administrators. */
@Controller
class AuditController {

    private final DataSource dataSource;

    AuditController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    record BrokenLink(AuditTrailVerification.Chain chain, double position, String reason) {}

    /** Counts as Float: GraphQL's Int has 32 bits. */
    record AuditTrailReport(
            boolean intact,
            double eventsChecked,
            double gapsChecked,
            double eventsUnsealed,
            double auditRecordsChecked,
            double auditRecordsUnsealed,
            String eventHeadHash,
            String auditHeadHash,
            BrokenLink firstBrokenLink) {

        static AuditTrailReport of(Result r) {
            var broken = r.firstBrokenLink();
            return new AuditTrailReport(
                    r.intact(),
                    r.eventsChecked(),
                    r.gapsChecked(),
                    r.eventsUnsealed(),
                    r.auditRecordsChecked(),
                    r.auditRecordsUnsealed(),
                    r.eventHeadHash(),
                    r.auditHeadHash(),
                    broken == null ? null : new BrokenLink(broken.chain(), broken.position(), broken.reason()));
        }
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    AuditTrailReport verifyAuditTrail() {
        try (Connection c = dataSource.getConnection()) {
            return AuditTrailReport.of(AuditTrailVerification.verify(c));
        } catch (SQLException e) {
            throw new UncategorizedSQLException("verifyAuditTrail", null, e);
        }
    }
}
