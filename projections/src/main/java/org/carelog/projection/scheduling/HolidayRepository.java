package org.carelog.projection.scheduling;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The facility's holidays. */
public interface HolidayRepository extends JpaRepository<HolidayEntry, LocalDate> {

    List<HolidayEntry> findByOnDateBetweenOrderByOnDate(LocalDate from, LocalDate to);
}
