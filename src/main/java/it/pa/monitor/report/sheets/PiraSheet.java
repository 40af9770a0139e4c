package it.pa.monitor.report.sheets;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.CodedLabel;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.PiraLink;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.CardText;
import it.pa.monitor.report.layout.Cells;
import it.pa.monitor.report.layout.PrintSetup;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.report.layout.TrafficLights;
import it.pa.monitor.report.layout.WrappedRows;
import it.pa.monitor.results.ReportedValue;
import it.pa.monitor.scoring.IndicatorResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.springframework.stereotype.Component;

/**
 * "PIRA": the Piano degli indicatori e dei risultati attesi di bilancio, missione by missione and
 * programma by programma (in code order, as the D.M. classification lists them), each objective
 * with its indicators, their targets for three years and the performance reached.
 */
@Component
public class PiraSheet extends ReportSheet {

    static final String[] HEADERS = {"Indicatori", "Tipologia", "UdM", "Consuntivo", "Target N", "Target N+1",
            "Target N+2", "Performance", "Peso indicatori"};
    private static final int[] WIDTHS = {52, 14, 7, 14, 13, 13, 13, 13, 11};
    private static final int LAST_COLUMN = WIDTHS.length - 1;
    private static final int RESULT_COLUMN = 7;

    public PiraSheet() {
        super("PIRA", Mode.IN_MEMORY);
    }

    @Override
    boolean appliesTo(ReportData data) {
        return !data.plan().pira().isEmpty();
    }

