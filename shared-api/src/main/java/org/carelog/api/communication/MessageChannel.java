package org.carelog.api.communication;

/** How a message reaches a patient. */
public enum MessageChannel {
    SMS,
    EMAIL
}
