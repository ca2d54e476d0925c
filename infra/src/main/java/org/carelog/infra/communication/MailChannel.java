package org.carelog.infra.communication;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail through SMTP (Spring Mail, {@code spring.mail.*}): multipart/alternative with the plain text and the HTML,
 * UTF-8, our message id in {@code X-Carelog-Message}. SMTP cannot be asked afterwards whether a message arrived, so an
 * interrupted sending is not repeated (at most once; staff see it failed and may resend).
 */
final class MailChannel {

    private final ObjectProvider<JavaMailSender> sender;
    private final CommunicationProperties.Email config;

    MailChannel(ObjectProvider<JavaMailSender> sender, CommunicationProperties.Email config) {
        this.sender = sender;
        this.config = config;
    }

    SmsGateway.Outcome send(String reference, String to, String subject, String text, String html) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || config.from().isBlank()) {
            return new SmsGateway.Permanent(
                    "no mail server configured (spring.mail.host, carelog.communication.email.from)");
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(config.from(), config.fromName());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, html);
            message.setHeader("X-Carelog-Message", reference);
            mail.send(message);
            return new SmsGateway.Accepted(message.getMessageID(), "accepted by the mail server");
        } catch (MailSendException e) {
            // The server refused or could not be reached: worth another try (a refused address fails in time).
            return new SmsGateway.Temporary("mail server: " + e.getClass().getSimpleName());
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            return new SmsGateway.Permanent("mail: " + e.getClass().getSimpleName());
        }
    }
}
