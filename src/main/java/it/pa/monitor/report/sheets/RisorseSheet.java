package it.pa.monitor.report.sheets;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.CardText;
import it.pa.monitor.report.layout.Cells;
import it.pa.monitor.report.layout.PrintSetup;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.report.layout.TrafficLights;
import it.pa.monitor.report.layout.WrappedRows;
import it.pa.monitor.scoring.ItemResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.springframework.stereotype.Component;

/**
 * "Risorse" (FORMATS.md §5, 6a): the strategic objectives against the resources they used, as the
 * reports' table "obiettivi strategici e risorse promozionali": each OS's share of the year's total,
 * the number of its OO/PO and their mean result, a bold subtotal per ambito and a total row.
 * Written only when some OS of the plan has {@code Risorse utilizzate}.
 */
@Component
public class RisorseSheet extends ReportSheet {

    static final String NAME = "Risorse";
    private static final int[] WIDTHS = {44, 14, 16, 20, 18, 10, 16};
    private static final int HEADER_ROW = 2;
    private static final int OS_RESULT = 2;
    private static final int AMOUNT = 3;
    private static final int SHARE = 4;
    private static final int COUNT = 5;
    private static final int OO_RESULT = 6;

    public RisorseSheet() {
        super(NAME, Mode.IN_MEMORY);
    }

    /** What one line of the table holds. */
    record Line(BigDecimal osResult, BigDecimal amount, BigDecimal share, int operational,
                BigDecimal operationalResult) {
    }

    @Override
    boolean appliesTo(ReportData data) {
        return data.plan().strategicObjectives().stream().anyMatch(os -> os.usedResources() != null);
    }

    @Override
    void fill(Sheet sheet, ReportData data, ReportStyles styles) {
        Workbook workbook = sheet.getWorkbook();
        Plan plan = data.plan();
        int year = plan.year();
        Cells.text(Cells.row(sheet, 0), 0, CardText.sheetTitle("Obiettivi strategici e risorse promozionali", data),
                styles.title());
        Cells.headerRow(sheet, HEADER_ROW, List.of("Ambito strategico", "Codice OS", "% Performance OS",
                "Risorse utilizzate " + year, "Livello assorbimento risorse", "N. OO-PO", "Performance OO-PO"),
                styles.header(), WIDTHS);
        CellStyle euro = euro(workbook, styles.number());
        CellStyle boldEuro = euro(workbook, styles.boldPercent());
        CellStyle count = integer(workbook, styles.number());
        CellStyle boldCount = integer(workbook, styles.boldPercent());

        BigDecimal total = total(plan.strategicObjectives());
        int next = HEADER_ROW + 1;
        for (Ambito ambito : plan.ambiti()) {
            List<StrategicObjective> objectives = plan.strategicObjectives().stream()
                    .filter(os -> os.ambitoCode().equals(ambito.code())).toList();
            if (objectives.isEmpty()) {
                continue;
            }
            int first = next;
            for (StrategicObjective os : objectives) {
                Row row = Cells.row(sheet, next++);
                Line line = line(data, List.of(os), total, result(data, Level.OBIETTIVO_STRATEGICO, os.code()));
                Cells.text(row, 0, CardText.joined(ambito.code(), ambito.description(), " – "), styles.wrapped());
                Cells.text(row, 1, os.code(), styles.text());
                write(row, line, styles.percent(), euro, count);
            }
            // The ambito's name once, over its objectives.
            if (next - 1 > first) {
                sheet.addMergedRegion(new CellRangeAddress(first, next - 1, 0, 0));
            }
            int span = next - first;
            int perRow = (WrappedRows.lines(CardText.joined(ambito.code(), ambito.description(), " – "), WIDTHS[0])
                    + span - 1) / span;
            for (int r = first; r < next; r++) {
                WrappedRows.fit(sheet.getRow(r), perRow);
            }
            Row subtotal = Cells.row(sheet, next++);
            Cells.text(subtotal, 0, "Totale " + ambito.code(), styles.bold());
            Cells.text(subtotal, 1, null, styles.bold());
            write(subtotal, line(data, objectives, total, result(data, Level.AMBITO, ambito.code())),
                    styles.boldPercent(), boldEuro, boldCount);
        }
        Row totals = Cells.row(sheet, next++);
        Cells.text(totals, 0, "TOTALE " + year, styles.bold());
        Cells.text(totals, 1, null, styles.bold());
        write(totals, line(data, plan.strategicObjectives(), total, data.ente().map(ItemResult::achievement)
                .orElse(null)), styles.boldPercent(), boldEuro, boldCount);
        int last = totals.getRowNum();
        TrafficLights.apply(sheet, new CellRangeAddress(HEADER_ROW + 1, last, OS_RESULT, OS_RESULT), data.methodology());
        TrafficLights.apply(sheet, new CellRangeAddress(HEADER_ROW + 1, last, OO_RESULT, OO_RESULT), data.methodology());
        Cells.text(Cells.row(sheet, next + 1), 0, "Livello assorbimento risorse: quota delle risorse utilizzate "
                + "dall'obiettivo sul totale dell'anno. Performance OO-PO: media semplice dei risultati degli "
                + "obiettivi/progetti operativi dell'obiettivo strategico. Nei totali di ambito, % Performance OS è il "
                + "risultato dell'ambito; nel totale dell'anno, quello dell'ente.", styles.wrapped());
        sheet.addMergedRegion(new CellRangeAddress(next + 1, next + 1, 0, WIDTHS.length - 1));
        WrappedRows.fit(sheet.getRow(next + 1), WrappedRows.lines(sheet.getRow(next + 1).getCell(0)
                .getStringCellValue(), java.util.Arrays.stream(WIDTHS).sum()));
        for (int c = 1; c < WIDTHS.length; c++) {
            Cells.text(sheet.getRow(next + 1), c, null, styles.wrapped());
        }
        PrintSetup.apply(sheet, HEADER_ROW + 1, WIDTHS);
    }

