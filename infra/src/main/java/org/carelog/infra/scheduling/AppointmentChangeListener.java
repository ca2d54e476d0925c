package org.carelog.infra.scheduling;

import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.carelog.infra.database.NotificationListener;
import org.carelog.query.scheduling.AppointmentCalendarFeed;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL for calendar changes announced by any Carelog process ({@link
 * NotifyingAppointmentChanges}, payload {@code <practitioner>_<date>}) and hands them to this process's
 * live calendars; after a lost connection every watched calendar reads itself again.
 */
@Component
class AppointmentChangeListener extends NotificationListener {

    AppointmentChangeListener(DataSource dataSource, AppointmentCalendarFeed feed) {
        super(
                dataSource,
                NotifyingAppointmentChanges.CHANNEL,
                day -> {
                    int split = day.lastIndexOf('_');
                    feed.changed(UUID.fromString(day.substring(0, split)), LocalDate.parse(day.substring(split + 1)));
                },
                feed::changedAll);
    }
}
