package it.pa.monitor.report.sheets;

import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.Cells;
import it.pa.monitor.report.layout.PrintSetup;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.report.layout.TrafficLights;
import it.pa.monitor.report.layout.WrappedRows;
import it.pa.monitor.results.DataQuality;
import it.pa.monitor.results.FileIssues;
import it.pa.monitor.scoring.IndicatorResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.springframework.stereotype.Component;

/**
 * The "Qualità dati" sheet: rejected files and why, warnings on accepted files, units that have
 * not submitted, conflicting values, plan inconsistencies, OIV overrides applied and indicators
 * that could not be scored, one captioned section each ("Nessuno" when empty). Streams.
 */
@Component
public class QualitaDatiSheet extends ReportSheet {

    static final String NAME = "Qualità dati";
    static final String NONE = "Nessuno";
    private static final List<String> FILE_COLUMNS = List.of("File", "Foglio", "Cella", "Valore", "Problema");
    /**
     * The most rows of the rejected files' errors, and of the accepted files' warnings: a sheet holds 1 048 576
     * rows, and a period of thousands of files, each with up to 200 problems, could hold more.
     */
    static final int MAX_FILE_ISSUES = 200_000;

    private final int maxFileIssues;

    public QualitaDatiSheet() {
        this(MAX_FILE_ISSUES);
    }

    /** With at most {@code maxFileIssues} rows in each section of files' problems. */
    QualitaDatiSheet(int maxFileIssues) {
        super(NAME, Mode.STREAMED);
        this.maxFileIssues = maxFileIssues;
    }

    @Override
    void fill(Sheet sheet, ReportData data, ReportStyles styles) {
        Workbook workbook = sheet.getWorkbook();
        int[] widths = widths();
        DataQuality quality = data.quality();
        Map<IndicatorKey, String> names = new HashMap<>();
        for (Indicator indicator : data.plan().indicators()) {
            names.put(indicator.key(), indicator.name());
        }
        Sections out = new Sections(sheet, styles, dayStyle(workbook, styles), names, widths);
        Cells.text(sheet.createRow(0), 0, "Qualità dei dati – " + data.plan().ente() + " – periodo "
                + data.period().code(), styles.title());
        out.row = 2;

        out.fileSection("File scartati", quality.rejected(), maxFileIssues,
                "Ogni file scartato ha il suo rapporto di errore.");
        out.fileSection("Avvisi sui file accettati", quality.warnings(), maxFileIssues,
                "Gli avvisi dei file di ogni unità sono anche nel foglio Avvisi della sua cartella di esiti.");
        out.section("Unità che non hanno inviato la scheda", List.of("Unità"), quality.unitsMissing(),
                unit -> Cells.text(out.next(), 0, unit, styles.wrapped()));
        out.section("Valori in conflitto", List.of("Indicatore", "Valore vincente", "File", "Ricevuto il",
                "Valore scartato", "File", "Ricevuto il"), quality.conflicts(), out::conflict);
        out.section("Incongruenze del piano", List.of("File", "Foglio", "Riga/colonna", "Problema"),
                quality.planIssues(), out::planIssue);
        int overridesFrom = out.row + 2;
        out.section("Rettifiche OIV applicate", List.of("Indicatore", "Livello", "Motivazione", "Autore", "Data",
                "File"), quality.overrides(), out::override);
        if (!quality.overrides().isEmpty()) {
            // The section ends with a blank line after its last row.
            TrafficLights.apply(sheet, new CellRangeAddress(overridesFrom, out.row - 2, 1, 1), data.methodology());
        }
        out.section("Indicatori non calcolati", List.of("Indicatore", "Stato", "Motivo"), quality.notScored(),
                out::notScored);

        PrintSetup.apply(sheet, 1, widths);
    }

    /** Dates without a time (the day an OIV decision was taken). */
    private static CellStyle dayStyle(Workbook workbook, ReportStyles styles) {
        CellStyle style = workbook.createCellStyle();
        style.cloneStyleFrom(styles.date());
        style.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
        return style;
    }

    /** Writes the sections one below the other, rows strictly in order (the sheet streams). */
    private static final class Sections {

        private final Sheet sheet;
        private final ReportStyles styles;
        private final CellStyle day;
        private final Map<IndicatorKey, String> names;
        private final WrappedRows.Fitter fitter;
        private int row;
        private Row last;

        Sections(Sheet sheet, ReportStyles styles, CellStyle day, Map<IndicatorKey, String> names, int[] widths) {
            this.fitter = new WrappedRows.Fitter(widths);
            this.sheet = sheet;
            this.styles = styles;
            this.day = day;
            this.names = names;
        }

