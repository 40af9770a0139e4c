package it.pa.monitor.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The one way rows are inserted: a named-parameter INSERT of a table's declared columns, each with its
 * SQL type, sent in JDBC batches. Declared types mean a null needs no parameter metadata from the driver
 * (a round trip on PostgreSQL) and a row needs no matching against the table's columns (what
 * {@code SimpleJdbcInsert} did for every row). At the bottom of the layers, so that the plan's store,
 * intake and results all insert through it.
 */
public final class BatchInsert {

    /** Rows per JDBC batch: the parameters of a plan of 240 000 indicators are never all built at once. */
    static final int BATCH_ROWS = 1_000;

    private final NamedParameterJdbcTemplate named;
    private final String table;
    private final Map<String, Integer> types;
    private final String sql;
    /**
     * The same statement with positional parameters, for the batches: their rows are bound column by column,
     * without the named-parameter substitution Spring otherwise redoes for every batch and row.
     */
    private final String positional;
    private final String[] columns;
    private final int[] sqlTypes;
    /** Each column's position in {@link #columns}. */
    private final Map<String, Integer> positions = new HashMap<>();

    private BatchInsert(NamedParameterJdbcTemplate named, String table, Map<String, Integer> types) {
        this.named = named;
        this.table = table;
        this.types = Collections.unmodifiableMap(types);
        this.sql = "INSERT INTO " + table + " (" + String.join(", ", types.keySet()) + ") VALUES ("
                + String.join(", ", types.keySet().stream().map(c -> ":" + c).toList()) + ")";
        this.positional = "INSERT INTO " + table + " (" + String.join(", ", types.keySet()) + ") VALUES ("
                + String.join(", ", Collections.nCopies(types.size(), "?")) + ")";
        this.columns = types.keySet().toArray(String[]::new);
        this.sqlTypes = types.values().stream().mapToInt(Integer::intValue).toArray();
        for (int c = 0; c < columns.length; c++) {
            positions.put(columns[c], c);
        }
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

        /** Adds a column; its parameter in each row has the column's name. */
        public Columns column(String name, int sqlType) {
            if (types.putIfAbsent(name, sqlType) != null) {
                throw new IllegalArgumentException("Column " + name + " declared twice for " + table);
            }
            return this;
        }

        /** The INSERT of the declared columns, sent through {@code named}. */
        public BatchInsert using(NamedParameterJdbcTemplate named) {
            if (types.isEmpty()) {
                throw new IllegalStateException("No columns declared for " + table);
            }
            return new BatchInsert(named, table, new LinkedHashMap<>(types));
        }
    }

    /** The statement, with one named parameter per declared column (for its test). */
    String sql() {
        return sql;
    }

    /** Inserts one row and returns the key the database generated in {@code keyColumn}. */
    public long insertReturningKey(MapSqlParameterSource row, String keyColumn) {
        KeyHolder key = new GeneratedKeyHolder();
        named.update(sql, typed(row, true), key, new String[] {keyColumn});
        return key.getKeyAs(Number.class).longValue();
    }

