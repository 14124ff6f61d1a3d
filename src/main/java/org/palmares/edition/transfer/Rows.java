package org.palmares.edition.transfer;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Table cells to JSON and back, by the column's SQL type, the same way on Derby and PostgreSQL. */
final class Rows {
    private Rows() {}

    /** Writes the current row as one JSON object, column names in lower case. */
    static void write(ResultSet rows, JsonGenerator json) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        json.writeStartObject();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
            switch (meta.getColumnType(i)) {
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                    long v = rows.getLong(i);
                    if (rows.wasNull()) json.writeNull(name);
                    else json.write(name, v);
                }
                case Types.DECIMAL, Types.NUMERIC, Types.DOUBLE, Types.REAL, Types.FLOAT -> {
                    BigDecimal v = rows.getBigDecimal(i);
                    if (v == null) json.writeNull(name);
                    else json.write(name, v);
                }
                case Types.BOOLEAN, Types.BIT -> {
                    boolean v = rows.getBoolean(i);
                    if (rows.wasNull()) json.writeNull(name);
                    else json.write(name, v);
                }
                case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                    Timestamp v = rows.getTimestamp(i);
                    if (v == null) json.writeNull(name);
                    else json.write(name, v.toLocalDateTime().toString());
                }
                case Types.DATE -> {
                    java.sql.Date v = rows.getDate(i);
                    if (v == null) json.writeNull(name);
                    else json.write(name, v.toLocalDate().toString());
                }
                case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> {
                    // No binary column belongs to an edition's tables; never write one by accident.
                }
                default -> {
                    String v = rows.getString(i);
                    if (v == null) json.writeNull(name);
                    else json.write(name, v);
                }
            }
        }
        json.writeEnd();
    }

    /** Binds a JSON value to a parameter of the given SQL type; a value of the wrong shape refuses the file. */
    static void bind(PreparedStatement statement, int index, int sqlType, String column, JsonValue value)
            throws SQLException {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            statement.setNull(index, sqlType);
            return;
        }
        try {
            switch (sqlType) {
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT ->
                    statement.setLong(index, ((JsonNumber) value).longValueExact());
                case Types.DECIMAL, Types.NUMERIC, Types.DOUBLE, Types.REAL, Types.FLOAT ->
                    statement.setBigDecimal(index, ((JsonNumber) value).bigDecimalValue());
                case Types.BOOLEAN, Types.BIT -> {
                    if (value.getValueType() == JsonValue.ValueType.TRUE) statement.setBoolean(index, true);
                    else if (value.getValueType() == JsonValue.ValueType.FALSE) statement.setBoolean(index, false);
                    else throw new ClassCastException();
                }
                case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
                    statement.setTimestamp(
                            index, Timestamp.valueOf(LocalDateTime.parse(((JsonString) value).getString())));
                case Types.DATE ->
                    statement.setDate(index, java.sql.Date.valueOf(LocalDate.parse(((JsonString) value).getString())));
                default -> statement.setString(index, ((JsonString) value).getString());
            }
        } catch (ClassCastException | ArithmeticException | DateTimeParseException e) {
            throw new TransferException.Invalid("transfer.row.value", column);
        }
    }

    /** The long in a JSON value, or refuses the file. */
    static long id(JsonValue value, String column) {
        if (value instanceof JsonNumber n) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                throw new TransferException.Invalid("transfer.row.value", column);
            }
        }
        throw new TransferException.Invalid("transfer.row.value", column);
    }
}
