package org.carelog.infra.communication;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.carelog.api.communication.QuietHours;
import org.carelog.command.communication.ReminderPolicy;
import org.carelog.infra.config.FacilityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Communication's wiring: durable deadlines with db-scheduler (one table, polled; Axon's DbSchedulerDeadlineManager
 * runs the reminder sagas' deadline handlers), the message pipeline behind {@code PatientMessaging}, the SMS gateway
 * and mail channels, and the sending workers.
 */
@Configuration(proxyBeanMethods = false)
class CommunicationConfiguration {

    @Bean
    ReminderPolicy reminderPolicy(CommunicationProperties properties, FacilityProperties facility) {
        var r = properties.reminders();
        return new ReminderPolicy(r.appointmentOffsets(), r.followUpDaysBefore(), r.followUpAt(), facility.zone());
    }

    @Bean
    QuietHours quietHours(CommunicationProperties properties, FacilityProperties facility) {
        return new QuietHours(
                properties.quietHours().start(), properties.quietHours().end(), facility.zone());
    }

    /**
     * db-scheduler's task for Axon deadlines. The manager is looked up when a deadline runs (the scheduler must know
     * its tasks before the manager exists).
     */
    @Bean
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
    }

    /**
     * The scheduler on a transaction-aware data source: a deadline scheduled or cancelled by a saga is written in
     * the saga's own transaction (committed or rolled back with it). Its clock is the application's, so tests move
     * time forward. Started and stopped by the deadline manager with Axon.
     */
    @Bean
    Scheduler reminderScheduler(
            DataSource dataSource,
            Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask,
            CommunicationProperties properties,
            Clock clock) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), deadlineDetailsTask)
                .tableName("scheduled_tasks")
                .jdbcCustomization(new PostgreSqlJdbcCustomization(false, false))
                .commitWhenAutocommitDisabled(false)
                .pollingInterval(properties.scheduler().pollingInterval())
                .threads(properties.scheduler().threads())
                .clock(clock::instant)
                .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Hostname())
                .build();
    }

    @Bean
    DbSchedulerDeadlineManager deadlineManager(
            Scheduler reminderScheduler,
            org.axonframework.config.Configuration axon,
            Serializer serializer,
            TransactionManager transactionManager,
            ObjectProvider<DeadlineManagerSpanFactory> spanFactory) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(reminderScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory.getIfAvailable(
                        () -> org.axonframework.deadline.DefaultDeadlineManagerSpanFactory.builder()
                                .spanFactory(org.axonframework.tracing.NoOpSpanFactory.INSTANCE)
                                .build()))
                .startScheduler(true)
                .stopScheduler(true)
                .build();
    }

    @Bean
    MessageStore messageStore(JdbcTemplate jdbc) {
        return new MessageStore(jdbc);
    }

    @Bean
    MessageContents messageContents(Serializer serializer) {
        return new MessageContents(serializer);
    }

    @Bean
    SmsGateway smsGateway(CommunicationProperties properties) {
        return new HttpSmsGateway(properties.sms());
    }

    @Bean
    MailChannel mailChannel(ObjectProvider<JavaMailSender> sender, CommunicationProperties properties) {
        return new MailChannel(sender, properties.email());
    }

    @Bean
    Dispatcher messageDispatcher(
            MessageStore store,
            MessageContents contents,
            SmsGateway sms,
            MailChannel mail,
            CommunicationProperties properties,
            QuietHours quietHours,
            Clock clock) {
        return new Dispatcher(store, contents, sms, mail, properties.dispatch(), quietHours, clock);
    }

    @Bean
    MessagePipeline messagePipeline(
            JdbcTemplate jdbc,
            MessageStore store,
            MessageContents contents,
            QuietHours quietHours,
            Clock clock,
            FacilityProperties facility,
            Dispatcher dispatcher) {
        return new MessagePipeline(
                jdbc,
                store,
                contents,
                new Templates(),
                quietHours,
                clock,
                facility.name(),
                facility.zone(),
                dispatcher::wake);
    }

    @Bean
    JdbcPatientMessages patientMessages(MessageStore store, MessageContents contents) {
        return new JdbcPatientMessages(store, contents);
    }

    @Bean
    TurnNearWatcher turnNearWatcher(
            JdbcTemplate jdbc, MessagePipeline pipeline, CommunicationProperties properties, Clock clock) {
        return new TurnNearWatcher(jdbc, pipeline, properties.reminders().turnNearPlaces(), clock);
    }

    @Bean
    CommunicationJobs communicationJobs(TurnNearWatcher turnNear, SmsGateway sms, MessageStore store, Clock clock) {
        return new CommunicationJobs(turnNear, sms, store, clock);
    }
}
