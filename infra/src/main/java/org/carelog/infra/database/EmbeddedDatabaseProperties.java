package org.carelog.infra.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL server, used whenever {@code spring.datasource.url} is not set.
 *
 * @param dataDirectory where the database lives; survives restarts
 * @param port TCP port on localhost (0 picks a free one)
 * @param durable fsync and synchronous commit on: an acknowledged command is on disk. Only throw-away
 *     test databases may turn it off.
 * @param poolSize connections in the application's pool
 */
@ConfigurationProperties("carelog.database.embedded")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./carelog-data") Path dataDirectory,
        @DefaultValue("54329") int port,
        @DefaultValue("true") boolean durable,
        @DefaultValue("20") int poolSize) {}
