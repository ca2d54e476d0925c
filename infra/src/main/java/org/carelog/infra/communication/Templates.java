package org.carelog.infra.communication;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carelog.api.communication.MessageKind;
import org.carelog.api.patient.Language;

/**
 * The message texts per kind and language ({@code communication/templates_<language>.properties}, UTF-8): an SMS
 * text, and an e-mail's subject, plain text and HTML. Every kind has all four in every language (checked when
 * loaded), so a missing translation fails at start-up rather than at a patient's reminder.
 */
final class Templates {

    /** One rendered message: what an SMS says, or an e-mail's parts. */
    record Rendered(String sms, String subject, String text, String html) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final String[] PARTS = {"sms", "subject", "text", "html"};

    private final Map<Language, Properties> byLanguage = new EnumMap<>(Language.class);

    Templates() {
        for (Language language : Language.values()) {
            Properties properties =
                    load("communication/templates_" + language.name().toLowerCase() + ".properties");
            for (MessageKind kind : MessageKind.values()) {
                for (String part : PARTS) {
                    if (properties.getProperty(kind.name() + "." + part) == null) {
                        throw new IllegalStateException("No " + part + " template for " + kind + " in " + language);
                    }
                }
            }
            byLanguage.put(language, properties);
        }
    }

    Rendered render(MessageKind kind, Language language, Map<String, String> values) {
        Properties p = byLanguage.get(language);
        return new Rendered(
                fill(p.getProperty(kind + ".sms"), values, UnaryOperator.identity()),
                fill(p.getProperty(kind + ".subject"), values, UnaryOperator.identity()),
                fill(p.getProperty(kind + ".text"), values, UnaryOperator.identity()),
                fill(p.getProperty(kind + ".html"), values, Templates::escapeHtml));
    }

    private static String fill(String template, Map<String, String> values, UnaryOperator<String> escape) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : escape.apply(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static Properties load(String resource) {
        var stream = Templates.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Missing " + resource);
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
