package org.carelog.api.clinical;

/**
 * One set of vital signs, in the units stored (any may be null, at least one is given): blood pressure in
 * mmHg, pulse and respiratory rate per minute, temperature in °C, SpO2 in %, weight in kg, height in cm,
 * blood glucose in mmol/L. Inputs in °F and mg/dL are converted before they get here ({@link VitalSignLimits}).
 */
public record VitalSigns(
        Integer systolic,
        Integer diastolic,
        Integer pulse,
        Double temperatureCelsius,
        Integer spo2,
        Integer respiratoryRate,
        Double weightKg,
        Double heightCm,
        Double glucoseMmolPerL) {

    /** Body mass index, kg/m², one decimal; null without both weight and height. Derived, never stored. */
    public Double bodyMassIndex() {
        if (weightKg == null || heightCm == null || heightCm <= 0) {
            return null;
        }
        double metres = heightCm / 100.0;
        return Math.round(weightKg / (metres * metres) * 10.0) / 10.0;
    }

    public boolean isEmpty() {
        return systolic == null
                && diastolic == null
                && pulse == null
                && temperatureCelsius == null
                && spo2 == null
                && respiratoryRate == null
                && weightKg == null
                && heightCm == null
                && glucoseMmolPerL == null;
    }
}
