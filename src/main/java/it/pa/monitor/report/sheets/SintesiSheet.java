package it.pa.monitor.report.sheets;

import it.pa.monitor.plan.Band;
import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.report.data.BandCounts;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.data.UnitTree;
import it.pa.monitor.report.layout.CardText;
import it.pa.monitor.report.layout.Cells;
import it.pa.monitor.report.layout.PrintSetup;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.report.layout.TrafficLights;
import it.pa.monitor.report.layout.WrappedRows;
import it.pa.monitor.results.PeriodResults;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.values.ItalianFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickMark;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDLblPos;
import org.springframework.stereotype.Component;

/**
 * The {@code Sintesi} sheet: the summary tables of the Relazione (ente, ambiti, units, strategic
 * objectives, operational objectives by band) and two native bar charts drawn from those cells.
 */
@Component
public class SintesiSheet extends ReportSheet {

    static final String NAME = "Sintesi";

    static final String ENTE = "PERFORMANCE DI ENTE";
    static final String AMBITI = "PERFORMANCE DEGLI AMBITI STRATEGICI";
    static final String UNITS = "PERFORMANCE DELLE UNITÀ ORGANIZZATIVE";
    static final String STRATEGIC = "PERFORMANCE OBIETTIVI STRATEGICI";
    static final String BANDS = "OBIETTIVI OPERATIVI PER FASCIA DI RISULTATO";
    static final String EXTERNAL = "Aziende speciali e fondazioni";
    static final String NOT_AVAILABLE = "n.d.";

    /** Title and period line: frozen, the period line repeated on every printed page. */
    private static final int TITLE_ROWS = 2;

    // One grid for every block: A code, B description, C ambito/peso/responsabile, D result, E-F.
    private static final int[] WIDTHS = {14, 58, 26, 13, 22, 22};
    private static final int NAME_WIDTH = WIDTHS[0] + WIDTHS[1];
    private static final int RESULT = 3;
    private static final int STRATEGIC_RESULT = 4;
    private static final int LAST_COLUMN = WIDTHS.length - 1;
    /** Rows of the default height that fit on an A4 landscape page below the repeated period line. */
    private static final int PAGE_ROWS = 32;

    public SintesiSheet() {
        super(NAME, Mode.IN_MEMORY);
    }

    @Override
    void fill(Sheet sheet, ReportData data, ReportStyles styles) {
        Workbook workbook = sheet.getWorkbook();
        Writer writer = new Writer(sheet, data, styles, new LocalStyles(workbook, styles));
        writer.write();
        PrintSetup.apply(sheet, TITLE_ROWS, widths(writer.periods.size()));
        if (sheet instanceof XSSFSheet xssf) {
            writer.charts(xssf);
        }
    }

