package org.carelog.command.prescription;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.carelog.api.common.CarelogError;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.Role;
import org.carelog.api.common.Text;
import org.carelog.api.patient.PatientId;
import org.carelog.api.prescription.AllergyId;
import org.carelog.api.prescription.AllergyListId;
import org.carelog.api.prescription.AllergyRecorded;
import org.carelog.api.prescription.AllergyStatus;
import org.carelog.api.prescription.AllergyStatusChanged;
import org.carelog.api.prescription.ChangeAllergyStatus;
import org.carelog.api.prescription.RecordAllergy;

/**
 * One patient's allergies and intolerances, across encounters. Identified by {@link AllergyListId} (a name-based
 * id of the patient's, never the bare patient id, which is the Patient aggregate's). Created by the first
 * allergy recorded. The state holds no personal data: only ids and statuses.
 */
@Aggregate
class AllergyList {

    static final int MAX_TEXT = 500;
    static final int MAX_NAME = 200;

    @AggregateIdentifier
    private AllergyListId listId;

    private PatientId patientId;
    private final Map<AllergyId, AllergyStatus> allergies = new HashMap<>();

    AllergyList() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    AllergyId handle(RecordAllergy command, @MetaDataValue(MetadataKeys.ROLE) String role) {
        clinician(role);
        if (command.patientId() == null
                || !AllergyListId.of(command.patientId()).equals(command.listId())) {
            throw CarelogException.validation("patientId", "is not the patient of this allergy list");
        }
        if (allergies.containsKey(command.allergyId())) {
            return command.allergyId(); // a repeat: recorded already
        }
        if (command.substance() == null || Text.isBlank(command.substance().name())) {
            throw CarelogException.validation("substance", "is required");
        }
        if (command.substance().name().length() > MAX_NAME) {
            throw CarelogException.validation("substance", "is longer than " + MAX_NAME + " characters");
        }
        if (command.category() == null) {
            throw CarelogException.validation("category", "is required");
        }
        if (command.severity() == null) {
            throw CarelogException.validation("severity", "is required");
        }
        if (command.reaction() != null && command.reaction().length() > MAX_TEXT) {
            throw CarelogException.validation("reaction", "is longer than " + MAX_TEXT + " characters");
        }
        apply(new AllergyRecorded(
                command.patientId(),
                command.listId(),
                command.allergyId(),
                command.substance(),
                command.category(),
                Text.clean(command.reaction()),
                command.severity()));
        return command.allergyId();
    }

    @CommandHandler
    AllergyId handle(ChangeAllergyStatus command, @MetaDataValue(MetadataKeys.ROLE) String role) {
        clinician(role);
        AllergyStatus current = allergies.get(command.allergyId());
        if (current == null) {
            throw CarelogException.notFound("no such allergy in this patient's list");
        }
        if (command.status() == null) {
            throw CarelogException.validation("status", "is required");
        }
        if (current == command.status()) {
            return command.allergyId();
        }
        if (current == AllergyStatus.ENTERED_IN_ERROR) {
            throw CarelogException.conflict("an allergy entered in error cannot change; record it again", null);
        }
        String reason = Text.required("reason", command.reason(), MAX_TEXT);
        apply(new AllergyStatusChanged(patientId, listId, command.allergyId(), command.status(), reason));
        return command.allergyId();
    }

    static void clinician(String role) {
        if (!Role.DOCTOR.name().equals(role) && !Role.NURSE.name().equals(role)) {
            throw new CarelogException(
                    new CarelogError(ErrorCode.FORBIDDEN, "only doctors and nurses record allergies", null, null));
        }
    }

    @EventSourcingHandler
    void on(AllergyRecorded event) {
        listId = event.listId();
        patientId = event.patientId();
        allergies.put(event.allergyId(), AllergyStatus.ACTIVE);
    }

    @EventSourcingHandler
    void on(AllergyStatusChanged event) {
        allergies.put(event.allergyId(), event.status());
    }
}
