package org.carelog.command.queue;

import static org.carelog.command.practitioner.CarelogErrors.error;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PersonName;
import org.carelog.api.patient.PhoneNumber;
import org.carelog.api.practitioner.ServicePointCode;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.queue.AppointmentReference;
import org.carelog.api.queue.AssignTokenCounter;
import org.carelog.api.queue.CallNextToken;
import org.carelog.api.queue.CallReason;
import org.carelog.api.queue.CalledToken;
import org.carelog.api.queue.FinishService;
import org.carelog.api.queue.IssueToken;
import org.carelog.api.queue.IssuedToken;
import org.carelog.api.queue.LinkTokenToPatient;
import org.carelog.api.queue.MarkTokenNoShow;
import org.carelog.api.queue.PriorityCategories;
import org.carelog.api.queue.QueuePolicy;
import org.carelog.api.queue.QuickRegistration;
import org.carelog.api.queue.RecallToken;
import org.carelog.api.queue.SkipToken;
import org.carelog.api.queue.StartService;
import org.carelog.api.queue.TokenCalled;
import org.carelog.api.queue.TokenCounterAssigned;
import org.carelog.api.queue.TokenId;
import org.carelog.api.queue.TokenIssued;
import org.carelog.api.queue.TokenMarkedNoShow;
import org.carelog.api.queue.TokenPatientLinked;
import org.carelog.api.queue.TokenQueueId;
import org.carelog.api.queue.TokenRecalled;
import org.carelog.api.queue.TokenServiceFinished;
import org.carelog.api.queue.TokenServiceStarted;
import org.carelog.api.queue.TokenSkipped;
import org.carelog.api.queue.TokenTransferred;
import org.carelog.api.queue.TransferToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenQueueTest {

    static final ServicePointId CHAMBER = ServicePointId.random();
    static final ServicePointId LAB = ServicePointId.random();
    static final LocalDate DAY = LocalDate.of(2025, 3, 10);
    static final TokenQueueId QUEUE = new TokenQueueId(CHAMBER, DAY);
    static final ServicePointCode MED1 = ServicePointCode.parse("MED1");
    static final PatientId RAHIM = PatientId.random();
    static final UUID JOURNEY = UUID.randomUUID();
    /** 10:00 in Dhaka. */
    static final Instant TEN =
            LocalDateTime.of(2025, 3, 10, 10, 0).atZone(MutableClock.DHAKA).toInstant();

    private AggregateTestFixture<TokenQueue> fixture;
    private MutableClock clock;
    private InMemoryQueueDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TokenQueue.class);
        clock = new MutableClock(TEN);
        directory = new InMemoryQueueDirectory()
                .servicePoint(CHAMBER, "MED1")
                .servicePoint(LAB, "SC")
                .patient(RAHIM);
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(
                new QueuePolicy(new PriorityCategories(List.of("EMERGENCY", "ELDERLY", "PREGNANT")), 2, 2));
    }

    static TokenIssued walkIn(int number) {
        return issued(number, null, null);
    }

    static TokenIssued issued(int number, String priority, AppointmentReference appointment) {
        return new TokenIssued(RAHIM, QUEUE, number, MED1, priority, appointment, null, JOURNEY, null);
    }

    static TokenCalled called(int number, CallReason reason) {
        return new TokenCalled(QUEUE, number, reason, null);
    }

    static IssueToken issue(String priority, AppointmentReference appointment) {
        return new IssueToken(QUEUE, RAHIM, null, priority, appointment, null, JOURNEY);
    }

    // numbering

    @Test
    void firstTokenOfTheDayIsNumberOneWithTheServicePointsCode() {
        fixture.givenNoPriorActivity()
                .when(issue(null, null))
                .expectEvents(walkIn(1))
                .expectResultMessagePayload(new IssuedToken(new TokenId(QUEUE, 1), "MED1-001", JOURNEY));
    }

    @Test
    void numbersFollowWithoutGaps() {
        fixture.given(walkIn(1), walkIn(2), called(1, CallReason.FIRST_COME_FIRST_SERVED))
                .andGiven(new TokenMarkedNoShow(QUEUE, 1))
                .when(issue(null, null))
                .expectEvents(walkIn(3))
                .expectResultMessagePayload(new IssuedToken(new TokenId(QUEUE, 3), "MED1-003", JOURNEY));
    }

    @Test
    void aWalkInWithNameAndPhoneNeedsNoRegistration() {
        PatientId reserved = PatientId.random();
        QuickRegistration walkIn =
                new QuickRegistration(PersonName.of("করিম", "Karim"), PhoneNumber.mobile("01712345678"));
        fixture.givenNoPriorActivity()
                .when(new IssueToken(QUEUE, reserved, walkIn, null, null, null, JOURNEY))
                .expectEvents(new TokenIssued(reserved, QUEUE, 1, MED1, null, null, null, JOURNEY, walkIn));
    }

    @Test
    void refusesATokenForAnUnregisteredPatient() {
        fixture.givenNoPriorActivity()
                .when(new IssueToken(QUEUE, PatientId.random(), null, null, null, null, JOURNEY))
                .expectNoEvents()
                .expectException(error(ErrorCode.NOT_FOUND));
    }

    @Test
    void refusesAClosedServicePoint() {
        directory.close(CHAMBER);
        fixture.givenNoPriorActivity()
                .when(issue(null, null))
                .expectNoEvents()
                .expectException(error(ErrorCode.NOT_FOUND));
    }

    @Test
    void refusesAnUnknownPriorityAndAnIncompleteWalkIn() {
        fixture.givenNoPriorActivity()
                .when(new IssueToken(QUEUE, RAHIM, new QuickRegistration(null, null), "VIP", null, null, JOURNEY))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "priority", "walkIn.nameEn", "walkIn.phone"));
    }

    @Test
    void priorityCategoriesAreReadInAnyCase() {
        fixture.givenNoPriorActivity().when(issue(" elderly ", null)).expectEvents(issued(1, "ELDERLY", null));
    }

    // day rollover

    @Test
    void theDayTurnsAtLocalMidnightInDhaka() {
        clock.set(LocalDateTime.of(2025, 3, 10, 23, 59, 59)
                .atZone(MutableClock.DHAKA)
                .toInstant());
        fixture.given(walkIn(1)).when(issue(null, null)).expectEvents(walkIn(2));

        clock.advance(Duration.ofSeconds(2)); // 00:00:01 on the 11th in Dhaka, still the 10th in UTC
        fixture.given(walkIn(1), walkIn(2))
                .when(issue(null, null))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "date"));
    }

    @Test
    void theNextDaysQueueStartsAgainAtOne() {
        clock.set(LocalDateTime.of(2025, 3, 11, 0, 0, 1)
                .atZone(MutableClock.DHAKA)
                .toInstant());
        TokenQueueId nextDay = new TokenQueueId(CHAMBER, DAY.plusDays(1));
        fixture.givenNoPriorActivity()
                .when(new IssueToken(nextDay, RAHIM, null, null, null, null, JOURNEY))
                .expectEvents(new TokenIssued(RAHIM, nextDay, 1, MED1, null, null, null, JOURNEY, null));
    }

    // calling order

    @Test
    void walkInsAreCalledFirstComeFirstServed() {
        fixture.given(walkIn(1), walkIn(2))
                .when(new CallNextToken(QUEUE, "Room 12"))
                .expectEvents(new TokenCalled(QUEUE, 1, CallReason.FIRST_COME_FIRST_SERVED, "Room 12"))
                .expectResultMessagePayload(new CalledToken(
                        new TokenId(QUEUE, 1), "MED1-001", CallReason.FIRST_COME_FIRST_SERVED, "Room 12"));
    }

    @Test
    void nobodyWaitingCallsNobody() {
        fixture.given(walkIn(1), called(1, CallReason.FIRST_COME_FIRST_SERVED))
                .when(new CallNextToken(QUEUE, null))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void priorityComesFirstInTheConfiguredOrderOfCategories() {
        fixture.given(walkIn(1), issued(2, "PREGNANT", null), issued(3, "EMERGENCY", null))
                .when(new CallNextToken(QUEUE, null))
                .expectEvents(called(3, CallReason.PRIORITY));
    }

    @Test
    void appointmentHoldersAreSeatedAtTheirTimeNotBefore() {
        AppointmentReference at0930 = new AppointmentReference(UUID.randomUUID(), TEN.minus(Duration.ofMinutes(30)));
        AppointmentReference at1030 = new AppointmentReference(UUID.randomUUID(), TEN.plus(Duration.ofMinutes(30)));
        fixture.given(walkIn(1), issued(2, null, at1030), issued(3, null, at0930))
                .when(new CallNextToken(QUEUE, null))
                .expectEvents(called(3, CallReason.APPOINTMENT_DUE));
        fixture.given(walkIn(1), issued(2, null, at1030), called(1, CallReason.FIRST_COME_FIRST_SERVED))
                .when(new CallNextToken(QUEUE, null))
                .expectEvents(called(2, CallReason.EARLY_APPOINTMENT));
    }

    @Test
    void fairnessGuardCallsTheLongestWaitingWalkInAfterTwoPriorityCallsInARow() {
        fixture.given(
                        walkIn(1),
                        issued(2, "ELDERLY", null),
                        issued(3, "ELDERLY", null),
                        issued(4, "ELDERLY", null),
                        called(2, CallReason.PRIORITY),
                        called(3, CallReason.PRIORITY))
                .when(new CallNextToken(QUEUE, null))
                .expectEvents(called(1, CallReason.FAIRNESS_GUARD));
    }

    @Test
    void priorityCallsWithNoWalkInWaitingDoNotCountTowardsTheGuard() {
        fixture.given(
                        issued(1, "ELDERLY", null),
                        issued(2, "ELDERLY", null),
                        called(1, CallReason.PRIORITY),
                        called(2, CallReason.PRIORITY),
                        walkIn(3),
                        issued(4, "ELDERLY", null))
                .when(new CallNextToken(QUEUE, null))
                .expectEvents(called(4, CallReason.PRIORITY));
    }

    // skip, recall, no-show, service

    @Test
    void aSkippedPatientIsBackInLineAfterTheConfiguredNumberOfCalls() {
        fixture.given(walkIn(1), walkIn(2), walkIn(3), walkIn(4), called(1, CallReason.FIRST_COME_FIRST_SERVED))
                .when(new SkipToken(QUEUE, 1))
                .expectEvents(new TokenSkipped(QUEUE, 1, 2));
        List<Object> firstSkippedThenTwoCalled = List.of(
                walkIn(1),
                walkIn(2),
                walkIn(3),
                walkIn(4),
                called(1, CallReason.FIRST_COME_FIRST_SERVED),
                new TokenSkipped(QUEUE, 1, 2),
                called(2, CallReason.FIRST_COME_FIRST_SERVED));
        fixture.given(firstSkippedThenTwoCalled)
                .when(new CallNextToken(QUEUE, null))
                .expectEvents(called(3, CallReason.FIRST_COME_FIRST_SERVED));
        fixture.given(firstSkippedThenTwoCalled)
                .andGiven(called(3, CallReason.FIRST_COME_FIRST_SERVED))
                .when(new CallNextToken(QUEUE, null))
                .expectEvents(called(1, CallReason.FIRST_COME_FIRST_SERVED));
    }

    @Test
    void aSkippedPatientIsCalledEarlyWhenNobodyElseWaits() {
        fixture.given(walkIn(1), called(1, CallReason.FIRST_COME_FIRST_SERVED), new TokenSkipped(QUEUE, 1, 2))
                .when(new CallNextToken(QUEUE, null))
                .expectEvents(called(1, CallReason.RETURNED_AFTER_SKIP));
    }

    @Test
    void onlyACalledTokenIsSkippedAndASecondSkipChangesNothing() {
        fixture.given(walkIn(1))
                .when(new SkipToken(QUEUE, 1))
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
        fixture.given(walkIn(1), called(1, CallReason.FIRST_COME_FIRST_SERVED), new TokenSkipped(QUEUE, 1, 2))
                .when(new SkipToken(QUEUE, 1))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void recallAnnouncesACalledTokenAgainWithoutMovingTheLine() {
        fixture.given(walkIn(1), walkIn(2), called(1, CallReason.FIRST_COME_FIRST_SERVED))
                .when(new RecallToken(QUEUE, 1))
                .expectEvents(new TokenRecalled(QUEUE, 1));
        fixture.given(walkIn(1))
                .when(new RecallToken(QUEUE, 1))
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void serviceStartsAfterACallAndFinishesAfterItStarts() {
        fixture.given(walkIn(1))
                .when(new StartService(QUEUE, 1))
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
        fixture.given(walkIn(1), called(1, CallReason.FIRST_COME_FIRST_SERVED))
                .when(new StartService(QUEUE, 1))
                .expectEvents(new TokenServiceStarted(QUEUE, 1));
        fixture.given(walkIn(1), called(1, CallReason.FIRST_COME_FIRST_SERVED), new TokenServiceStarted(QUEUE, 1))
                .when(new FinishService(QUEUE, 1))
                .expectEvents(new TokenServiceFinished(QUEUE, 1));
        fixture.given(
                        walkIn(1),
                        called(1, CallReason.FIRST_COME_FIRST_SERVED),
                        new TokenServiceStarted(QUEUE, 1),
                        new TokenServiceFinished(QUEUE, 1))
                .when(new FinishService(QUEUE, 1))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aNoShowLeavesTheLineAndIsNotCalledAgain() {
        fixture.given(walkIn(1), called(1, CallReason.FIRST_COME_FIRST_SERVED))
                .when(new MarkTokenNoShow(QUEUE, 1))
                .expectEvents(new TokenMarkedNoShow(QUEUE, 1));
        fixture.given(walkIn(1), called(1, CallReason.FIRST_COME_FIRST_SERVED), new TokenMarkedNoShow(QUEUE, 1))
                .when(new CallNextToken(QUEUE, null))
                .expectNoEvents();
    }

    @Test
    void aTokenWithoutThatNumberIsNotFound() {
        fixture.given(walkIn(1))
                .when(new RecallToken(QUEUE, 7))
                .expectNoEvents()
                .expectException(error(ErrorCode.NOT_FOUND));
    }

    @Test
    void aCalledTokenIsSentToAnotherCounter() {
        fixture.given(walkIn(1), called(1, CallReason.FIRST_COME_FIRST_SERVED))
                .when(new AssignTokenCounter(QUEUE, 1, "Counter 3"))
                .expectEvents(new TokenCounterAssigned(QUEUE, 1, "Counter 3"));
    }

    // transfer

    @Test
    void transferWhileServingFinishesTheServiceHereAndSendsThePatientOn() {
        fixture.given(walkIn(1), called(1, CallReason.FIRST_COME_FIRST_SERVED), new TokenServiceStarted(QUEUE, 1))
                .when(new TransferToken(QUEUE, 1, LAB, null))
                .expectEvents(
                        new TokenServiceFinished(QUEUE, 1), new TokenTransferred(QUEUE, 1, LAB, null, RAHIM, JOURNEY));
    }

    @Test
    void aTokenIsTransferredOnceAndNeverToItsOwnServicePoint() {
        fixture.given(walkIn(1), called(1, CallReason.FIRST_COME_FIRST_SERVED))
                .when(new TransferToken(QUEUE, 1, CHAMBER, null))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "targetServicePointId"));
        fixture.given(walkIn(1), new TokenTransferred(QUEUE, 1, LAB, null, RAHIM, JOURNEY))
                .when(new TransferToken(QUEUE, 1, LAB, null))
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void aTransferredTokenIsIssuedWithoutARegisteredPatientCheckInTheSameJourney() {
        PatientId reserved = PatientId.random();
        TokenId from = new TokenId(QUEUE, 1);
        TokenQueueId lab = new TokenQueueId(LAB, DAY);
        fixture.givenNoPriorActivity()
                .when(new IssueToken(lab, reserved, null, null, null, from, JOURNEY))
                .expectEvents(new TokenIssued(
                        reserved, lab, 1, ServicePointCode.parse("SC"), null, null, from, JOURNEY, null));
    }

    @Test
    void aWalkInsTokenIsLinkedToTheirCompletedRegistration() {
        PatientId reserved = PatientId.random();
        QuickRegistration walkIn =
                new QuickRegistration(PersonName.of(null, "Karim"), PhoneNumber.mobile("01712345678"));
        fixture.given(new TokenIssued(reserved, QUEUE, 1, MED1, null, null, null, JOURNEY, walkIn))
                .when(new LinkTokenToPatient(QUEUE, 1, RAHIM))
                .expectEvents(new TokenPatientLinked(QUEUE, 1, RAHIM));
        fixture.given(walkIn(1))
                .when(new LinkTokenToPatient(QUEUE, 1, PatientId.random()))
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }
}
