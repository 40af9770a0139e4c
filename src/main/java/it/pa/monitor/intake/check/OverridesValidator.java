package it.pa.monitor.intake.check;

import it.pa.monitor.intake.inbox.FileOutcome;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.store.ProcessedFile;
import it.pa.monitor.plan.IndicatorResolver;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.scoring.OverrideDecision;
import it.pa.monitor.values.ActualKind;
import it.pa.monitor.values.ActualValue;
import it.pa.monitor.values.ActualValueParser;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.HeaderName;
import it.pa.monitor.values.Period;
import it.pa.monitor.values.UnitOfMeasure;
import it.pa.monitor.values.WeightParser;
import it.pa.monitor.workbook.WorkbookCells;
import it.pa.monitor.workbook.WorkbookFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/**
 * Reads and checks the OIV overrides workbook (sheet {@code Rettifiche}, FORMATS.md §3): each
 * row names a period and an indicator, a level or "Non valutabile", and its motivation.
 */
public final class OverridesValidator {

    private static final String SHEET = "Rettifiche";
    /**
     * An overrides file is read whole (POI's model holds many times its XML): one larger than this once expanded is
     * rejected unread. A real one has a few rows, a few kilobytes.
     */
    static final long MAX_EXPANDED_BYTES = 4L * 1024 * 1024;
    private static final List<String> COLUMNS = List.of("periodo", "codiceobiettivo", "codiceindicatore", "livello",
            "motivazione", "autore", "data");

    private final List<Plan> plans;
    private final Period period;
    private final ActualValueParser parser = new ActualValueParser();

    public OverridesValidator(List<Plan> plans, Period period) {
        this.plans = List.copyOf(plans);
        this.period = period;
    }

