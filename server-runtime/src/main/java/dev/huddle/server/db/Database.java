package dev.huddle.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

/**
 * One service's SQLite file: WAL journal, {@code synchronous=NORMAL}, foreign keys on, write
 * transactions taken {@code IMMEDIATE} so two writers queue on the busy timeout instead of failing
 * halfway, and the schema brought up to date by Flyway from {@code classpath:db/<service>}.
 *
 * <p>Every method here blocks: callers run it on a worker thread, never on an event loop.
 */
public final class Database implements AutoCloseable {

    /** Work done on one connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource dataSource;
    private final Path file;

    private Database(HikariDataSource dataSource, Path file) {
        this.dataSource = dataSource;
        this.file = file;
    }

    /**
     * Opens (creating if needed) {@code <dataDir>/<name>.db} and applies the migrations found under
     * {@code classpath:db/<name>}.
     */
    public static Database open(Path dataDir, String name) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve(name + ".db");
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(10_000);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);

        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(name + "-db");
        hikari.setJdbcUrl("jdbc:sqlite:" + file);
        hikari.setDataSourceProperties(sqlite.toProperties());
        hikari.setMaximumPoolSize(4);
        hikari.setMinimumIdle(1);
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + name)
                .load()
                .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, file);
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** Runs {@code work} on a connection in autocommit mode (reads, single statements). */
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** True when the file can be queried; the health check asks this. */
    public boolean isHealthy() {
        if (dataSource.isClosed()) {
            return false;
        }
        try {
            return withConnection(c -> c.createStatement().execute("SELECT 1"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
