package org.carelog.command.practitioner;

import static org.carelog.command.practitioner.CarelogErrors.error;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.practitioner.CreateDepartment;
import org.carelog.api.practitioner.DepartmentCode;
import org.carelog.api.practitioner.DepartmentCreated;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.DepartmentName;
import org.carelog.api.practitioner.DepartmentRenamed;
import org.carelog.api.practitioner.RenameDepartment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DepartmentTest {

    static final DepartmentId MEDICINE = DepartmentId.random();
    static final DepartmentName MEDICINE_NAME = DepartmentName.of("Medicine", "মেডিসিন");
    static final DepartmentCode MED = DepartmentCode.parse("MED");

    private AggregateTestFixture<Department> fixture;
    private InMemoryPractitionerRegistry registry;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Department.class);
        registry = new InMemoryPractitionerRegistry();
        fixture.registerInjectableResource(registry);
    }

    @Test
    void createsADepartmentWithItsCode() {
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(MEDICINE, MEDICINE_NAME, MED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DepartmentCreated(MEDICINE, MEDICINE_NAME, MED))
                .expectResultMessagePayload(MEDICINE);
    }

    @Test
    void tidiesTheNameAndCodeItIsGiven() {
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(
                        MEDICINE, new DepartmentName(" Medicine ", "মেডিসিন"), new DepartmentCode("med")))
                .expectEvents(new DepartmentCreated(MEDICINE, MEDICINE_NAME, MED));
    }

    @Test
    void refusesACodeAnotherDepartmentHas() {
        registry.claimDepartmentCode(DepartmentId.random(), MED);
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(MEDICINE, DepartmentName.of("Internal Medicine", "মেডিসিন"), MED))
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void refusesADepartmentWithoutNameOrCode() {
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(MEDICINE, null, null))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "nameEn", "nameBn", "code"));
    }

    @Test
    void refusesANameInTheWrongScript() {
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(MEDICINE, new DepartmentName("Medicine", "Medicine"), MED))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "nameBn"));
    }

    @Test
    void renamesADepartment() {
        DepartmentName internal = DepartmentName.of("Internal Medicine", "ইন্টারনাল মেডিসিন");
        fixture.given(new DepartmentCreated(MEDICINE, MEDICINE_NAME, MED))
                .when(new RenameDepartment(MEDICINE, internal))
                .expectEvents(new DepartmentRenamed(MEDICINE, internal));
    }

    @Test
    void renamingToTheSameNameChangesNothing() {
        fixture.given(new DepartmentCreated(MEDICINE, MEDICINE_NAME, MED))
                .when(new RenameDepartment(MEDICINE, new DepartmentName("Medicine ", "মেডিসিন")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAnEmptyNewName() {
        fixture.given(new DepartmentCreated(MEDICINE, MEDICINE_NAME, MED))
                .when(new RenameDepartment(MEDICINE, new DepartmentName("Medicine", " ")))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "nameBn"));
    }
}
