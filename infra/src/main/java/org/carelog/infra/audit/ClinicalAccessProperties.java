package org.carelog.infra.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read a patient's chart (docs/architecture.md, "Break-glass").
 *
 * @param restrictToCare when true, a DOCTOR or NURSE reads a chart only while their linked practitioner is in the
 *     patient's care (an appointment within {@code appointmentWindow}, a token of today at a service point of the
 *     practitioner's department, a row in care_relationship) or under break-glass; false lets every DOCTOR and
 *     NURSE read every chart (AUDITOR always reads)
 * @param appointmentWindow an appointment that starts within this much before or after now puts the patient in
 *     the practitioner's care (appointments of today count whatever the window)
 * @param breakGlassDuration how long a break-glass grant lasts
 * @param breakGlassReasonMinLength the shortest reason accepted for break-glass
 */
@ConfigurationProperties("carelog.clinical.access")
record ClinicalAccessProperties(
        @DefaultValue("true") boolean restrictToCare,
        @DefaultValue("PT12H") Duration appointmentWindow,
        @DefaultValue("PT30M") Duration breakGlassDuration,
        @DefaultValue("15") int breakGlassReasonMinLength) {

    ClinicalAccessProperties {
        if (breakGlassDuration.isNegative() || breakGlassDuration.isZero()) {
            throw new IllegalArgumentException("carelog.clinical.access.break-glass-duration must be positive");
        }
        if (breakGlassReasonMinLength < 1) {
            throw new IllegalArgumentException("carelog.clinical.access.break-glass-reason-min-length must be >= 1");
        }
    }
}
