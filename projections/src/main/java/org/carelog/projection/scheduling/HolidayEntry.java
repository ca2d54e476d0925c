package org.carelog.projection.scheduling;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.LocalDate;
import org.springframework.data.domain.Persistable;

/** A day the facility is closed. */
@Entity
@Table(name = "holiday_view")
public class HolidayEntry implements Persistable<LocalDate> {

    @Id
    private LocalDate onDate;

    private String name;

    @Transient
    private boolean fresh;

    protected HolidayEntry() {}

    static HolidayEntry of(LocalDate onDate, String name) {
        HolidayEntry entry = new HolidayEntry();
        entry.onDate = onDate;
        entry.name = name;
        entry.fresh = true;
        return entry;
    }

    public LocalDate onDate() {
        return onDate;
    }

    public String name() {
        return name;
    }

    @Override
    public LocalDate getId() {
        return onDate;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
