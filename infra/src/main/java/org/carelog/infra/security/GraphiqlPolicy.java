package org.carelog.infra.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

/**
 * Content-Security-Policy. API responses (JSON) may load nothing and be framed by no one. The GraphiQL
 * page that Spring for GraphQL ships loads React, GraphiQL and Monaco from {@code https://esm.sh} and
 * has inline scripts and a style: it may load exactly those inline blocks (by their SHA-256, read from
 * the page itself at start-up) and scripts, styles, fonts and workers from esm.sh.
 */
@Component
class GraphiqlPolicy {

    static final String GRAPHIQL_PAGE = "graphiql/index.html";
    static final String CDN = "https://esm.sh";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** The waiting-room board page: its own script and style, and its WebSocket to the same origin. */
    static final String BOARD_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final String graphiqlPolicy;

    GraphiqlPolicy() {
        List<String> scripts = hashes(Pattern.compile("<script[^>]*>(.*?)</script>", Pattern.DOTALL));
        List<String> styles = hashes(Pattern.compile("<style[^>]*>(.*?)</style>", Pattern.DOTALL));
        this.graphiqlPolicy = "default-src 'none'; script-src " + CDN + " " + String.join(" ", scripts)
                + "; style-src " + CDN + " " + String.join(" ", styles)
                + "; font-src " + CDN + " data:; img-src 'self' data:; connect-src 'self' " + CDN
                + "; worker-src 'self' blob: " + CDN + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }

    HeaderWriter headerWriter() {
        return (request, response) -> {
            String path = request.getRequestURI();
            boolean graphiql = path.equals("/graphiql") || path.startsWith("/graphiql/");
            boolean board = path.startsWith("/board/");
            response.setHeader(
                    "Content-Security-Policy", graphiql ? graphiqlPolicy : board ? BOARD_POLICY : API_POLICY);
        };
    }

    String graphiqlPolicy() {
        return graphiqlPolicy;
    }

    private static List<String> hashes(Pattern block) {
        List<String> hashes = new ArrayList<>();
        ClassPathResource page = new ClassPathResource(GRAPHIQL_PAGE);
        if (!page.exists()) {
            return hashes;
        }
        try (InputStream in = page.getInputStream()) {
            Matcher m = block.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                if (!m.group(1).isBlank()) {
                    byte[] digest = MessageDigest.getInstance("SHA-256")
                            .digest(m.group(1).getBytes(StandardCharsets.UTF_8));
                    hashes.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
                }
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read " + GRAPHIQL_PAGE, e);
        }
        return hashes;
    }
}
