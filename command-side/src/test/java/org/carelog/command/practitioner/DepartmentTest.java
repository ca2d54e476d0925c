package org.carelog.command.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carelog.command.practitioner.CarelogErrors.error;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.practitioner.AddServicePoint;
import org.carelog.api.practitioner.CloseServicePoint;
import org.carelog.api.practitioner.CreateDepartment;
import org.carelog.api.practitioner.DepartmentCode;
import org.carelog.api.practitioner.DepartmentCreated;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.DepartmentName;
import org.carelog.api.practitioner.DepartmentRenamed;
import org.carelog.api.practitioner.RenameDepartment;
import org.carelog.api.practitioner.RenameServicePoint;
import org.carelog.api.practitioner.ServicePointAdded;
import org.carelog.api.practitioner.ServicePointClosed;
import org.carelog.api.practitioner.ServicePointCode;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.practitioner.ServicePointKind;
import org.carelog.api.practitioner.ServicePointRenamed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DepartmentTest {

    static final DepartmentId MEDICINE = DepartmentId.random();
    static final DepartmentName MEDICINE_NAME = DepartmentName.of("Medicine", "মেডিসিন");
    static final DepartmentCode MED = DepartmentCode.parse("MED");
    static final ServicePointId CHAMBER_1 = ServicePointId.random();
    static final ServicePointCode MED1 = ServicePointCode.parse("MED1");
    static final DepartmentName CHAMBER_1_NAME = DepartmentName.of("Chamber 1", "চেম্বার ১");
    static final DepartmentCreated CREATED = new DepartmentCreated(MEDICINE, MEDICINE_NAME, MED);
    static final ServicePointAdded CHAMBER_1_ADDED =
            new ServicePointAdded(MEDICINE, CHAMBER_1, MED1, CHAMBER_1_NAME, ServicePointKind.CHAMBER);

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

    @Test
    void addsAServicePointWithItsCode() {
        fixture.given(CREATED)
                .when(new AddServicePoint(
                        MEDICINE, CHAMBER_1, new ServicePointCode("med1"), CHAMBER_1_NAME, ServicePointKind.CHAMBER))
                .expectEvents(CHAMBER_1_ADDED);
        assertThat(registry.openServicePointDepartment(CHAMBER_1)).contains(MEDICINE);
    }

    @Test
    void refusesAServicePointCodeAnotherServicePointHas() {
        registry.claimServicePointCode(DepartmentId.random(), ServicePointId.random(), MED1);
        fixture.given(CREATED)
                .when(new AddServicePoint(MEDICINE, CHAMBER_1, MED1, CHAMBER_1_NAME, ServicePointKind.CHAMBER))
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void refusesAServicePointWithoutCodeNameOrKind() {
        fixture.given(CREATED)
                .when(new AddServicePoint(MEDICINE, CHAMBER_1, new ServicePointCode("1"), null, null))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "nameEn", "nameBn", "code", "kind"));
    }

    @Test
    void addingTheSameServicePointAgainChangesNothing() {
        fixture.given(CREATED, CHAMBER_1_ADDED)
                .when(new AddServicePoint(MEDICINE, CHAMBER_1, MED1, CHAMBER_1_NAME, ServicePointKind.CHAMBER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void renamesAServicePoint() {
        DepartmentName renamed = DepartmentName.of("Chamber 1 (Diabetes)", "চেম্বার ১ (ডায়াবেটিস)");
        fixture.given(CREATED, CHAMBER_1_ADDED)
                .when(new RenameServicePoint(MEDICINE, CHAMBER_1, renamed))
                .expectEvents(new ServicePointRenamed(MEDICINE, CHAMBER_1, renamed));
    }

    @Test
    void refusesToRenameAServicePointOfAnotherDepartment() {
        fixture.given(CREATED)
                .when(new RenameServicePoint(MEDICINE, CHAMBER_1, CHAMBER_1_NAME))
                .expectNoEvents()
                .expectException(error(ErrorCode.NOT_FOUND));
    }

    @Test
    void closesAServicePointWithAReasonOnce() {
        registry.claimServicePointCode(MEDICINE, CHAMBER_1, MED1);
        fixture.given(CREATED, CHAMBER_1_ADDED)
                .when(new CloseServicePoint(MEDICINE, CHAMBER_1, " Room given  to radiology "))
                .expectEvents(new ServicePointClosed(MEDICINE, CHAMBER_1, "Room given to radiology"));
        assertThat(registry.openServicePointDepartment(CHAMBER_1)).isEmpty();

        fixture.given(CREATED, CHAMBER_1_ADDED, new ServicePointClosed(MEDICINE, CHAMBER_1, "moved"))
                .when(new CloseServicePoint(MEDICINE, CHAMBER_1, "again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToCloseWithoutAReason() {
        fixture.given(CREATED, CHAMBER_1_ADDED)
                .when(new CloseServicePoint(MEDICINE, CHAMBER_1, "  "))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "reason"));
    }
}
