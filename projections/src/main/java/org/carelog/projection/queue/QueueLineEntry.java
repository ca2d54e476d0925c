package org.carelog.projection.queue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.carelog.api.queue.CallingOrder.Counters;
import org.springframework.data.domain.Persistable;

/** One queue's call counters, as {@link org.carelog.api.queue.CallingOrder} defines them. */
@Entity
@Table(name = "queue_line")
class QueueLineEntry implements Persistable<String> {

    @Id
    private String queueId;

    private int calls;

    @Column(name = "ahead_of_walk_ins")
    private int aheadOfWalkIns;

    @Transient
    private boolean fresh;

    protected QueueLineEntry() {}

    static QueueLineEntry start(String queueId) {
        QueueLineEntry entry = new QueueLineEntry();
        entry.queueId = queueId;
        entry.fresh = true;
        return entry;
    }

    Counters counters() {
        return new Counters(calls, aheadOfWalkIns);
    }

    void counters(Counters counters) {
        calls = counters.calls();
        aheadOfWalkIns = counters.aheadOfWalkIns();
    }

    @Override
    public String getId() {
        return queueId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
