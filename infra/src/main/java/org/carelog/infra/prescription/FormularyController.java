package org.carelog.infra.prescription;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/** The formulary import (reference data in the database, not commands and events: it holds no patient data). */
@Controller
class FormularyController {

    private final FormularyImport formulary;

    FormularyController(FormularyImport formulary) {
        this.formulary = formulary;
    }

    record ImportFormularyInput(String idempotencyKey, String csv) {}

    record ImportFormularyPayload(int added, int updated) {}

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    ImportFormularyPayload importFormulary(@Argument ImportFormularyInput input) {
        FormularyImport.Result result = formulary.importCsv(
                input.csv(),
                SecurityContextHolder.getContext().getAuthentication().getName());
        return new ImportFormularyPayload(result.added(), result.updated());
    }
}