    @Override
    void fill(Sheet sheet, ReportData data, ReportStyles styles) {
        Workbook workbook = sheet.getWorkbook();
        Plan plan = data.plan();
        PrintSetup.apply(sheet, 1, WIDTHS);
        CardText.KeepTogether pages = new CardText.KeepTogether(sheet, WIDTHS.length);
        Cells.text(Cells.row(sheet, 0), 0, CardText.sheetTitle("PIRA – Piano degli indicatori e dei risultati "
                + "attesi di bilancio", data), styles.title());
        CellStyle euro = workbook.createCellStyle();
        euro.cloneStyleFrom(styles.number());
        euro.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00 \"€\""));
        euro.setAlignment(HorizontalAlignment.LEFT);
        ObjectiveCards.CellNotes notes = new ObjectiveCards.CellNotes(sheet);
        int next = 2;
        for (Map.Entry<String, Map<String, Map<String, List<PiraLink>>>> missione : grouped(plan.pira()).entrySet()) {
            // A block runs from the captions above an objective to its last indicator: captions never end a page.
            int blockStart = next;
            PiraLink anyOfMissione = first(first(missione.getValue())).get(0);
            next = caption(sheet, next, "MISSIONE - " + CardText.coded(anyOfMissione.missione()),
                    styles.subtitle());
            for (Map<String, List<PiraLink>> programma : missione.getValue().values()) {
                PiraLink anyOfProgramma = first(programma).get(0);
                next = caption(sheet, next, "PROGRAMMA - " + CardText.coded(anyOfProgramma.programma()),
                        styles.subtitle());
                for (List<PiraLink> links : programma.values()) {
                    next = objective(sheet, next, links, data, styles, euro, notes);
                    pages.block(blockStart, next - 1);
                    next++;
                    blockStart = next;
                }
                blockStart = next;
            }
        }
    }

    private static int objective(Sheet sheet, int next, List<PiraLink> links, ReportData data, ReportStyles styles,
                                 CellStyle euro, ObjectiveCards.CellNotes notes) {
        Plan plan = data.plan();
        String code = links.get(0).objectiveCode();
        Optional<StrategicObjective> os = plan.index().strategicObjective(code);
        String title = os.map(o -> CardText.titled(o.code(), o.description(), o.weight(), " - "))
                .or(() -> plan.index().operationalObjective(code)
                        .map(o -> CardText.titled(o.code(), o.description(), o.weight(), " - ")))
                .orElse(code);
        next = caption(sheet, next, title, styles.bold());
        int year = plan.year();
        if (os.isPresent()) {
            next = resources(sheet, next, "Risorse " + year + " - Preventivo", os.get().plannedResources(), euro,
                    styles);
            next = resources(sheet, next, "Risorse " + year + " - Consuntivo", os.get().usedResources(), euro,
                    styles);
        }
        Cells.headerRow(sheet, next++, List.of(HEADERS), styles.header(), WIDTHS);
        int first = next;
        for (PiraLink link : links) {
            Row row = Cells.row(sheet, next++);
            Optional<Indicator> indicator = plan.index().indicator(link.indicator());
            IndicatorResult result = data.indicator(link.indicator()).orElse(null);
            ReportedValue value = data.values().get(link.indicator());
            Cells.text(row, 0, indicator.map(i -> CardText.joined(i.code(), i.name(), " - "))
                    .orElse("Indicatore non presente nel piano: " + link.indicator().reference()), styles.wrapped());
            Cells.text(row, 1, indicator.map(Indicator::typology).orElse(null), styles.wrapped());
            Cells.text(row, 2, indicator.map(i -> i.unit() == null ? null : i.unit().label()).orElse(null),
                    styles.wrapped());
            Cells.text(row, 3, value == null ? null : value.raw(), styles.wrapped());
            Cell target = Cells.text(row, 4, indicator.map(i -> i.target().raw()).orElse(null), styles.wrapped());
            indicator.ifPresent(i -> notes.add(target, ObjectiveCards.proRated(i, result)));
            Cells.text(row, 5, indicator.map(Indicator::targetNext).orElse(null), styles.wrapped());
            Cells.text(row, 6, indicator.map(Indicator::targetAfterNext).orElse(null), styles.wrapped());
            Cell performance = Cells.percent(row, RESULT_COLUMN, result == null ? null : result.achievement(),
                    styles.percent());
            notes.add(performance, ObjectiveCards.statusNote(result));
            Cells.percent(row, 8, indicator.map(Indicator::weight).orElse(null), styles.percent());
            WrappedRows.fitCells(row, WIDTHS);
        }
        TrafficLights.apply(sheet, new CellRangeAddress(first, next - 1, RESULT_COLUMN, RESULT_COLUMN),
                data.methodology());
        return next;
    }

    /** A caption across the table, its height grown for long objective descriptions. */
    private static int caption(Sheet sheet, int next, String text, CellStyle style) {
        Row row = Cells.row(sheet, next);
        Cells.text(row, 0, text, style);
        for (int c = 1; c <= LAST_COLUMN; c++) {
            Cells.text(row, c, null, style);
        }
        sheet.addMergedRegionUnsafe(new CellRangeAddress(next, next, 0, LAST_COLUMN));
        int width = 0;
        for (int w : WIDTHS) {
            width += w;
        }
        WrappedRows.fit(row, WrappedRows.lines(text, width, true));
        return next + 1;
    }

    /** "Risorse 2022 - Preventivo  2.384.477,10 €", only when the plan gives the amount. */
    private static int resources(Sheet sheet, int next, String label, BigDecimal amount, CellStyle euro,
                                 ReportStyles styles) {
        if (amount == null) {
            return next;
        }
        Row row = Cells.row(sheet, next);
        Cells.text(row, 0, label, styles.label());
        Cells.number(row, 1, amount, euro);
        for (int c = 2; c <= 3; c++) {
            Cells.text(row, c, null, euro);
        }
        sheet.addMergedRegionUnsafe(new CellRangeAddress(next, next, 1, 3));
        return next + 1;
    }

    /**
     * Missione → programma → objective → its PIRA lines. Missioni and programmi in code order (a
     * label without a code after the coded ones), objectives and indicators as the Pira sheet lists them.
     */
    static Map<String, Map<String, Map<String, List<PiraLink>>>> grouped(List<PiraLink> links) {
        Comparator<PiraLink> byMissione = Comparator.comparing(l -> sortKey(l.missione()));
        List<PiraLink> sorted = new ArrayList<>(links);
        sorted.sort(byMissione.thenComparing(l -> sortKey(l.programma()))); // stable: the Pira sheet's order survives within a programma
        Map<String, Map<String, Map<String, List<PiraLink>>>> grouped = new LinkedHashMap<>();
        for (PiraLink link : sorted) {
            grouped.computeIfAbsent(sortKey(link.missione()), k -> new LinkedHashMap<>())
                    .computeIfAbsent(sortKey(link.programma()), k -> new LinkedHashMap<>())
                    .computeIfAbsent(link.objectiveCode(), k -> new ArrayList<>()).add(link);
        }
        return grouped;
    }

    private static <T> T first(Map<String, T> map) {
        return map.values().iterator().next();
    }

    /** Groups and sorts: codes as numbers ("11" and "011" alike), uncoded labels after them, alphabetically. */
    private static String sortKey(CodedLabel label) {
        if (label == null) {
            return "~~";
        }
        if (label.code() != null) {
            return String.format("%05d", Integer.parseInt(label.code()));
        }
        return "~" + label.label();
    }
}