    /** The grid's widths with one result column per period shown (the first keeps the usual width). */
    private static int[] widths(int periods) {
        int[] widths = new int[WIDTHS.length + periods - 1];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = c <= RESULT ? WIDTHS[c] : c < RESULT + periods ? WIDTHS[RESULT] : WIDTHS[c - periods + 1];
        }
        return widths;
    }

    /**
     * The periods of the year to show side by side, oldest first and this one last: one per
     * reference date (2022-S2 and 2022 both end on 31/12: the report's own period wins).
     */
    public static List<PeriodResults> periodsOfTheYear(ReportData data) {
        Map<java.time.LocalDate, PeriodResults> byDate = new java.util.TreeMap<>();
        for (PeriodResults p : data.history()) {
            if (!p.period().referenceDate().isAfter(data.period().referenceDate())) {
                byDate.merge(p.period().referenceDate(), p, (a, b) -> b.period().equals(data.period()) ? b : a);
            }
        }
        byDate.put(data.period().referenceDate(), data.current());
        return List.copyOf(byDate.values());
    }

    /** "al 30/06/2022": the header of a period's result column. */
    static String periodHeader(PeriodResults period) {
        return "al " + ItalianFormat.date(period.period().referenceDate());
    }

    /** The band label of a result in points, or "n.d." when there is none. */
    static String valutazione(Methodology methodology, BigDecimal points) {
        Band band = methodology.band(points);
        return band == null ? NOT_AVAILABLE : band.label();
    }

    /** Cell styles this sheet adds to the shared ones (indented names, counts, a note). */
    private static final class LocalStyles {
        final CellStyle note;
        final CellStyle integer;
        final CellStyle boldInteger;
        final Map<Integer, CellStyle> indented = new HashMap<>();
        private final Workbook workbook;
        private final ReportStyles styles;

        LocalStyles(Workbook workbook, ReportStyles styles) {
            this.workbook = workbook;
            this.styles = styles;
            note = workbook.createCellStyle();
            Font italic = workbook.createFont();
            italic.setFontName("Calibri");
            italic.setFontHeightInPoints((short) 10);
            italic.setItalic(true);
            note.setFont(italic);
            short count = workbook.createDataFormat().getFormat("0");
            integer = workbook.createCellStyle();
            integer.cloneStyleFrom(styles.number());
            integer.setDataFormat(count);
            boldInteger = workbook.createCellStyle();
            boldInteger.cloneStyleFrom(styles.boldPercent());
            boldInteger.setDataFormat(count);
        }

        /** A wrapped unit name indented by its depth below its area. */
        CellStyle name(int depth) {
            if (depth == 0) {
                return styles.wrapped();
            }
            return indented.computeIfAbsent(Math.min(depth, 3), d -> {
                CellStyle style = workbook.createCellStyle();
                style.cloneStyleFrom(styles.wrapped());
                style.setAlignment(HorizontalAlignment.LEFT); // an indent shows only on left-aligned text
                style.setIndention((short) (2 * d));
                return style;
            });
        }
    }

    /** Writes the blocks top to bottom, remembering where the charts' data are. */
    private static final class Writer {
        private final Sheet sheet;
        private final ReportData data;
        private final ReportStyles styles;
        private final LocalStyles local;
        private final Methodology methodology;
        private int next;
        private final List<Integer> ambitoRows = new ArrayList<>();
        private final List<Integer> unitRows = new ArrayList<>();
        private final Set<Integer> areaRows = new HashSet<>();
        /** The periods shown in the ente, ambiti and units tables; just this one when no earlier period was run. */
        final List<PeriodResults> periods;
        private final List<Map<String, BigDecimal>> periodResults = new ArrayList<>();
        /** The column of this period's result, the last of the result columns. */
        private final int current;

        Writer(Sheet sheet, ReportData data, ReportStyles styles, LocalStyles local) {
            this.sheet = sheet;
            this.data = data;
            this.styles = styles;
            this.local = local;
            this.methodology = data.methodology();
            this.periods = periodsOfTheYear(data);
            for (PeriodResults p : periods) {
                Map<String, BigDecimal> results = new HashMap<>();
                p.items().forEach(i -> results.put(i.level() + "\u0000" + i.code(), i.achievement()));
                periodResults.add(results);
            }
            this.current = RESULT + periods.size() - 1;
        }

        /** Result headers: "Risultato", or one "al 30/06/2022" per period. */
        private void resultHeaders(Row header) {
            if (periods.size() == 1) {
                Cells.text(header, RESULT, "Risultato", styles.header());
            } else {
                for (int i = 0; i < periods.size(); i++) {
                    Cells.text(header, RESULT + i, periodHeader(periods.get(i)), styles.header());
                }
            }
            Cells.text(header, current + 1, "Valutazione", styles.header());
        }

        /** The item's result at every period shown; the band of this period's. */
        private void results(Row row, Level level, String code, CellStyle percent, CellStyle text) {
            for (int i = 0; i < periods.size(); i++) {
                Cells.percent(row, RESULT + i, periodResults.get(i).get(level + "\u0000" + code), percent);
            }
            Cells.text(row, current + 1, valutazione(methodology, periodResults.get(periods.size() - 1)
                    .get(level + "\u0000" + code)), text);
        }

        void write() {
            Plan plan = data.plan();
            Cells.text(Cells.row(sheet, 0), 0, "Relazione sulla performance " + plan.year() + " – " + plan.ente(),
                    styles.title());
            Cells.text(Cells.row(sheet, 1), 0, CardText.periodLine(data), styles.subtitle());
            next = TITLE_ROWS + 1;
            ente();
            ambiti();
            units();
            strategicObjectives();
            bands();
        }

        private void ente() {
            caption(ENTE);
            Row header = Cells.row(sheet, next++);
            merged(header, 0, 2, "Ente", styles.header());
            resultHeaders(header);
            boolean judged = methodology.judgements() != null;
            if (judged) {
                Cells.text(header, current + 2, "Giudizio", styles.header());
            }
            Row row = Cells.row(sheet, next++);
            String ente = data.plan().ente();
            merged(row, 0, 2, ente, styles.wrapped());
            WrappedRows.fit(row, WrappedRows.lines(ente, NAME_WIDTH + WIDTHS[2]));
            results(row, Level.ENTE, ente, styles.boldPercent(), styles.bold());
            if (judged) {
                // giudizi (METHOD.md): the ente's label by lower bounds, for display only.
                BigDecimal result = data.ente().map(ItemResult::achievement).orElse(null);
                Cells.text(row, current + 2, methodology.judgement(result).orElse(null), styles.bold());
            }
            lights(row.getRowNum(), row.getRowNum(), RESULT, current);
            next++;
        }

        private void ambiti() {
            caption(AMBITI);
            Row header = Cells.row(sheet, next++);
            Cells.header(header, List.of("Codice", "Ambito strategico", "Peso"), styles.header());
            resultHeaders(header);
            int first = next;
            for (Ambito ambito : data.plan().ambiti()) {
                Row row = Cells.row(sheet, next++);
                Cells.text(row, 0, ambito.code(), styles.text());
                Cells.text(row, 1, ambito.description(), styles.wrapped());
                Cells.percent(row, 2, ambito.weight(), styles.percent());
                results(row, Level.AMBITO, ambito.code(), styles.percent(), styles.text());
                WrappedRows.fit(row, WrappedRows.lines(ambito.description(), WIDTHS[1]));
                ambitoRows.add(row.getRowNum());
            }
            if (next > first) {
                lights(first, next - 1, RESULT, current);
            }
            next++;
        }

        private void units() {
            caption(UNITS);
            Row header = Cells.row(sheet, next++);
            merged(header, 0, 1, "Unità organizzativa", styles.header());
            Cells.text(header, 2, "Responsabile", styles.header());
            resultHeaders(header);
            int first = next;
            UnitTree tree = UnitTree.of(data.plan().units());
            tree.internal().forEach(this::unit);
            if (!tree.external().isEmpty()) {
                Row caption = Cells.row(sheet, next++);
                merged(caption, 0, current + 1, EXTERNAL, styles.label());
                tree.external().forEach(this::unit);
            }
            if (next > first) {
                lights(first, next - 1, RESULT, current);
            }
            next++;
        }

        private void unit(UnitTree.Line line) {
            OrgUnit unit = line.unit();
            boolean area = line.area();
            Row row = Cells.row(sheet, next++);
            unitRows.add(row.getRowNum());
            if (area) {
                areaRows.add(row.getRowNum());
            }
            int indent = 3 * Math.min(line.depth(), 3);
            merged(row, 0, 1, unit.name(), area ? styles.bold() : local.name(line.depth()));
            Cells.text(row, 2, unit.head(), styles.wrapped());
            WrappedRows.fit(row, Math.max(WrappedRows.lines(unit.name(), NAME_WIDTH - indent),
                    WrappedRows.lines(unit.head(), WIDTHS[2])));
            results(row, Level.UNITA, unit.code(), area ? styles.boldPercent() : styles.percent(),
                    area ? styles.bold() : styles.text());
        }

        private void strategicObjectives() {
            caption(STRATEGIC);
            header("Codice", "Obiettivo strategico", "Ambito", "Peso", "Risultato", "Valutazione");
            int first = next;
            for (StrategicObjective os : data.plan().strategicObjectives()) {
                Row row = Cells.row(sheet, next++);
                BigDecimal result = result(Level.OBIETTIVO_STRATEGICO, os.code());
                Cells.text(row, 0, os.code(), styles.text());
                Cells.text(row, 1, os.description(), styles.wrapped());
                Cells.text(row, 2, os.ambitoCode(), styles.text());
                Cells.percent(row, 3, os.weight(), styles.percent());
                Cells.percent(row, STRATEGIC_RESULT, result, styles.percent());
                Cells.text(row, STRATEGIC_RESULT + 1, valutazione(methodology, result), styles.text());
                WrappedRows.fit(row, WrappedRows.lines(os.description(), WIDTHS[1]));
            }
            if (next > first) {
                lights(first, next - 1, STRATEGIC_RESULT, STRATEGIC_RESULT);
            }
            next++;
        }

        /** The operational objectives counted by band, with the same rule as the traffic lights. */
        private void bands() {
            caption(BANDS);
            Row header = Cells.row(sheet, next++);
            merged(header, 0, 1, "Fascia di risultato", styles.header());
            Cells.text(header, 2, "Valore assoluto", styles.header());
            Cells.text(header, RESULT, "Valore %", styles.header());
            BandCounts counts = BandCounts.of(methodology, data.items(Level.OBIETTIVO_OPERATIVO));
            for (BandCounts.Row band : counts.rows()) {
                bandRow(band);
            }
            int without = counts.withoutResult();
            if (without > 0) {
                Cells.text(Cells.row(sheet, next++), 0, "Obiettivi operativi senza risultato (non conteggiati): "
                        + without, local.note);
            }
            next++;
        }

        private void bandRow(BandCounts.Row band) {
            boolean bold = band.total();
            Row row = Cells.row(sheet, next++);
            merged(row, 0, 1, band.label(), bold ? styles.bold() : styles.text());
            Cells.number(row, 2, BigDecimal.valueOf(band.count()), bold ? local.boldInteger : local.integer);
            Cells.percent(row, RESULT, band.share(), bold ? styles.boldPercent() : styles.percent());
        }

        /**
         * Below the tables, from a new printed page: results by ambito, then by unit (on a page of
         * its own when both would not fit on one).
         */
        void charts(XSSFSheet xssf) {
            XSSFDrawing drawing = xssf.createDrawingPatriarch();
            int top = next;
            xssf.setRowBreak(top - 1);
            int ambitiHeight = ambitoRows.isEmpty() ? 0 : chartHeight(ambitoRows.size());
            if (!ambitoRows.isEmpty()) {
                bars(xssf, drawing, "Risultati per ambito strategico", ambitoRows, top, top + ambitiHeight);
                top += ambitiHeight + 1;
            }
            if (!unitRows.isEmpty()) {
                int height = chartHeight(unitRows.size());
                if (ambitiHeight > 0 && ambitiHeight + 1 + height > PAGE_ROWS) {
                    xssf.setRowBreak(top - 1);
                }
                bars(xssf, drawing, "Risultati per unità organizzativa", unitRows, top, top + height);
            }
        }

        /** Rows of the default height a chart of {@code bars} bars takes: title and axis, then 1,5 rows a bar. */
        private static int chartHeight(int bars) {
            return Math.max(10, 5 + (3 * bars + 1) / 2);
        }

        /**
         * A clustered horizontal bar chart of {@code rows}: names from column A, results from column
         * D. Rows that are not contiguous (the Esterni caption sits between) make a union reference.
         */
        private void bars(XSSFSheet xssf, XSSFDrawing drawing, String title, List<Integer> rows, int from, int to) {
            XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 0, from,
                    LAST_COLUMN + periods.size(), to));
            chart.setTitleText(title);
            chart.setTitleOverlay(false);
            chart.displayBlanksAs(DisplayBlanks.GAP);
            XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
            // Top to bottom in the table's order; the value axis then sits at the bottom.
            categories.setOrientation(AxisOrientation.MAX_MIN);
            XDDFValueAxis values = chart.createValueAxis(AxisPosition.BOTTOM);
            values.setCrosses(AxisCrosses.MAX);
            values.setMinimum(0);
            values.setMaximum(1);
            values.setMajorUnit(0.2);
            values.setNumberFormat("0%");
            values.setCrossBetween(AxisCrossBetween.BETWEEN); // whole bars at both ends
            values.getOrAddMajorGridProperties();
            categories.setMajorTickMark(AxisTickMark.NONE);
            XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
            bars.setBarDirection(BarDirection.BAR);
            bars.setBarGrouping(BarGrouping.CLUSTERED);
            bars.setVaryColors(false);
            bars.setGapWidth(60);
            String[] names = new String[rows.size()];
            Double[] results = new Double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.getRow(rows.get(i));
                names[i] = row.getCell(0).getStringCellValue();
                Cell result = row.getCell(current);
                results[i] = result.getCellType() == CellType.NUMERIC ? result.getNumericCellValue() : null;
            }
            XDDFChartData.Series series = bars.addSeries(
                    XDDFDataSourcesFactory.fromArray(names, reference(rows, 0)),
                    XDDFDataSourcesFactory.fromArray(results, reference(rows, current)));
            series.setTitle("Risultato", null);
            series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.STEEL_BLUE)));
            chart.plot(bars);
            // The axis keeps its own "0%", not the cells' two decimals.
            chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt().setSourceLinked(false);
            for (int i = 0; i < rows.size(); i++) {
                if (areaRows.contains(rows.get(i))) {
                    series.getDataPoint(i).setFillProperties(
                            new XDDFSolidFillProperties(XDDFColor.from(PresetColor.MIDNIGHT_BLUE)));
                }
            }
            labels((XDDFBarChartData.Series) series);
        }

        /** {@code Sintesi!$A$9:$A$15}, or {@code (Sintesi!$A$9:$A$15,Sintesi!$A$17)} for rows with a gap. */
        private static String reference(List<Integer> rows, int column) {
            List<String> parts = new ArrayList<>();
            int start = rows.get(0);
            for (int i = 1; i <= rows.size(); i++) {
                if (i == rows.size() || rows.get(i) != rows.get(i - 1) + 1) {
                    parts.add(new CellRangeAddress(start, rows.get(i - 1), column, column).formatAsString(NAME, true));
                    if (i < rows.size()) {
                        start = rows.get(i);
                    }
                }
            }
            return parts.size() == 1 ? parts.get(0) : "(" + String.join(",", parts) + ")";
        }

        /** Each bar carries its value, as the table shows it. */
        private static void labels(XDDFBarChartData.Series series) {
            CTDLbls labels = series.getCTBarSer().isSetDLbls() ? series.getCTBarSer().getDLbls()
                    : series.getCTBarSer().addNewDLbls();
            var format = labels.addNewNumFmt();
            format.setFormatCode("0.00%");
            format.setSourceLinked(false);
            labels.addNewDLblPos().setVal(STDLblPos.OUT_END);
            labels.addNewShowLegendKey().setVal(false);
            labels.addNewShowVal().setVal(true);
            labels.addNewShowCatName().setVal(false);
            labels.addNewShowSerName().setVal(false);
            labels.addNewShowPercent().setVal(false);
            labels.addNewShowBubbleSize().setVal(false);
        }

        private BigDecimal result(Level level, String code) {
            return data.item(level, code).map(ItemResult::achievement).orElse(null);
        }

        private void caption(String text) {
            Cells.text(Cells.row(sheet, next++), 0, text, styles.subtitle());
        }

        private void header(String... titles) {
            Row row = Cells.row(sheet, next++);
            for (int i = 0; i < titles.length; i++) {
                Cells.text(row, i, titles[i], styles.header());
            }
        }

        /** Text over columns {@code from..to} of one row, every cell styled so the borders show. */
        private void merged(Row row, int from, int to, String text, CellStyle style) {
            Cells.text(row, from, text, style);
            for (int c = from + 1; c <= to; c++) {
                Cells.text(row, c, null, style);
            }
            // Each merge is one new row's own cells, so none can overlap: POI's check of every earlier region is skipped.
            sheet.addMergedRegionUnsafe(new CellRangeAddress(row.getRowNum(), row.getRowNum(), from, to));
        }

        private void lights(int firstRow, int lastRow, int firstColumn, int lastColumn) {
            TrafficLights.apply(sheet, new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn), methodology);
        }
    }

}
