package org.carelog.projection.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.carelog.api.clinical.RecordedEvent;
import org.carelog.api.lab.LabOrderId;
import org.carelog.api.lab.LabOrderKind;
import org.carelog.api.lab.LabOrderStatus;
import org.carelog.api.lab.LabPriority;
import org.carelog.api.lab.LabResult;
import org.carelog.api.lab.LabResultCorrected;
import org.carelog.api.lab.LabResultEntered;
import org.carelog.api.lab.LabResultVerified;
import org.carelog.api.lab.LabSampleCollected;
import org.carelog.api.lab.LabTestOrdered;
import org.carelog.api.lab.ResultFlag;
import org.carelog.api.patient.PatientId;
import org.junit.jupiter.api.Test;

class LabOrderFoldTest {

    static final PatientId PATIENT = PatientId.random();
    static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");
    static final LabResult HIGH = LabResult.interpret(
            "17.2", "g/dL", new BigDecimal("12"), new BigDecimal("16"), null, null, null, null, null);
    static final LabResult NORMAL = LabResult.interpret(
            "15.2", "g/dL", new BigDecimal("12"), new BigDecimal("16"), null, null, null, null, null);

    static RecordedEvent at(long index, Object event, String user) {
        return new RecordedEvent(
                index,
                T0.plusSeconds(60 * index),
                (org.carelog.api.clinical.PatientRecordEvent) event,
                user,
                "X",
                null);
    }

    static LabTestOrdered ordered(LabOrderId id) {
        return new LabTestOrdered(
                PATIENT, id, null, LabOrderKind.LAB, "718-7", "Hemoglobin", LabPriority.ROUTINE, null);
    }

    @Test
    void anOrdersEventsGiveItsStateVersionsAndWhoDidEachStep() {
        LabOrderId id = LabOrderId.random();
        List<LabOrderView> orders = LabOrderFold.fold(List.of(
                at(5, new LabResultVerified(PATIENT, id, 1), "tech2"),
                at(1, ordered(id), "doctor"),
                at(2, new LabSampleCollected(PATIENT, id, "blood"), "nurse"),
                at(3, new LabResultEntered(PATIENT, id, 1, HIGH), "tech1"),
                at(6, new LabResultCorrected(PATIENT, id, 2, NORMAL, "wrong tube"), "tech1")));
        assertThat(orders).hasSize(1);
        LabOrderView order = orders.get(0);
        assertThat(order.status()).isEqualTo(LabOrderStatus.RESULTED);
        assertThat(order.orderedBy()).isEqualTo("doctor");
        assertThat(order.collectedBy()).isEqualTo("nurse");
        assertThat(order.result()).isEqualTo(NORMAL);
        assertThat(order.abnormal()).isFalse();
        assertThat(order.versions())
                .extracting(LabOrderView.ResultVersion::version)
                .containsExactly(1, 2);
        assertThat(order.versions().get(0).result().flag()).isEqualTo(ResultFlag.HIGH);
        assertThat(order.versions().get(0).verifiedBy()).isEqualTo("tech2");
        assertThat(order.versions().get(1).reason()).isEqualTo("wrong tube");
        assertThat(order.verifiedVersion().version()).isEqualTo(1);
    }

    @Test
    void aChartAsOfAnInstantHasOnlyWhatWasThereThenNewestFirst() {
        LabOrderId first = LabOrderId.random();
        LabOrderId second = LabOrderId.random();
        List<RecordedEvent> until = List.of(
                at(1, ordered(first), "doctor"),
                at(2, ordered(second), "doctor"),
                at(3, new LabSampleCollected(PATIENT, first, "blood"), "nurse"));
        List<LabOrderView> orders = LabOrderFold.fold(until);
        assertThat(orders).extracting(LabOrderView::orderId).containsExactly(second.value(), first.value());
        assertThat(orders.get(1).status()).isEqualTo(LabOrderStatus.COLLECTED);
        assertThat(orders.get(0).result()).isNull();
    }

    @Test
    void anErasedOrderKeepsItsStepsButNoneOfItsHealthData() {
        LabOrderId id = LabOrderId.random();
        LabOrderView order = LabOrderFold.fold(List.of(
                        at(1, ordered(id), "doctor"),
                        at(2, new LabSampleCollected(PATIENT, id, "blood"), "nurse"),
                        at(3, new LabResultEntered(PATIENT, id, 1, HIGH), "tech1")))
                .get(0)
                .erased();
        assertThat(order.code()).isNull();
        assertThat(order.name()).isNull();
        assertThat(order.specimen()).isNull();
        assertThat(order.result()).isNull();
        assertThat(order.versions().get(0).result()).isNull();
        assertThat(order.status()).isEqualTo(LabOrderStatus.RESULTED);
    }
}
