package org.carelog.projection.queue;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.carelog.api.queue.CallReason;
import org.carelog.api.queue.CallingOrder.InLine;
import org.carelog.api.queue.QueueTokenSummary;
import org.carelog.api.queue.TokenStatus;
import org.springframework.data.domain.Persistable;

/** One token of a queue, as staff screens, journeys, statistics and boards read it. */
@Entity
@Table(name = "queue_token")
public class QueueTokenEntry implements Persistable<String> {

    @Id
    private String tokenId;

    private UUID servicePointId;
    private LocalDate queueDate;
    private int number;
    private String label;

    @Enumerated(EnumType.STRING)
    private TokenStatus status;

    private String priority;
    private Integer priorityRank;
    private UUID appointmentId;
    private Instant appointmentStart;
    private UUID patientId;
    private String walkInNameBn;
    private String walkInNameEn;
    private String walkInPhone;
    private UUID journeyId;
    private String transferredFrom;
    private UUID transferredTo;
    private String counter;

    @Enumerated(EnumType.STRING)
    private CallReason callReason;

    private int calls;
    private Instant issuedAt;
    private Instant firstCalledAt;
    private Instant calledAt;
    private Instant serviceStartedAt;
    private Instant serviceFinishedAt;
    private Integer estimatedWaitSeconds;
    private Integer returnsAtCall;
    private Integer linePlace;
    private Instant updatedAt;

    @Transient
    private boolean fresh;

    protected QueueTokenEntry() {}

    static QueueTokenEntry issued(String tokenId, UUID servicePointId, LocalDate date, int number, String label) {
        QueueTokenEntry entry = new QueueTokenEntry();
        entry.tokenId = tokenId;
        entry.servicePointId = servicePointId;
        entry.queueDate = date;
        entry.number = number;
        entry.label = label;
        entry.status = TokenStatus.WAITING;
        entry.fresh = true;
        return entry;
    }

    void details(
            String priority,
            Integer priorityRank,
            UUID appointmentId,
            Instant appointmentStart,
            UUID patientId,
            UUID journeyId,
            String transferredFrom,
            Instant at) {
        this.priority = priority;
        this.priorityRank = priorityRank;
        this.appointmentId = appointmentId;
        this.appointmentStart = appointmentStart;
        this.patientId = patientId;
        this.journeyId = journeyId;
        this.transferredFrom = transferredFrom;
        this.issuedAt = at;
        this.updatedAt = at;
    }

    void walkIn(String nameBn, String nameEn, String phone) {
        walkInNameBn = nameBn;
        walkInNameEn = nameEn;
        walkInPhone = phone;
    }

    void called(CallReason reason, String counter, Instant at) {
        status = TokenStatus.CALLED;
        callReason = reason;
        this.counter = counter;
        calls++;
        if (firstCalledAt == null) {
            firstCalledAt = at;
        }
        calledAt = at;
        estimatedWaitSeconds = null;
        updatedAt = at;
    }

    void skipped(int returnsAtCall, Instant at) {
        status = TokenStatus.SKIPPED;
        this.returnsAtCall = returnsAtCall;
        updatedAt = at;
    }

    /** Whether the calling order still counts this token: waiting, or skipped and due back. */
    boolean inLine() {
        return status == TokenStatus.WAITING || status == TokenStatus.SKIPPED;
    }

    /** This token as the calling order sees it; only for tokens {@link #inLine()}. */
    InLine line() {
        return new InLine(
                number,
                priority,
                appointmentStart,
                status == TokenStatus.SKIPPED,
                returnsAtCall == null ? 0 : returnsAtCall);
    }

    /** Its place in the predicted line (0 is next) and the wait that place means; nulls when out of line. */
    void placed(Integer place, Integer waitSeconds) {
        if (!java.util.Objects.equals(place, linePlace)) {
            linePlace = place;
        }
        if (!java.util.Objects.equals(waitSeconds, estimatedWaitSeconds)) {
            estimatedWaitSeconds = waitSeconds;
        }
    }

    void recalled(Instant at) {
        calls++;
        calledAt = at;
        updatedAt = at;
    }

    void status(TokenStatus status, Instant at) {
        this.status = status;
        updatedAt = at;
        if (status == TokenStatus.SERVING) {
            serviceStartedAt = at;
        } else if (status == TokenStatus.SERVED) {
            serviceFinishedAt = at;
        }
    }

    void transferredTo(UUID servicePoint, Instant at) {
        transferredTo = servicePoint;
        if (status != TokenStatus.SERVED) {
            status = TokenStatus.TRANSFERRED;
        }
        updatedAt = at;
    }

    void counter(String counter, Instant at) {
        this.counter = counter;
        updatedAt = at;
    }

    void patient(UUID patientId, Instant at) {
        this.patientId = patientId;
        walkIn(null, null, null);
        updatedAt = at;
    }

    String walkInNameBn() {
        return walkInNameBn;
    }

    String walkInNameEn() {
        return walkInNameEn;
    }

    String walkInPhone() {
        return walkInPhone;
    }

    public QueueTokenSummary toSummary() {
        return new QueueTokenSummary(
                tokenId,
                label,
                servicePointId.toString(),
                queueDate,
                number,
                status,
                priority,
                appointmentId == null ? null : appointmentId.toString(),
                appointmentStart,
                patientId.toString(),
                walkInNameBn,
                walkInNameEn,
                walkInPhone,
                journeyId.toString(),
                transferredFrom,
                transferredTo == null ? null : transferredTo.toString(),
                counter,
                callReason,
                calls,
                issuedAt,
                calledAt,
                serviceStartedAt,
                serviceFinishedAt,
                estimatedWaitSeconds);
    }

    public String label() {
        return label;
    }

    public int number() {
        return number;
    }

    public TokenStatus status() {
        return status;
    }

    public String counter() {
        return counter;
    }

    @Override
    public String getId() {
        return tokenId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
