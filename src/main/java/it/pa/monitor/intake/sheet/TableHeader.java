package it.pa.monitor.intake.sheet;

import it.pa.monitor.intake.sheet.MonitoringColumn.Naming;
import it.pa.monitor.values.CellValue;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The table header of a monitoring sheet, found in its first rows.
 *
 * @param row       the header row, 0-based: the row naming most columns itself
 * @param firstRow  the first row of a two-row header (row - 1 when a name sits above), 0-based
 * @param lastRow   the last row of a two-row header (row + 1 when a name sits below), 0-based
 * @param columns   each column found and its 0-based index
 * @param addresses the address of the cell that named each column
 * @param direct    how many columns the header row names itself (the rest come from the row
 *                  above or below)
 */
public record TableHeader(int row, int firstRow, int lastRow, Map<MonitoringColumn, Integer> columns,
                   Map<MonitoringColumn, String> addresses, int direct) {

    /** How far down the header may be (titles and the header block sit above it). */
    static final int SEARCH_ROWS = 30;

    /**
     * Complete headers first (then, for the message, the one with the indicator code), then the
     * most columns, the most named by the row itself, the topmost.
     */
    private static final Comparator<TableHeader> BEST = Comparator
            .comparing(TableHeader::complete)
            .thenComparing(h -> h.columns().containsKey(MonitoringColumn.INDICATOR_CODE))
            .thenComparingInt(h -> h.columns().size())
            .thenComparingInt(TableHeader::direct)
            .thenComparing(Comparator.comparingInt(TableHeader::row).reversed());

    boolean complete() {
        return missing().isEmpty();
    }

    /** The required columns the header lacks, in FORMATS.md order. */
    List<MonitoringColumn> missing() {
        return Arrays.stream(MonitoringColumn.values())
                .filter(MonitoringColumn::required).filter(c -> !columns.containsKey(c)).toList();
    }

    /**
     * The best header among the rows (sorted by index; rows up to {@link #SEARCH_ROWS} + 1 so the
     * last candidate has its row below): a complete one when there is one, otherwise the most
     * complete, for the message; empty when no row names any column.
     */
    static Optional<TableHeader> locate(List<RawRow> rows, HeaderNamings namings) {
        Map<Integer, RawRow> byIndex = new TreeMap<>();
        rows.forEach(r -> byIndex.put(r.index(), r));
        Cells cells = new Cells(namings);
        return rows.stream()
                .filter(r -> r.index() < SEARCH_ROWS)
                .map(r -> candidate(r, byIndex.get(r.index() - 1), byIndex.get(r.index() + 1), cells))
                .flatMap(Optional::stream)
                .max(BEST);
    }

    /**
     * What each cell text of the searched rows names (worked out once per run, {@link HeaderNamings}) and whether
     * it is a sub-label (once per sheet): every row is looked at as a header and as the neighbour of the rows
     * above and below it, and data rows repeat texts (an objective's code, a unit of measure).
     */
    private static final class Cells {
        private final HeaderNamings namings;
        private final Map<CellValue, Boolean> subLabels = new HashMap<>();

        Cells(HeaderNamings namings) {
            this.namings = namings;
        }

        /** As {@link TableHeader#naming}: only text names a column, numbers, dates and blanks are not looked up. */
        Optional<Naming> naming(CellValue value) {
            if (value.isBlank() || value.isNumeric() || value.date() != null) {
                return Optional.empty();
            }
            return namings.naming(value.text());
        }

        /** Whether any of the row's own cells names a column (else the row cannot be the header). */
        boolean namesAny(RawRow row) {
            for (CellValue value : row.cells().values()) {
                if (naming(value).isPresent()) {
                    return true;
                }
            }
            return false;
        }

        boolean isSubLabel(CellValue value) {
            return subLabels.computeIfAbsent(value, SubLabels::isSubLabel);
        }
    }

    private static Optional<TableHeader> candidate(RawRow row, RawRow above, RawRow below, Cells cells) {
        // A row naming nothing itself (a blank row, a title, a data row) is never the header, only its
        // neighbour: known from its own cells, before its neighbours are looked at.
        if (!cells.namesAny(row)) {
            return Optional.empty();
        }
        // Column by column: the header row's own name, else (blank or a year/sub-label there) the
        // name above (a "Target" merged over "2022 2023 2024") or below (a title merged downwards).
        TreeSet<Integer> indexes = new TreeSet<>(row.cells().keySet());
        if (above != null) {
            indexes.addAll(above.cells().keySet());
        }
        if (below != null) {
            indexes.addAll(below.cells().keySet());
        }
        Map<Integer, Found> found = new TreeMap<>();
        for (int column : indexes) {
            CellValue own = row.at(column);
            Optional<Naming> naming = cells.naming(own);
            if (naming.isPresent()) {
                found.put(column, new Found(naming.get(), row.index(), true));
            } else if (own.isBlank() || cells.isSubLabel(own)) {
                neighbour(above, column, cells).or(() -> neighbour(below, column, cells))
                        .ifPresent(f -> found.put(column, f));
            }
        }
        Map<MonitoringColumn, Integer> columns = new EnumMap<>(MonitoringColumn.class);
        Map<MonitoringColumn, String> addresses = new EnumMap<>(MonitoringColumn.class);
        Map<MonitoringColumn, Found> sources = new EnumMap<>(MonitoringColumn.class);
        // Explicit names first, so an ambiguous "Indicatore" knows whether a code column exists.
        found.forEach((column, f) -> {
            if (!f.naming().isGeneric()) {
                assign(f.naming().preferred(), column, f, columns, addresses, sources);
            }
        });
        found.forEach((column, f) -> {
            if (f.naming().isGeneric()) {
                MonitoringColumn target = !columns.containsKey(f.naming().preferred())
                        ? f.naming().preferred() : f.naming().fallback();
                assign(target, column, f, columns, addresses, sources);
            }
        });
        int first = sources.values().stream().mapToInt(Found::row).min().orElse(row.index());
        int last = sources.values().stream().mapToInt(Found::row).max().orElse(row.index());
        int direct = (int) sources.values().stream().filter(Found::direct).count();
        return Optional.of(new TableHeader(row.index(), first, last, columns, addresses, direct));
    }

    private static void assign(MonitoringColumn target, int column, Found f, Map<MonitoringColumn, Integer> columns,
                               Map<MonitoringColumn, String> addresses, Map<MonitoringColumn, Found> sources) {
        // The leftmost header naming a column wins; later ones are extra columns, ignored.
        if (!columns.containsKey(target)) {
            columns.put(target, column);
            addresses.put(target, SheetCell.address(f.row() + 1, column));
            sources.put(target, f);
        }
    }

    private static Optional<Found> neighbour(RawRow row, int column, Cells cells) {
        if (row == null) {
            return Optional.empty();
        }
        return cells.naming(row.at(column)).map(n -> new Found(n, row.index(), false));
    }

    private static Optional<Naming> naming(CellValue value) {
        // Only text names a column: a number or a date in a header row is a sub-label.
        if (value.isBlank() || value.isNumeric() || value.date() != null) {
            return Optional.empty();
        }
        return MonitoringColumn.naming(value.text());
    }

    /**
     * When the header has a "Target" but no "Operatore" column and the row under the header holds
     * a bare operator in the Target column while the next column has no header at all (seed 002:
     * "Target 2024" merged over "&gt;=" and the value), the operator is in the Target column and
     * the value in the next one.
     *
     * @param rows the rows read so far, by index (the header rows and the one under them)
     */
    TableHeader splitOperator(Map<Integer, RawRow> rows) {
        Integer target = columns.get(MonitoringColumn.TARGET);
        RawRow under = rows.get(lastRow + 1);
        if (target == null || columns.containsKey(MonitoringColumn.OPERATOR) || under == null
                || !SubLabels.isOperator(under.at(target))) {
            return this;
        }
        for (int r = firstRow; r <= lastRow; r++) {
            RawRow headerRow = rows.get(r);
            if (headerRow != null && !headerRow.at(target + 1).isBlank()) {
                return this;
            }
        }
        Map<MonitoringColumn, Integer> split = new EnumMap<>(columns);
        Map<MonitoringColumn, String> splitAddresses = new EnumMap<>(addresses);
        split.put(MonitoringColumn.OPERATOR, target);
        split.put(MonitoringColumn.TARGET, target + 1);
        splitAddresses.put(MonitoringColumn.OPERATOR, addresses.get(MonitoringColumn.TARGET));
        return new TableHeader(row, firstRow, lastRow, split, splitAddresses, direct);
    }

    /**
     * True when the row directly under the header only qualifies it (years, "N+1", operators,
     * dates, or more header names) and has no indicator code: it is part of the header, not data.
     */
    boolean isSubHeader(RawRow under) {
        if (under == null || under.isBlank()) {
            return false;
        }
        Integer code = columns.get(MonitoringColumn.INDICATOR_CODE);
        if (code != null && !under.at(code).isBlank() && naming(under.at(code)).isEmpty()
                && !SubLabels.isSubLabel(under.at(code))) {
            return false;
        }
        return under.cells().values().stream().allMatch(v -> SubLabels.isSubLabel(v) || naming(v).isPresent());
    }

    /** Where a column's name was found. */
    private record Found(Naming naming, int row, boolean direct) {
    }
}
