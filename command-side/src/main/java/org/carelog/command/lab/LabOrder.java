package org.carelog.command.lab;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carelog.api.common.CarelogError;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;
import org.carelog.api.lab.CancelLabOrder;
import org.carelog.api.lab.CollectLabSample;
import org.carelog.api.lab.CorrectLabResult;
import org.carelog.api.lab.EnterLabResult;
import org.carelog.api.lab.LabOrderCancelled;
import org.carelog.api.lab.LabOrderId;
import org.carelog.api.lab.LabOrderKind;
import org.carelog.api.lab.LabOrderStatus;
import org.carelog.api.lab.LabPriority;
import org.carelog.api.lab.LabResultCorrected;
import org.carelog.api.lab.LabResultEntered;
import org.carelog.api.lab.LabResultVerified;
import org.carelog.api.lab.LabSampleCollected;
import org.carelog.api.lab.LabTestOrdered;
import org.carelog.api.lab.OrderLabTest;
import org.carelog.api.lab.VerifyLabResult;
import org.carelog.api.patient.PatientId;
import org.carelog.command.clinical.EncounterFacts;
import org.carelog.command.clinical.Encounters;

/**
 * One lab test or imaging study for one patient: ordered → sample collected (lab tests) → result entered →
 * verified by a second authorised user. A verified result is never edited: a correction is a new version with
 * a reason, verified again. Its state holds no health data (only who entered what version), so snapshots of
 * it would need no encryption.
 */
@Aggregate
class LabOrder {

    static final int NOTE_LENGTH = 2000;
    static final int SPECIMEN_LENGTH = 200;
    static final int STUDY_LENGTH = 200;
    static final int REASON_LENGTH = 1000;
    static final int MIN_REASON_LENGTH = 5;

    @AggregateIdentifier
    private LabOrderId orderId;

    private PatientId patientId;
    private LabOrderKind kind;
    private LabOrderStatus status;
    private int version;
    private String enteredBy;

    LabOrder() {
        // for Axon
    }

    @CommandHandler
    LabOrder(OrderLabTest command, LabCatalogue catalogue, LabOrderPatients patients, Encounters encounters) {
        Violations violations = new Violations();
        if (command.patientId() == null) {
            violations.reject("patientId", "is required");
        }
        if (command.kind() == null) {
            violations.reject("kind", "is required");
        }
        String code = Text.clean(command.code());
        String study = Text.clean(command.study());
        String name = null;
        if (code != null) {
            code = code.toUpperCase(Locale.ROOT);
            name = catalogue.testName(code).orElse(null);
            if (name == null) {
                violations.reject("code", "is not a LOINC number in Carelog's lab catalogue");
            }
        } else if (command.kind() == LabOrderKind.IMAGING && study != null) {
            if (study.length() > STUDY_LENGTH) {
                violations.reject("study", "is longer than " + STUDY_LENGTH + " characters");
            }
            name = study;
        } else {
            violations.reject(
                    "code",
                    command.kind() == LabOrderKind.IMAGING
                            ? "give a LOINC number or name the study"
                            : "a LOINC number is required");
        }
        String note = Text.clean(command.clinicalNote());
        if (note != null && note.length() > NOTE_LENGTH) {
            violations.reject("clinicalNote", "is longer than " + NOTE_LENGTH + " characters");
        }
        violations.throwIfAny();
        if (!patients.registered(command.patientId())) {
            throw CarelogException.notFound("No registered patient " + command.patientId());
        }
        if (command.encounterId() != null) {
            EncounterFacts encounter = encounters
                    .find(command.encounterId())
                    .orElseThrow(() -> CarelogException.notFound("No encounter " + command.encounterId()));
            if (!encounter.patientId().equals(command.patientId())) {
                throw CarelogException.validation("encounterId", "is another patient's encounter");
            }
            if (!encounter.open()) {
                throw CarelogException.conflict(
                        "The encounter is signed: order in an open encounter, or without one",
                        Map.of("status", encounter.status().name()));
            }
        }
        apply(new LabTestOrdered(
                command.patientId(),
                command.orderId(),
                command.encounterId(),
                command.kind(),
                code,
                name,
                command.priority() == null ? LabPriority.ROUTINE : command.priority(),
                note));
    }

