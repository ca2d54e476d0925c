package org.carelog.api.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.carelog.api.queue.CallingOrder.Call;
import org.carelog.api.queue.CallingOrder.Counters;
import org.carelog.api.queue.CallingOrder.InLine;
import org.junit.jupiter.api.Test;

class CallingOrderTest {

    static final QueuePolicy POLICY = new QueuePolicy(new PriorityCategories(List.of("EMERGENCY", "ELDERLY")), 2, 2);
    static final Instant NOW = Instant.parse("2026-11-24T04:00:00Z");

    static InLine walkIn(int number) {
        return new InLine(number, null, null, false, 0);
    }

    static InLine priority(int number, String category) {
        return new InLine(number, category, null, false, 0);
    }

    static InLine appointment(int number, Instant start) {
        return new InLine(number, null, start, false, 0);
    }

    static List<Integer> numbers(List<Call> calls) {
        return calls.stream().map(Call::number).toList();
    }

    @Test
    void prioritiesByCategoryThenDueAppointmentsThenWalkInsThenEarlyAppointments() {
        List<InLine> line = List.of(
                walkIn(1),
                appointment(2, NOW.plusSeconds(3600)),
                priority(3, "ELDERLY"),
                appointment(4, NOW.minusSeconds(60)),
                priority(5, "EMERGENCY"),
                walkIn(6));
        List<Call> order = CallingOrder.upcoming(line, Counters.NONE, POLICY, NOW, 10);
        assertThat(order)
                .containsExactly(
                        new Call(5, CallReason.PRIORITY),
                        new Call(3, CallReason.PRIORITY),
                        new Call(1, CallReason.FAIRNESS_GUARD),
                        new Call(4, CallReason.APPOINTMENT_DUE),
                        new Call(6, CallReason.FIRST_COME_FIRST_SERVED),
                        new Call(2, CallReason.EARLY_APPOINTMENT));
    }

    @Test
    void theFairnessGuardCountsOnlyCallsThatPassedOverAWaitingWalkIn() {
        Counters counters = Counters.NONE;
        List<InLine> noWalkIn = List.of(priority(1, "ELDERLY"));
        counters = counters.afterCalling(noWalkIn.get(0), noWalkIn);
        assertThat(counters).isEqualTo(new Counters(1, 0));
        List<InLine> withWalkIn = List.of(priority(2, "ELDERLY"), walkIn(3));
        counters = counters.afterCalling(withWalkIn.get(0), withWalkIn);
        assertThat(counters).isEqualTo(new Counters(2, 1));
        counters = counters.afterCalling(withWalkIn.get(1), withWalkIn);
        assertThat(counters).as("a walk-in's call resets the run").isEqualTo(new Counters(3, 0));
    }

    @Test
    void aSkippedTokenReturnsToItsPlaceOnceTheQueueHasMadeItsCalls() {
        List<InLine> line = List.of(new InLine(1, null, null, true, 3), walkIn(2), walkIn(3), walkIn(4));
        assertThat(numbers(CallingOrder.upcoming(line, new Counters(1, 0), POLICY, NOW, 10)))
                .containsExactly(2, 3, 1, 4);
        assertThat(CallingOrder.next(List.of(new InLine(1, null, null, true, 9)), new Counters(1, 0), POLICY, NOW))
                .contains(new Call(1, CallReason.RETURNED_AFTER_SKIP));
        assertThat(CallingOrder.next(List.of(), Counters.NONE, POLICY, NOW)).isEmpty();
    }

    @Test
    void thePredictionStartsWithTheNextCallAndPlacesEveryTokenOnce() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<InLine> line = new ArrayList<>();
            for (int n = 1; n <= 1 + random.nextInt(25); n++) {
                line.add(
                        switch (random.nextInt(5)) {
                            case 0 -> priority(n, random.nextBoolean() ? "EMERGENCY" : "ELDERLY");
                            case 1 -> appointment(n, NOW.plusSeconds(600L * (random.nextInt(7) - 3)));
                            case 2 -> new InLine(n, null, null, true, random.nextInt(6));
                            default -> walkIn(n);
                        });
            }
            Counters counters = new Counters(random.nextInt(4), random.nextInt(3));
            List<Call> predicted = CallingOrder.upcoming(line, counters, POLICY, NOW, line.size());

            assertThat(predicted.get(0))
                    .isEqualTo(CallingOrder.next(line, counters, POLICY, NOW).orElseThrow());
            assertThat(numbers(predicted))
                    .containsExactlyInAnyOrderElementsOf(
                            line.stream().map(InLine::number).toList());
        }
    }
}
