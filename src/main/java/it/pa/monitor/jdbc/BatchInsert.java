package it.pa.monitor.jdbc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The one way rows are inserted: an INSERT of a table's declared columns, each with its SQL type, a row's values
 * set by column name into a {@link Row} and sent in JDBC batches. Declared types mean a null needs no parameter
 * metadata from the driver (a round trip on PostgreSQL) and a row needs no matching against the table's columns
 * (what {@code SimpleJdbcInsert} did for every row); values by name into an array mean no column-order mistakes
 * and no map per row (for a table of 60 000 rows and 20 columns, building and reading maps cost more than
 * binding). At the bottom of the layers, so that the plan's store, intake and results all insert through it.
 */
public final class BatchInsert {

    /** Rows per JDBC batch: the parameters of a plan of 240 000 indicators are never all built at once. */
    static final int BATCH_ROWS = 1_000;

    private final JdbcOperations jdbc;
    private final String table;
    /** The statement, with a positional parameter per declared column, in their order. */
    private final String sql;
    private final String[] columns;
    private final int[] sqlTypes;
    /** Each column's position in {@link #columns}. */
    private final Map<String, Integer> positions = new HashMap<>();

    private BatchInsert(NamedParameterJdbcTemplate named, String table, Map<String, Integer> types) {
        this.jdbc = named == null ? null : named.getJdbcOperations();
        this.table = table;
        this.sql = "INSERT INTO " + table + " (" + String.join(", ", types.keySet()) + ") VALUES ("
                + String.join(", ", Collections.nCopies(types.size(), "?")) + ")";
        this.columns = types.keySet().toArray(String[]::new);
        this.sqlTypes = types.values().stream().mapToInt(Integer::intValue).toArray();
        for (int c = 0; c < columns.length; c++) {
            positions.put(columns[c], c);
        }
    }

    private BatchInsert(BatchInsert insert, JdbcOperations jdbc) {
        this.jdbc = jdbc;
        this.table = insert.table;
        this.sql = insert.sql;
        this.columns = insert.columns;
        this.sqlTypes = insert.sqlTypes;
        this.positions.putAll(insert.positions);
    }

    /**
     * The same INSERT sent through {@code jdbc} instead: say, a transaction's connection used by another thread
     * while the transaction's own thread does something else.
     */
    public BatchInsert through(JdbcOperations jdbc) {
        return new BatchInsert(this, jdbc);
    }

    /** Starts the declaration of an INSERT into {@code table}. */
    public static Columns into(String table) {
        return new Columns(table);
    }

    /** The columns of an INSERT being declared, in order, with their {@link java.sql.Types}. */
    public static final class Columns {

        private final String table;
        private final Map<String, Integer> types = new LinkedHashMap<>();

        private Columns(String table) {
            this.table = table;
        }

        /** Adds a column; a row sets its value by the column's name. */
        public Columns column(String name, int sqlType) {
            if (types.putIfAbsent(name, sqlType) != null) {
                throw new IllegalArgumentException("Column " + name + " declared twice for " + table);
            }
            return this;
        }

        /** The INSERT of the declared columns, sent through {@code named}'s connection. */
        public BatchInsert using(NamedParameterJdbcTemplate named) {
            if (types.isEmpty()) {
                throw new IllegalStateException("No columns declared for " + table);
            }
            return new BatchInsert(named, table, new LinkedHashMap<>(types));
        }
    }

    /** The statement sent for every row (for its test). */
    String sql() {
        return sql;
    }

    /** Inserts a row per item, in batches, its values set by {@code row}. */
    public <T> void insert(Iterable<T> items, BiConsumer<T, Row> row) {
        Rows rows = rows();
        for (T item : items) {
            rows.add(built(item, row));
        }
        rows.flush();
    }

    /** Collects rows and sends them a batch at a time; {@link Rows#flush()} sends the rest. */
    public Rows rows() {
        return new Rows();
    }

    /** Rows waiting to be sent. */
    public final class Rows {

        private final List<Object[]> pending = new ArrayList<>();

        private Rows() {
        }

        /** Adds the row whose values {@code row} sets; a full batch is sent at once. */
        public void add(Consumer<Row> row) {
            add(built(row));
        }

        private void add(Object[] values) {
            pending.add(values);
            if (pending.size() == BATCH_ROWS) {
                flush();
            }
        }

        /** Sends the rows not sent yet. */
        public void flush() {
            if (!pending.isEmpty()) {
                jdbc.batchUpdate(sql, setter(pending));
                pending.clear();
            }
        }
    }