        /** A new row; the one before it is complete, so it gets its height now (it may stream out). */
        Row next() {
            fitLast();
            last = sheet.createRow(row++);
            return last;
        }

        void fitLast() {
            if (last != null) {
                fitter.fit(last);
                last = null;
            }
        }

        <T> void section(String caption, List<String> columns, List<T> items, Consumer<T> writer) {
            Cells.text(next(), 0, caption, styles.subtitle());
            Row header = next();
            Cells.header(header, columns, styles.header());
            if (items.isEmpty()) {
                Cells.text(next(), 0, NONE, styles.text());
            }
            items.forEach(writer);
            fitLast();
            row++;
        }

        /**
         * A section of files' problems, read as they are written: at most {@code max} rows, then one counting the
         * others and saying where they are listed.
         */
        void fileSection(String caption, FileIssues issues, int max, String elsewhere) {
            Cells.text(next(), 0, caption, styles.subtitle());
            Cells.header(next(), FILE_COLUMNS, styles.header());
            long[] count = {0};
            issues.forEach(issue -> {
                if (count[0]++ < max) {
                    fileIssue(issue);
                }
            });
            if (count[0] == 0) {
                Cells.text(next(), 0, NONE, styles.text());
            } else if (count[0] > max) {
                Cells.text(next(), 0, String.format(Locale.ITALY, "Sono elencati i primi %,d problemi su %,d. %s", max,
                        count[0], elsewhere), styles.text());
            }
            fitLast();
            row++;
        }

        void fileIssue(Problem issue) {
            Row r = next();
            Cells.text(r, 0, issue.file(), styles.wrapped());
            Cells.text(r, 1, issue.sheet(), styles.wrapped());
            Cells.text(r, 2, issue.position(), styles.text());
            Cells.text(r, 3, issue.raw(), styles.wrapped());
            Cells.text(r, 4, issue.message(), styles.wrapped());
        }

        void planIssue(Problem issue) {
            Row r = next();
            Cells.text(r, 0, issue.file(), styles.wrapped());
            Cells.text(r, 1, issue.sheet(), styles.wrapped());
            // The plan reader places a problem by row and column, or by one of them when it concerns a whole line.
            Cells.text(r, 2, issue.position(), styles.wrapped());
            Cells.text(r, 3, issue.message(), styles.wrapped());
        }

        void conflict(DataQuality.Conflict conflict) {
            Row r = next();
            Cells.text(r, 0, indicator(conflict.key()), styles.wrapped());
            Cells.text(r, 1, conflict.winnerValue(), styles.wrapped());
            Cells.text(r, 2, conflict.winnerFile(), styles.wrapped());
            Cells.dateTime(r, 3, conflict.winnerReceivedAt(), styles.date());
            Cells.text(r, 4, conflict.loserValue(), styles.wrapped());
            Cells.text(r, 5, conflict.loserFile(), styles.wrapped());
            Cells.dateTime(r, 6, conflict.loserReceivedAt(), styles.date());
        }

        void override(DataQuality.AppliedOverride override) {
            Row r = next();
            Cells.text(r, 0, indicator(override.key()), styles.wrapped());
            if (override.level() == null) {
                Cells.text(r, 1, "Non valutabile", styles.text());
            } else {
                Cells.percent(r, 1, override.level(), styles.percent());
            }
            Cells.text(r, 2, override.motivation(), styles.wrapped());
            Cells.text(r, 3, override.author(), styles.wrapped());
            day(r, 4, override.decidedOn());
            Cells.text(r, 5, override.fileName(), styles.wrapped());
        }

        void notScored(IndicatorResult result) {
            Row r = next();
            Cells.text(r, 0, indicator(result.key()), styles.wrapped());
            Cells.text(r, 1, result.status().label(), styles.text());
            List<String> reasons = new ArrayList<>();
            if (result.rule() != null && !result.rule().isBlank()) {
                reasons.add(result.rule());
            }
            if (result.note() != null && !result.note().isBlank()) {
                reasons.add(result.note());
            }
            Cells.text(r, 2, reasons.isEmpty() ? result.status().label() : String.join("; ", reasons),
                    styles.wrapped());
        }

        private void day(Row r, int column, LocalDate date) {
            Cell cell = r.createCell(column);
            if (date != null) {
                cell.setCellValue(date);
            }
            cell.setCellStyle(day);
        }

        private String indicator(IndicatorKey key) {
            if (key == null) {
                return null;
            }
            String name = names.get(key);
            return name == null || name.isBlank() ? key.reference() : key.reference() + " – " + name;
        }
    }

    /** Column widths in characters (a new array each time: arrays are mutable). */
    private static int[] widths() {
        return new int[] {36, 22, 30, 30, 50, 30, 17};
    }
}
