package org.carelog.infra.reference;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reference data settings. {@code icd10File}: a CSV of ICD-10 codes ({@code code,title}, header row) that a
 * facility holding a WHO licence imports; Carelog does not ship ICD-10. Loaded again only when the file
 * changes.
 */
@ConfigurationProperties("carelog.reference")
record ReferenceProperties(Path icd10File, String icd10Release) {

    ReferenceProperties {
        if (icd10Release == null || icd10Release.isBlank()) {
            icd10Release = "facility-licensed";
        }
    }
}
