package org.carelog.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void readsAUuidSentAsText() {
        UUID id = UUID.randomUUID();
        assertThat(Ids.uuid("id", id.toString(), "patient")).isEqualTo(id);
        assertThat(PatientId.parse("patientId", id.toString())).isEqualTo(new PatientId(id));
    }

    @Test
    void anythingElseIsAValidationErrorOnTheNamedField() {
        assertThatThrownBy(() -> DepartmentId.parse("departmentId", "MED"))
                .isInstanceOfSatisfying(CarelogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.error().violations())
                            .containsExactly(new FieldViolation("departmentId", "is not a department id"));
                });
        assertThatThrownBy(() -> PatientId.parse("id", null))
                .isInstanceOfSatisfying(
                        CarelogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
    }
}
