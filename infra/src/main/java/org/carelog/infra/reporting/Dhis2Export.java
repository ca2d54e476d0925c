package org.carelog.infra.reporting;

import java.util.Map;
import org.carelog.api.common.CarelogException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /reports/dhis2/{month}.json}: the month's DHIS2 data value set as DHIS2 receives it, to download and
 * import by hand. A month not over yet is a preview: header {@code Carelog-Complete: false}. Refusals are a 400
 * with {@code {"code","message"}}.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
class Dhis2Export {

    private final Dhis2DataValueSets sets;

    Dhis2Export(Dhis2DataValueSets sets) {
        this.sets = sets;
    }

    @GetMapping("/reports/dhis2/{month}.json")
    ResponseEntity<Object> dataValueSet(@PathVariable String month) {
        Dhis2DataValueSets.DataValueSet set;
        try {
            set = sets.build(month);
        } catch (CarelogException e) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("code", e.code().name(), "message", e.getMessage()));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header("Carelog-Complete", String.valueOf(set.complete()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dhis2-" + set.period() + ".json\"")
                .body(set.json());
    }
}
