package org.carelog.api.clinical;

import org.carelog.api.common.Violations;

/**
 * The plausibility ranges of vital signs: values outside them are refused as impossible (a typing error, a unit
 * mix-up), not flagged as abnormal. They are wide on purpose: a shocked patient's systolic of 50 or a febrile
 * child's 42 °C must be recordable. Ranges are inclusive; the field names are those of the GraphQL input.
 *
 * <table>
 *   <caption>Ranges</caption>
 *   <tr><th>field</th><th>unit</th><th>from</th><th>to</th></tr>
 *   <tr><td>systolic</td><td>mmHg</td><td>40</td><td>300</td></tr>
 *   <tr><td>diastolic</td><td>mmHg</td><td>20</td><td>200 (and below systolic)</td></tr>
 *   <tr><td>pulse</td><td>/min</td><td>20</td><td>300</td></tr>
 *   <tr><td>temperature</td><td>°C</td><td>25</td><td>45 (°F input: 77–113)</td></tr>
 *   <tr><td>spo2</td><td>%</td><td>40</td><td>100</td></tr>
 *   <tr><td>respiratoryRate</td><td>/min</td><td>4</td><td>80</td></tr>
 *   <tr><td>weightKg</td><td>kg</td><td>0.3</td><td>400</td></tr>
 *   <tr><td>heightCm</td><td>cm</td><td>20</td><td>272</td></tr>
 *   <tr><td>glucose</td><td>mmol/L</td><td>0.5</td><td>60 (mg/dL input: 9–1081)</td></tr>
 * </table>
 */
public final class VitalSignLimits {

    public static final int SYSTOLIC_MIN = 40;
    public static final int SYSTOLIC_MAX = 300;
    public static final int DIASTOLIC_MIN = 20;
    public static final int DIASTOLIC_MAX = 200;
    public static final int PULSE_MIN = 20;
    public static final int PULSE_MAX = 300;
    public static final double TEMPERATURE_MIN_C = 25.0;
    public static final double TEMPERATURE_MAX_C = 45.0;
    public static final int SPO2_MIN = 40;
    public static final int SPO2_MAX = 100;
    public static final int RESPIRATORY_RATE_MIN = 4;
    public static final int RESPIRATORY_RATE_MAX = 80;
    public static final double WEIGHT_MIN_KG = 0.3;
    public static final double WEIGHT_MAX_KG = 400.0;
    public static final double HEIGHT_MIN_CM = 20.0;
    public static final double HEIGHT_MAX_CM = 272.0;
    public static final double GLUCOSE_MIN_MMOL = 0.5;
    public static final double GLUCOSE_MAX_MMOL = 60.0;

    /** mg/dL of glucose per mmol/L (molar mass 180.16 g/mol). */
    public static final double GLUCOSE_MG_DL_PER_MMOL_L = 18.016;

    private VitalSignLimits() {}

    public static double celsiusFromFahrenheit(double fahrenheit) {
        return Math.round((fahrenheit - 32.0) * 5.0 / 9.0 * 10.0) / 10.0;
    }

    public static double mmolPerLFromMgPerDl(double mgPerDl) {
        return Math.round(mgPerDl / GLUCOSE_MG_DL_PER_MMOL_L * 10.0) / 10.0;
    }

    /** Rejects (into {@code violations}) every value outside its range, and a diastolic not below systolic. */
    public static void check(VitalSigns v, Violations violations) {
        range(violations, "systolic", v.systolic(), SYSTOLIC_MIN, SYSTOLIC_MAX, "mmHg");
        range(violations, "diastolic", v.diastolic(), DIASTOLIC_MIN, DIASTOLIC_MAX, "mmHg");
        if (v.systolic() != null && v.diastolic() != null && v.diastolic() >= v.systolic()) {
            violations.reject("diastolic", "must be below the systolic pressure");
        }
        if ((v.systolic() == null) != (v.diastolic() == null)) {
            violations.reject(v.systolic() == null ? "systolic" : "diastolic", "blood pressure needs both values");
        }
        range(violations, "pulse", v.pulse(), PULSE_MIN, PULSE_MAX, "/min");
        range(violations, "temperature", v.temperatureCelsius(), TEMPERATURE_MIN_C, TEMPERATURE_MAX_C, "°C");
        range(violations, "spo2", v.spo2(), SPO2_MIN, SPO2_MAX, "%");
        range(violations, "respiratoryRate", v.respiratoryRate(), RESPIRATORY_RATE_MIN, RESPIRATORY_RATE_MAX, "/min");
        range(violations, "weightKg", v.weightKg(), WEIGHT_MIN_KG, WEIGHT_MAX_KG, "kg");
        range(violations, "heightCm", v.heightCm(), HEIGHT_MIN_CM, HEIGHT_MAX_CM, "cm");
        range(violations, "glucose", v.glucoseMmolPerL(), GLUCOSE_MIN_MMOL, GLUCOSE_MAX_MMOL, "mmol/L");
    }

    private static void range(Violations violations, String field, Number value, double min, double max, String unit) {
        if (value == null) {
            return;
        }
        double d = value.doubleValue();
        if (Double.isNaN(d) || d < min || d > max) {
            violations.reject(field, "must be between " + fmt(min) + " and " + fmt(max) + " " + unit);
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