    public ProcessedFile validate(InboxFile file) {
        List<Problem> problems = new ArrayList<>();
        if (plans.isEmpty()) {
            problems.add(Problem.cellError(SHEET, null, null, "nessun piano caricato per l'anno "
                    + period.year() + ": caricare prima il piano"));
            return ProcessedFile.rejected(file, problems.get(0).message(), problems);
        }
        // One ente per run in practice; with several, the overrides go to the first plan of the year.
        Plan plan = plans.get(0);
        List<ProcessedFile.Override> overrides = new ArrayList<>();
        long expanded = WorkbookFiles.expandedSize(file.file());
        if (expanded > MAX_EXPANDED_BYTES) {
            problems.add(Problem.fileError(String.format(java.util.Locale.ITALY, "il file delle rettifiche è troppo"
                    + " grande (%,.1f MB una volta decompresso, al massimo %,d MB) e non è stato letto: lasciare solo"
                    + " il foglio «%s» con una riga per rettifica e inviarlo di nuovo", expanded / 1048576.0,
                    MAX_EXPANDED_BYTES / (1024 * 1024), SHEET)));
            return ProcessedFile.rejected(file, problems.get(0).message(), problems);
        }
        try (Workbook workbook = WorkbookFiles.open(file.file())) {
            Sheet sheet = workbook.getSheet(SHEET);
            if (sheet == null) {
                for (Sheet candidate : workbook) {
                    if (HeaderName.normalise(candidate.getSheetName()).equals("rettifiche")) {
                        sheet = candidate;
                    }
                }
            }
            Map<String, Integer> columns = new HashMap<>();
            WorkbookCells cells = new WorkbookCells(workbook);
            int headerRow = findHeader(sheet, cells, columns);
            if (headerRow < 0) {
                problems.add(Problem.cellError(SHEET, null, null, "mancano le colonne «Codice indicatore»,"
                        + " «Livello» e «Motivazione» nella riga di intestazione"));
            } else {
                IndicatorResolver resolver = IndicatorResolver.of(plan);
                // Rows repeating a code the plan repeats map to its rows in order, period by period.
                Map<String, IndicatorResolver.Sequence> sequences = new HashMap<>();
                for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    if (row != null) {
                        readRow(plan, resolver, sequences, cells, row, columns, overrides, problems);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(Problem.fileError(
                    "il file delle rettifiche non è leggibile (" + e.getClass().getSimpleName() + ")"));
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            return new ProcessedFile(file, FileOutcome.REJECTED, plan.ente(), plan.year(), null, SHEET, null,
                    List.of(), List.of(), problems, "errori nel file delle rettifiche");
        }
        return new ProcessedFile(file, FileOutcome.ACCEPTED, plan.ente(), plan.year(), null, SHEET, null, List.of(),
                overrides, problems, null);
    }

    private static int findHeader(Sheet sheet, WorkbookCells cells, Map<String, Integer> columns) {
        for (int r = 0; r <= Math.min(29, sheet.getLastRowNum()); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            columns.clear();
            for (Cell cell : row) {
                String key = HeaderName.normalise(cells.read(cell).text());
                if (COLUMNS.contains(key)) {
                    columns.putIfAbsent(key, cell.getColumnIndex());
                }
            }
            if (columns.containsKey("codiceindicatore") && columns.containsKey("livello")
                    && columns.containsKey("motivazione")) {
                return r;
            }
        }
        return -1;
    }

    private void readRow(Plan plan, IndicatorResolver resolver, Map<String, IndicatorResolver.Sequence> sequences,
                         WorkbookCells cells, Row row, Map<String, Integer> columns, List<ProcessedFile.Override> overrides,
                         List<Problem> problems) {
        // A formula saved without its value that could not be evaluated: never a 0, never a blank.
        for (Integer column : new java.util.TreeSet<>(columns.values())) {
            CellValue value = cellValue(cells, row, column);
            if (value.isUnevaluatedFormula()) {
                problems.add(Problem.cellError(SHEET, address(row, column), value.text(),
                        value.unevaluatedFormulaProblem()));
                return;
            }
        }
        String code = text(cells, row, columns.get("codiceindicatore"));
        String objective = text(cells, row, columns.get("codiceobiettivo"));
        String levelText = text(cells, row, columns.get("livello"));
        String motivation = text(cells, row, columns.get("motivazione"));
        if (code == null && levelText == null && motivation == null) {
            return;
        }
        String rowCell = address(row, columns.get("codiceindicatore"));
        String periodText = text(cells, row, columns.get("periodo"));
        Period rowPeriod = period;
        if (periodText != null) {
            try {
                rowPeriod = Period.parse(periodText);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.cellError(SHEET, address(row, columns.get("periodo")), periodText,
                        "periodo non valido: scrivere ad esempio " + period.code()));
                return;
            }
            if (rowPeriod.year() != plan.year()) {
                problems.add(Problem.cellError(SHEET, address(row, columns.get("periodo")), periodText,
                        "periodo di un altro anno: il piano caricato è del " + plan.year()));
                return;
            }
        }
        if (code == null) {
            problems.add(Problem.cellError(SHEET, rowCell, null, "manca il codice indicatore"));
            return;
        }
        IndicatorResolver.TypedCode typed = IndicatorResolver.TypedCode.parse(code);
        IndicatorResolver.Resolution resolution = typed.explicit()
                ? resolver.resolve(objective, typed.code(), typed.occurrence())
                : sequences.computeIfAbsent(rowPeriod.code(), p -> resolver.inOrderOfRepeatedCodes())
                .next(objective, typed.code());
        String problem = switch (resolution.status()) {
            case FOUND -> null;
            case UNKNOWN_CODE, NOT_UNDER_OBJECTIVE -> "indicatore «" + typed.code() + "»"
                    + (objective == null ? "" : " dell'obiettivo «" + objective + "»") + " non presente nel piano";
            case AMBIGUOUS -> "il codice «" + typed.code() + "» è usato da più obiettivi: indicare il Codice obiettivo";
            case NO_SUCH_OCCURRENCE -> typed.explicit()
                    ? "l'obiettivo «" + resolution.objectives().get(0) + "» ha " + resolution.occurrences()
                    + " righe con il codice «" + typed.code() + "»: «" + code + "» non esiste nel piano"
                    : "il codice «" + typed.code() + "» compare " + resolution.occurrences() + " volte sotto l'obiettivo «"
                    + resolution.objectives().get(0) + "» e le righe del file per il periodo " + rowPeriod.code()
                    + " sono di più: indicare la riga con «" + typed.code() + "#2», «" + typed.code() + "#3»…";
        };
        if (problem != null) {
            problems.add(Problem.cellError(SHEET, rowCell, code, problem));
            return;
        }
        if (motivation == null) {
            problems.add(Problem.cellError(SHEET, address(row, columns.get("motivazione")), null,
                    "la motivazione è obbligatoria per ogni rettifica"));
            return;
        }
        BigDecimal level = null;
        String levelCell = address(row, columns.get("livello"));
        if (levelText == null) {
            problems.add(Problem.cellError(SHEET, levelCell, null,
                    "indicare il livello (una percentuale) oppure «Non valutabile»"));
            return;
        }
        CellValue levelValue = cellValue(cells, row, columns.get("livello"));
        ActualValue parsed = parser.parse(levelValue, plan.year());
        if (parsed.kind() == ActualKind.NOT_COMPUTABLE) {
            level = null;
        } else if (parsed.kind() == ActualKind.NUMBER) {
            level = parsed.unit() == UnitOfMeasure.PERCENT ? parsed.number()
                    : WeightParser.parse(levelValue).orElse(parsed.number());
        } else {
            problems.add(Problem.cellError(SHEET, levelCell, levelText,
                    "livello non valido: scrivere una percentuale (es. 90 %) oppure «Non valutabile»"));
            return;
        }
        LocalDate decidedOn = null;
        String dateText = text(cells, row, columns.get("data"));
        if (dateText != null) {
            ActualValue date = parser.parse(cellValue(cells, row, columns.get("data")), plan.year());
            decidedOn = date.kind() == ActualKind.DATE ? date.date() : null;
        }
        IndicatorKey key = resolution.indicator().key();
        overrides.add(new ProcessedFile.Override(new OverrideDecision(key, level, motivation,
                text(cells, row, columns.get("autore"))), rowPeriod.code(), levelCell, decidedOn));
    }

    private static CellValue cellValue(WorkbookCells cells, Row row, Integer column) {
        return column == null ? CellValue.EMPTY : cells.read(row.getCell(column));
    }

    private static String text(WorkbookCells cells, Row row, Integer column) {
        CellValue value = cellValue(cells, row, column);
        if (value.isNumeric()) {
            return value.number().stripTrailingZeros().toPlainString();
        }
        if (value.date() != null) {
            return value.date().toString();
        }
        return value.text().isBlank() ? null : value.text().strip();
    }

    private static String address(Row row, Integer column) {
        return column == null ? null : new CellReference(row.getRowNum(), column).formatAsString(false);
    }
}
