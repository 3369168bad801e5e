package dev.autodev.common;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads nullable numeric columns, which JDBC otherwise turns into zeros. */
public final class SqlRows {

    private SqlRows() {}

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