    /**
     * Inserts the rows in batches and returns the keys the database generated in {@code keyColumn},
     * in the order of the rows.
     */
    public List<Long> insertReturningKeys(List<MapSqlParameterSource> rows, String keyColumn) {
        List<Long> keys = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += BATCH_ROWS) {
            List<MapSqlParameterSource> batch = rows.subList(from, Math.min(rows.size(), from + BATCH_ROWS));
            KeyHolder holder = new GeneratedKeyHolder();
            named.getJdbcOperations().batchUpdate(con -> con.prepareStatement(positional, new String[] {keyColumn}),
                    setter(batch), holder);
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

    /** Inserts a row per item, in batches (the rows of a batch are built only when it is sent). */
    public <T> void insert(Iterable<T> items, Function<T, MapSqlParameterSource> row) {
        Rows rows = rows();
        for (T item : items) {
            rows.add(row.apply(item));
        }
        rows.flush();
    }

    /**
     * Inserts a row per item, in batches, its values set by column name into {@link Values} (what {@link #insert}
     * does without a map per row: for a table of 60 000 rows and 20 columns, building and reading the maps cost
     * more than binding). Every declared column must be set once per row.
     */
    public <T> void insertEach(Iterable<T> items, BiConsumer<T, Values> row) {
        List<Object[]> pending = new ArrayList<>(BATCH_ROWS);
        for (T item : items) {
            Values values = new Values();
            row.accept(item, values);
            pending.add(values.checked());
            if (pending.size() == BATCH_ROWS) {
                named.getJdbcOperations().batchUpdate(positional, arraySetter(pending));
                pending.clear();
            }
        }
        if (!pending.isEmpty()) {
            named.getJdbcOperations().batchUpdate(positional, arraySetter(pending));
        }
    }

    /** The values of one row by column name, for {@link #insertEach}. */
    public final class Values {

        private final Object[] values = new Object[columns.length];
        private final boolean[] given = new boolean[columns.length];
        private int count;
        /** The column after the last one set: rows are usually written in the declared order. */
        private int next;

        private Values() {
        }

        /** Sets a column's value (null for SQL NULL). */
        public Values set(String column, Object value) {
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
                        + types.keySet());
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

    /** Binds rows of values in column order with their declared types, as {@link #setter} binds maps. */
    private BatchPreparedStatementSetter arraySetter(List<Object[]> rows) {
        return new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Object[] values = rows.get(i);
                for (int c = 0; c < columns.length; c++) {
                    StatementCreatorUtils.setParameterValue(ps, c + 1, sqlTypes[c], values[c]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        };
    }

    /** Collects rows and sends them a batch at a time; {@link Rows#flush()} sends the rest. */
    public Rows rows() {
        return new Rows();
    }

    /** Rows waiting to be sent. */
    public final class Rows {

        private final List<MapSqlParameterSource> pending = new ArrayList<>();

        private Rows() {
        }

        /** Adds a row; a full batch is sent at once. */
        public void add(MapSqlParameterSource row) {
            pending.add(row);
            if (pending.size() == BATCH_ROWS) {
                flush();
            }
        }

        /** Sends the rows not sent yet. */
        public void flush() {
            if (!pending.isEmpty()) {
                named.getJdbcOperations().batchUpdate(positional, setter(pending));
                pending.clear();
            }
        }
    }

    /**
     * Inserts one row given as its values in the declared columns' order and returns the key the database
     * generated in {@code keyColumn}.
     */
    public long insertValuesReturningKey(Object[] row, String keyColumn) {
        checkCount(row);
        KeyHolder key = new GeneratedKeyHolder();
        named.getJdbcOperations().update(con -> {
            PreparedStatement ps = con.prepareStatement(positional, new String[] {keyColumn});
            bind(ps, row);
            return ps;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    /**
     * Inserts rows given as values in the declared columns' order (no map per row, for the tables written per
     * file or in tens of thousands of rows), in batches, and returns the keys generated in {@code keyColumn} in
     * the order of the rows.
     */
    public List<Long> insertValuesReturningKeys(List<Object[]> rows, String keyColumn) {
        rows.forEach(this::checkCount);
        List<Long> keys = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += BATCH_ROWS) {
            List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + BATCH_ROWS));
            KeyHolder holder = new GeneratedKeyHolder();
            named.getJdbcOperations().batchUpdate(con -> con.prepareStatement(positional, new String[] {keyColumn}),
                    valuesSetter(batch), holder);
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

    /** Collects rows given as values in column order and sends them a batch at a time. */
    public ValueRows valueRows() {
        return new ValueRows();
    }

    /** Rows, as values in the declared columns' order, waiting to be sent. */
    public final class ValueRows {

        private final List<Object[]> pending = new ArrayList<>();

        private ValueRows() {
        }

        /** Adds a row (one value per declared column, in order); a full batch is sent at once. */
        public void add(Object... row) {
            checkCount(row);
            pending.add(row);
            if (pending.size() == BATCH_ROWS) {
                flush();
            }
        }

        /** Sends the rows not sent yet. */
        public void flush() {
            if (!pending.isEmpty()) {
                named.getJdbcOperations().batchUpdate(positional, valuesSetter(pending));
                pending.clear();
            }
        }
    }

    private void checkCount(Object[] row) {
        if (row.length != columns.length) {
            throw new IllegalArgumentException("Row for " + table + " gives " + row.length + " values, columns are "
                    + types.keySet());
        }
    }

    private BatchPreparedStatementSetter valuesSetter(List<Object[]> rows) {
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
     * the driver the same value), anything else through {@link StatementCreatorUtils}.
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

    /**
     * Binds each row's values in column order with their declared types, as Spring binds a typed named parameter
     * ({@link StatementCreatorUtils}). The rows of one call are built by the same code: checking the first one's
     * names catches a typo, before anything is sent.
     */
    private BatchPreparedStatementSetter setter(List<MapSqlParameterSource> rows) {
        typed(rows.get(0), true);
        return new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Map<String, Object> values = rows.get(i).getValues();
                for (int c = 0; c < columns.length; c++) {
                    Object value = values.get(columns[c]);
                    if (value == null && !values.containsKey(columns[c])) {
                        throw new IllegalArgumentException("No value for column " + columns[c]);
                    }
                    StatementCreatorUtils.setParameterValue(ps, c + 1, sqlTypes[c], value);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        };
    }

    private SqlParameterSource typed(MapSqlParameterSource row, boolean check) {
        if (check && !row.getValues().keySet().equals(types.keySet())) {
            Set<String> given = row.getValues().keySet();
            throw new IllegalArgumentException("Row for " + table + " gives " + given + ", columns are "
                    + types.keySet());
        }
        return new TypedRow(row.getValues(), types);
    }

    /** A row's values with the declared columns' types. */
    private record TypedRow(Map<String, Object> values, Map<String, Integer> types) implements SqlParameterSource {

        @Override
        public boolean hasValue(String paramName) {
            return values.containsKey(paramName);
        }

        @Override
        public Object getValue(String paramName) {
            if (!values.containsKey(paramName)) {
                throw new IllegalArgumentException("No value for column " + paramName);
            }
            return values.get(paramName);
        }

        @Override
        public int getSqlType(String paramName) {
            Integer type = types.get(paramName);
            return type == null ? TYPE_UNKNOWN : type;
        }

        @Override
        public String[] getParameterNames() {
            return values.keySet().toArray(String[]::new);
        }
    }
}