    /**
     * The figures of a line over {@code objectives}: their resources, share of {@code total}, the
     * number of their operational objectives and the simple mean of those that have a result.
     */
    static Line line(ReportData data, List<StrategicObjective> objectives, BigDecimal total, BigDecimal result) {
        List<StrategicObjective> used = objectives.stream().filter(os -> os.usedResources() != null).toList();
        BigDecimal amount = used.isEmpty() ? null
                : used.stream().map(StrategicObjective::usedResources).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal share = amount == null || total.signum() == 0 ? null
                : amount.multiply(BigDecimal.valueOf(100)).divide(total, MathContext.DECIMAL64);
        List<String> codes = objectives.stream().map(StrategicObjective::code).toList();
        List<OperationalObjective> operational = data.plan().operationalObjectives().stream()
                .filter(oo -> codes.contains(oo.strategicObjectiveCode())).toList();
        List<BigDecimal> results = operational.stream()
                .map(oo -> result(data, Level.OBIETTIVO_OPERATIVO, oo.code())).filter(Objects::nonNull).toList();
        BigDecimal mean = results.isEmpty() ? null : results.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(results.size()), MathContext.DECIMAL64);
        return new Line(result, amount, share, operational.size(), mean);
    }

    private static BigDecimal total(List<StrategicObjective> objectives) {
        return objectives.stream().map(StrategicObjective::usedResources).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void write(Row row, Line line, CellStyle percent, CellStyle euro, CellStyle count) {
        Cells.percent(row, OS_RESULT, line.osResult(), percent);
        Cells.number(row, AMOUNT, line.amount(), euro);
        Cells.percent(row, SHARE, line.share(), percent);
        Cells.number(row, COUNT, BigDecimal.valueOf(line.operational()), count);
        Cells.percent(row, OO_RESULT, line.operationalResult(), percent);
    }

    private static BigDecimal result(ReportData data, Level level, String code) {
        return data.item(level, code).map(ItemResult::achievement).orElse(null);
    }

    private static CellStyle euro(Workbook workbook, CellStyle base) {
        CellStyle style = workbook.createCellStyle();
        style.cloneStyleFrom(base);
        style.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00 \"€\""));
        return style;
    }

    private static CellStyle integer(Workbook workbook, CellStyle base) {
        CellStyle style = workbook.createCellStyle();
        style.cloneStyleFrom(base);
        style.setDataFormat(workbook.createDataFormat().getFormat("0"));
        return style;
    }
}
