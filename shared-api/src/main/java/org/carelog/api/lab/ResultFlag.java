package org.carelog.api.lab;

/** How a result compares with its reference range; every flag but NORMAL is abnormal and shown as such. */
public enum ResultFlag {
    NORMAL,
    LOW,
    HIGH,
    CRITICAL_LOW,
    CRITICAL_HIGH,
    /** A non-numeric result judged abnormal (a positive culture, an abnormal film). */
    ABNORMAL;

    public boolean abnormal() {
        return this != NORMAL;
    }
}
