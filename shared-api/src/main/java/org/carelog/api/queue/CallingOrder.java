package org.carelog.api.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The calling order of one queue, as one pure rule used by both the queue itself (which calls) and the
 * board and waiting estimates (which predict): the board's first "next" is the token the next call chooses,
 * unless the clock passes an appointment's time in between.
 *
 * <p>Priority categories first (in the configured order, then first come first served); then appointment
 * holders whose time has come, by scheduled time; then walk-ins first come first served. After
 * {@link QueuePolicy#fairnessAfter()} priority or appointment calls in a row that passed over a waiting
 * walk-in, the longest-waiting walk-in is called (fairness guard). A skipped token is back in line, at its
 * original place in its group, once the queue has made the number of calls recorded with the skip. When
 * nobody else waits, an early appointment holder and then a skipped token are called rather than nobody.
 */
public final class CallingOrder {

    private CallingOrder() {}

    /**
     * A token in line: waiting, or skipped and back in line once the queue has made {@code returnsAtCall}
     * calls.
     *
     * @param priority its priority category, or null
     * @param appointmentStart the scheduled start of its appointment, or null for a walk-in
     */
    public record InLine(int number, String priority, Instant appointmentStart, boolean skipped, int returnsAtCall) {

        /** A walk-in without priority: whom the fairness guard protects. */
        public boolean regular() {
            return priority == null && appointmentStart == null;
        }

        boolean available(int calls) {
            return !skipped || calls >= returnsAtCall;
        }
    }

    /** One call: the token and the reason recorded with it. */
    public record Call(int number, CallReason reason) {}

    /**
     * What the queue counts of its calls: how many it made, and how many priority or appointment calls in a
     * row passed over a waiting walk-in.
     */
    public record Counters(int calls, int aheadOfWalkIns) {

        public static final Counters NONE = new Counters(0, 0);

        /** The counters after calling {@code called} from {@code line} (the line before the call). */
        public Counters afterCalling(InLine called, Collection<InLine> line) {
            if (called.regular()) {
                return new Counters(calls + 1, 0);
            }
            boolean passedOverWalkIn = line.stream().anyMatch(t -> t.regular() && t.available(calls));
            return new Counters(calls + 1, passedOverWalkIn ? aheadOfWalkIns + 1 : aheadOfWalkIns);
        }
    }

    /** The token the next call chooses from {@code line} (in number order), and why; empty when nobody waits. */
    public static Optional<Call> next(List<InLine> line, Counters counters, QueuePolicy policy, Instant now) {
        InLine priority = null;
        InLine due = null;
        InLine walkIn = null;
        InLine early = null;
        InLine skipped = null;
        Comparator<InLine> byStart = Comparator.comparing(InLine::appointmentStart);
        for (InLine t : line) {
            if (!t.available(counters.calls())) {
                if (skipped == null || t.returnsAtCall() < skipped.returnsAtCall()) {
                    skipped = t;
                }
            } else if (t.priority() != null) {
                if (priority == null
                        || policy.priorities().rank(t.priority())
                                < policy.priorities().rank(priority.priority())) {
                    priority = t;
                }
            } else if (t.appointmentStart() != null) {
                boolean isDue = !t.appointmentStart().isAfter(now);
                if (isDue && (due == null || byStart.compare(t, due) < 0)) {
                    due = t;
                } else if (!isDue && (early == null || byStart.compare(t, early) < 0)) {
                    early = t;
                }
            } else if (walkIn == null) {
                walkIn = t;
            }
        }
        if (walkIn != null
                && (priority != null || due != null)
                && counters.aheadOfWalkIns() >= policy.fairnessAfter()) {
            return Optional.of(new Call(walkIn.number(), CallReason.FAIRNESS_GUARD));
        }
        if (priority != null) {
            return Optional.of(new Call(priority.number(), CallReason.PRIORITY));
        }
        if (due != null) {
            return Optional.of(new Call(due.number(), CallReason.APPOINTMENT_DUE));
        }
        if (walkIn != null) {
            return Optional.of(new Call(walkIn.number(), CallReason.FIRST_COME_FIRST_SERVED));
        }
        if (early != null) {
            return Optional.of(new Call(early.number(), CallReason.EARLY_APPOINTMENT));
        }
        return Optional.ofNullable(skipped).map(t -> new Call(t.number(), CallReason.RETURNED_AFTER_SKIP));
    }

    /**
     * The order in which the line would be called if nothing else happened before {@code limit} calls and
     * the clock stood at {@code now}: the board's next tokens and each token's place for its waiting estimate.
     * Its first element is always {@link #next}.
     */
    public static List<Call> upcoming(
            List<InLine> line, Counters counters, QueuePolicy policy, Instant now, int limit) {
        List<InLine> remaining = new ArrayList<>(line);
        List<Call> order = new ArrayList<>();
        Counters running = counters;
        while (order.size() < limit) {
            Optional<Call> call = next(remaining, running, policy, now);
            if (call.isEmpty()) {
                break;
            }
            InLine called = remaining.stream()
                    .filter(t -> t.number() == call.get().number())
                    .findFirst()
                    .orElseThrow();
            running = running.afterCalling(called, remaining);
            remaining.remove(called);
            order.add(call.get());
        }
        return order;
    }
}