    @CommandHandler
    void handle(CollectLabSample command) {
        if (status == LabOrderStatus.COLLECTED) {
            return;
        }
        if (kind == LabOrderKind.IMAGING) {
            throw CarelogException.conflict("An imaging study has no sample to collect", Map.of("kind", kind.name()));
        }
        require("have its sample collected", LabOrderStatus.ORDERED);
        String specimen = Text.clean(command.specimen());
        if (specimen != null && specimen.length() > SPECIMEN_LENGTH) {
            throw CarelogException.validation("specimen", "is longer than " + SPECIMEN_LENGTH + " characters");
        }
        apply(new LabSampleCollected(patientId, orderId, specimen));
    }

    @CommandHandler
    int handle(EnterLabResult command) {
        if (command.result() == null) {
            throw CarelogException.validation("result", "is required");
        }
        if (kind == LabOrderKind.IMAGING) {
            require("have a result entered", LabOrderStatus.ORDERED);
        } else {
            require("have a result entered (collect the sample first)", LabOrderStatus.COLLECTED);
        }
        apply(new LabResultEntered(patientId, orderId, 1, command.result()));
        return 1;
    }

    @CommandHandler
    void handle(VerifyLabResult command, @MetaDataValue(MetadataKeys.USERNAME) String username) {
        if (status == LabOrderStatus.VERIFIED && command.version() == version) {
            return;
        }
        require("be verified (enter its result first)", LabOrderStatus.RESULTED);
        if (command.version() != version) {
            throw CarelogException.conflict(
                    "The result changed: version " + version + " awaits verification, not " + command.version(),
                    Map.of("version", version));
        }
        if (username == null || username.equalsIgnoreCase(enteredBy)) {
            throw new CarelogException(new CarelogError(
                    ErrorCode.FORBIDDEN,
                    "A result is verified by someone other than the person who entered it",
                    null,
                    null));
        }
        apply(new LabResultVerified(patientId, orderId, version));
    }

    @CommandHandler
    int handle(CorrectLabResult command) {
        if (command.result() == null) {
            throw CarelogException.validation("result", "is required");
        }
        String reason = reason(command.reason());
        require(
                "be corrected (only a verified result is corrected; before that, ask for it to be re-entered)",
                LabOrderStatus.VERIFIED);
        apply(new LabResultCorrected(patientId, orderId, version + 1, command.result(), reason));
        return version;
    }

    @CommandHandler
    void handle(CancelLabOrder command) {
        if (status == LabOrderStatus.CANCELLED) {
            return;
        }
        String reason = reason(command.reason());
        require("be cancelled (it has a result)", LabOrderStatus.ORDERED, LabOrderStatus.COLLECTED);
        apply(new LabOrderCancelled(patientId, orderId, reason));
    }

    private static String reason(String raw) {
        String reason = Text.required("reason", raw, REASON_LENGTH);
        if (reason.length() < MIN_REASON_LENGTH) {
            throw CarelogException.validation("reason", "say why, in at least " + MIN_REASON_LENGTH + " characters");
        }
        return reason;
    }

    private void require(String action, LabOrderStatus... allowed) {
        for (LabOrderStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw CarelogException.conflict(
                "This order is " + status.name().toLowerCase(Locale.ROOT) + " and cannot " + action,
                Map.of("status", status.name()));
    }

    @EventSourcingHandler
    void on(LabTestOrdered event) {
        orderId = event.orderId();
        patientId = event.patientId();
        kind = event.kind();
        status = LabOrderStatus.ORDERED;
    }

    @EventSourcingHandler
    void on(LabSampleCollected event) {
        status = LabOrderStatus.COLLECTED;
    }

    @EventSourcingHandler
    void on(LabResultEntered event, @MetaDataValue(MetadataKeys.USERNAME) String username) {
        status = LabOrderStatus.RESULTED;
        version = event.version();
        enteredBy = username;
    }

    @EventSourcingHandler
    void on(LabResultCorrected event, @MetaDataValue(MetadataKeys.USERNAME) String username) {
        status = LabOrderStatus.RESULTED;
        version = event.version();
        enteredBy = username;
    }

    @EventSourcingHandler
    void on(LabResultVerified event) {
        status = LabOrderStatus.VERIFIED;
    }

    @EventSourcingHandler
    void on(LabOrderCancelled event) {
        status = LabOrderStatus.CANCELLED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabOrder l
                && Objects.equals(orderId, l.orderId)
                && Objects.equals(patientId, l.patientId)
                && kind == l.kind
                && status == l.status
                && version == l.version
                && Objects.equals(enteredBy, l.enteredBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(orderId, version);
    }
}
