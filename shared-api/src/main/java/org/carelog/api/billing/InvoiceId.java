package org.carelog.api.billing;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.common.Ids;

/**
 * One invoice. The invoice of an encounter has an id derived from the encounter's, so however often the
 * encounter's signature is delivered or replayed there is one invoice for it; a counter sale's is random.
 */
public record InvoiceId(UUID value) {

    public InvoiceId {
        if (value == null) {
            throw new IllegalArgumentException("invoice id is required");
        }
    }

    public static InvoiceId random() {
        return new InvoiceId(UUID.randomUUID());
    }

    /** The one invoice of an encounter: a name-based UUID of the encounter's id. */
    public static InvoiceId forEncounter(EncounterId encounter) {
        return new InvoiceId(UUID.nameUUIDFromBytes(
                ("carelog:invoice:encounter:" + encounter.value()).getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads an id a client sent; VALIDATION on {@code field} when it is not one. */
    public static InvoiceId parse(String field, String raw) {
        return new InvoiceId(Ids.uuid(field, raw, "invoice"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
