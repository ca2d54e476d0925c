package org.carelog.command.clinical;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.carelog.api.clinical.EncounterOpened;
import org.carelog.api.clinical.EncounterSigned;
import org.carelog.api.clinical.EncounterStatus;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.queue.TokenCalled;
import org.carelog.api.queue.TokenId;
import org.carelog.api.queue.TokenIssued;
import org.carelog.api.queue.TokenMarkedNoShow;
import org.carelog.api.queue.TokenPatientLinked;
import org.carelog.api.queue.TokenRecalled;
import org.carelog.api.queue.TokenServiceFinished;
import org.carelog.api.queue.TokenServiceStarted;
import org.carelog.api.queue.TokenSkipped;
import org.carelog.api.queue.TokenStatus;
import org.carelog.api.queue.TokenTransferred;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link EncounterRegistry}'s encounters and tokens. A <em>subscribing</em> processor (application.yml):
 * it runs in the transaction that appends the events, so opening an encounter from a token sees exactly the
 * token's committed state, and {@link Encounters} exactly the committed encounters. Never from a projection.
 */
@Component
@ReadModelTables({"encounter_registry", "encounter_token"})
@ProcessingGroup(EncounterLookupUpdater.PROCESSING_GROUP)
class EncounterLookupUpdater {

    static final String PROCESSING_GROUP = "encounter-lookup";

    private final EncounterRegistry registry;

    EncounterLookupUpdater(EncounterRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(EncounterOpened event) {
        registry.recordEncounter(event.encounterId(), event.patientId(), event.attending());
    }

    @EventHandler
    void on(EncounterSigned event) {
        registry.recordEncounterStatus(event.encounterId(), EncounterStatus.SIGNED);
    }

    @EventHandler
    void on(TokenIssued event) {
        registry.recordToken(
                new TokenId(event.queueId(), event.number()),
                event.patientId(),
                event.appointment() == null ? null : event.appointment().appointmentId());
    }

    @EventHandler
    void on(TokenCalled event) {
        registry.recordTokenStatus(new TokenId(event.queueId(), event.number()), TokenStatus.CALLED);
    }

    @EventHandler
    void on(TokenRecalled event) {
        registry.recordTokenStatus(new TokenId(event.queueId(), event.number()), TokenStatus.CALLED);
    }

    @EventHandler
    void on(TokenSkipped event) {
        registry.recordTokenStatus(new TokenId(event.queueId(), event.number()), TokenStatus.SKIPPED);
    }

    @EventHandler
    void on(TokenMarkedNoShow event) {
        registry.recordTokenStatus(new TokenId(event.queueId(), event.number()), TokenStatus.NO_SHOW);
    }

    @EventHandler
    void on(TokenServiceStarted event) {
        registry.recordTokenStatus(new TokenId(event.queueId(), event.number()), TokenStatus.SERVING);
    }

    @EventHandler
    void on(TokenServiceFinished event) {
        registry.recordTokenStatus(new TokenId(event.queueId(), event.number()), TokenStatus.SERVED);
    }

    @EventHandler
    void on(TokenTransferred event) {
        registry.recordTokenStatus(new TokenId(event.queueId(), event.number()), TokenStatus.TRANSFERRED);
    }

    @EventHandler
    void on(TokenPatientLinked event) {
        registry.recordTokenPatient(new TokenId(event.queueId(), event.number()), event.patientId());
    }
}
