package org.carelog.infra.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.carelog.api.common.CarelogException;
import org.carelog.infra.audit.AuditTrailVerification.Result;
import org.carelog.infra.audit.AuditTrailVerification.SignedCheckpoint;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Verification of the audit trail and export of its anchor over GraphQL, for auditors and administrators. */
@Controller
class AuditController {

    private final DataSource dataSource;
    private final CheckpointSigner signer;

    AuditController(DataSource dataSource, CheckpointSigner signer) {
        this.dataSource = dataSource;
        this.signer = signer;
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
            double checkpointsChecked,
            String eventHeadHash,
            String auditHeadHash,
            double accessRecordsChecked,
            double accessGapsChecked,
            double accessRecordsUnsealed,
            String accessHeadHash,
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
                    r.checkpointsChecked(),
                    r.eventHeadHash(),
                    r.auditHeadHash(),
                    r.accessRecordsChecked(),
                    r.accessGapsChecked(),
                    r.accessRecordsUnsealed(),
                    r.accessHeadHash(),
                    broken == null ? null : new BrokenLink(broken.chain(), broken.position(), broken.reason()));
        }
    }

    /** A signed checkpoint as GraphQL carries it, both ways (output and the anchor input). */
    record Checkpoint(
            AuditTrailVerification.Chain chain,
            double position,
            String headHash,
            String signedAt,
            String keyId,
            String signature) {

        static Checkpoint of(SignedCheckpoint c) {
            return new Checkpoint(
                    c.chain(), c.position(), c.headHash(), c.signedAt().toString(), c.keyId(), c.signature());
        }

        /** Refuses a malformed checkpoint as bad input; a well-formed but false one is for verification. */
        SignedCheckpoint signed() {
            try {
                HexFormat.of().parseHex(headHash);
                Base64.getDecoder().decode(signature);
                return new SignedCheckpoint(
                        chain, (long) position, headHash, Instant.parse(signedAt), keyId, signature);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw CarelogException.validation(
                        "anchor", "Each checkpoint needs a hex headHash, a base64 signature and an ISO-8601 signedAt");
            }
        }
    }

    record AuditAnchor(List<Checkpoint> checkpoints) {}

    @QueryMapping
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    AuditTrailReport verifyAuditTrail(@Argument List<Checkpoint> anchor) {
        List<SignedCheckpoint> expected = anchor == null
                ? List.of()
                : anchor.stream().map(Checkpoint::signed).toList();
        try (Connection c = dataSource.getConnection()) {
            return AuditTrailReport.of(AuditTrailVerification.verify(c, signer.trustedKeyIds(), expected));
        } catch (SQLException e) {
            throw new UncategorizedSQLException("verifyAuditTrail", null, e);
        }
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    AuditAnchor auditAnchor() {
        try (Connection c = dataSource.getConnection()) {
            return new AuditAnchor(AuditTrailVerification.latestCheckpoints(c).stream()
                    .map(Checkpoint::of)
                    .toList());
        } catch (SQLException e) {
            throw new UncategorizedSQLException("auditAnchor", null, e);
        }
    }
}