    /** Inserts the row whose values {@code row} sets and returns the key the database generated in {@code keyColumn}. */
    public long insertReturningKey(Consumer<Row> row, String keyColumn) {
        Object[] checked = built(row);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(sql, new String[] {keyColumn});
            bind(ps, checked);
            return ps;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    /**
     * Inserts a row per item, in batches, and returns the keys the database generated in {@code keyColumn}, in the
     * order of the items.
     */
    public <T> List<Long> insertReturningKeys(Collection<T> items, BiConsumer<T, Row> row, String keyColumn) {
        List<Object[]> rows = new ArrayList<>(items.size());
        for (T item : items) {
            rows.add(built(item, row));
        }
        List<Long> keys = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += BATCH_ROWS) {
            List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + BATCH_ROWS));
            KeyHolder holder = new GeneratedKeyHolder();
            jdbc.batchUpdate(con -> con.prepareStatement(sql, new String[] {keyColumn}), setter(batch), holder);
            for (Map<String, Object> generated : holder.getKeyList()) {
                keys.add(((Number) generated.values().iterator().next()).longValue());
            }
        }
        if (keys.size() != rows.size()) {
            throw new IllegalStateException(table + ": " + keys.size() + " generated keys for " + rows.size()
                    + " rows");
        }
        return keys;
    }

    private <T> Object[] built(T item, BiConsumer<T, Row> row) {
        Row values = new Row();
        row.accept(item, values);
        return values.checked();
    }

    private Object[] built(Consumer<Row> row) {
        Row values = new Row();
        row.accept(values);
        return values.checked();
    }

    /**
     * The values of one row, set by column name into an array in the declared columns' order. Every declared
     * column must be set exactly once: a column not declared, set twice or left out is refused before anything
     * is sent.
     */
    public final class Row {

        private final Object[] values = new Object[columns.length];
        private final boolean[] given = new boolean[columns.length];
        private int count;
        /** The column after the last one set: rows are usually written in the declared order. */
        private int next;

        private Row() {
        }

        /** Sets a column's value (null for SQL NULL). */
        public Row set(String column, Object value) {
            int c = next < columns.length && columns[next].equals(column) ? next : indexOf(column);
            if (given[c]) {
                throw new IllegalArgumentException("Column " + column + " set twice for " + table);
            }
            values[c] = value;
            given[c] = true;
            count++;
            next = c + 1;
            return this;
        }

        private int indexOf(String column) {
            Integer c = positions.get(column);
            if (c == null) {
                throw new IllegalArgumentException("Row for " + table + " gives " + column + ", columns are "
                        + Arrays.asList(columns));
            }
            return c;
        }

        private Object[] checked() {
            if (count != columns.length) {
                for (int c = 0; c < columns.length; c++) {
                    if (!given[c]) {
                        throw new IllegalArgumentException("No value for column " + columns[c] + " of " + table);
                    }
                }
            }
            return values;
        }
    }

    private BatchPreparedStatementSetter setter(List<Object[]> rows) {
        return new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                bind(ps, rows.get(i));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        };
    }

    /**
     * Binds a row's values with their columns' declared types: the common types straight through their setter (what
     * {@link StatementCreatorUtils} ends up calling for them, or its {@code setObject} with the type, which gives
     * the driver the same value), anything else through {@link StatementCreatorUtils}, as Spring binds a typed
     * parameter.
     */
    private void bind(PreparedStatement ps, Object[] row) throws SQLException {
        for (int c = 0; c < columns.length; c++) {
            Object value = row[c];
            int type = sqlTypes[c];
            int index = c + 1;
            if (value == null) {
                ps.setNull(index, type);
            } else if ((type == Types.VARCHAR || type == Types.CHAR) && value instanceof String text) {
                ps.setString(index, text);
            } else if (type == Types.BIGINT && value instanceof Long number) {
                ps.setLong(index, number);
            } else if (type == Types.INTEGER && value instanceof Integer number) {
                ps.setInt(index, number);
            } else if (type == Types.DECIMAL && value instanceof BigDecimal number) {
                ps.setBigDecimal(index, number);
            } else if (type == Types.TIMESTAMP && value instanceof Timestamp time) {
                ps.setTimestamp(index, time);
            } else if (type == Types.DATE && value instanceof java.sql.Date date) {
                ps.setDate(index, date);
            } else if (type == Types.BOOLEAN && value instanceof Boolean flag) {
                ps.setBoolean(index, flag);
            } else {
                StatementCreatorUtils.setParameterValue(ps, index, type, value);
            }
        }
    }
}
