package dev.huddle.server.db;

import java.sql.SQLException;

/** An SQL failure nobody expected (constraint violations the rules anticipate are caught earlier). */
public final class DatabaseException extends RuntimeException {

    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** True when SQLite refused the write because of a UNIQUE constraint. */
    public static boolean isUniqueViolation(SQLException e) {
        return e.getErrorCode() == 19 && e.getMessage() != null && e.getMessage().contains("UNIQUE");
    }
}
