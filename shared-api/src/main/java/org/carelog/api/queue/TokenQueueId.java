package org.carelog.api.queue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.carelog.api.common.CarelogException;
import org.carelog.api.practitioner.ServicePointId;

/**
 * One service point's token queue on one local day of the facility: the token queue aggregate's
 * identity. Its text form, {@code <service point id>:<yyyy-mm-dd>}, is the aggregate id in the event store.
 */
public record TokenQueueId(ServicePointId servicePointId, LocalDate date) {

    public TokenQueueId {
        if (servicePointId == null || date == null) {
            throw new IllegalArgumentException("a token queue is identified by service point and date");
        }
    }

    /** Reads the text form; VALIDATION on {@code field} when it is not one. */
    public static TokenQueueId parse(String field, String raw) {
        int colon = raw == null ? -1 : raw.indexOf(':');
        if (colon < 0) {
            throw CarelogException.validation(field, "is not a token queue id");
        }
        try {
            return new TokenQueueId(
                    ServicePointId.parse(field, raw.substring(0, colon)), LocalDate.parse(raw.substring(colon + 1)));
        } catch (DateTimeParseException e) {
            throw CarelogException.validation(field, "is not a token queue id");
        }
    }

    @Override
    public String toString() {
        return servicePointId + ":" + date;
    }
}
