package org.carelog.infra.prescription;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.carelog.api.clinical.PatientRecordEvent;
import org.carelog.api.patient.PatientErased;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The medication chart is keyed by patient while its events come from many aggregates: sequence them per patient. */
@Configuration(proxyBeanMethods = false)
class PrescriptionConfiguration {

    @Bean
    ConfigurerModule medicationChartSequencing() {
        SequencingPolicy<EventMessage<?>> byPatient = event -> {
            Object payload = event.getPayload();
            if (payload instanceof PatientRecordEvent r) {
                return r.patientId();
            }
            if (payload instanceof PatientErased e) {
                return e.patientId();
            }
            return event.getIdentifier();
        };
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerSequencingPolicy("medication-chart", c -> byPatient));
    }
}
