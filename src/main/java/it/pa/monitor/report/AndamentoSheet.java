package it.pa.monitor.report;

import it.pa.monitor.plan.Indicator;
import it.pa.monitor.plan.IndicatorKey;
import it.pa.monitor.plan.OperationalObjective;
import it.pa.monitor.plan.Scorecard;
import it.pa.monitor.plan.StrategicObjective;
import it.pa.monitor.results.PeriodResults;
import it.pa.monitor.scoring.Forecast;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.scoring.Level;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickMark;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.Grouping;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDLblPos;
import org.springframework.stereotype.Component;

/**
 * The "Andamento" sheet: for every objective and indicator the value and achievement at each
 * period of the year so far, the pro-rated target, the year-end forecast and the "a rischio"
 * flag; below it the strategic objectives' results per period and a line chart of each.
 */
@Component
public class AndamentoSheet implements SheetWriter {

    static final String NAME = "Andamento";
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern(
            "dd/MM/yyyy");

    /** Title, note, header. */
    private static final int HEADER_ROWS = 3;
    private static final int FIRST_PERIOD_COLUMN = 3;
    /** Characters a chart is at least wide, and rows it is high. */
    private static final int CHART_MIN_WIDTH = 50;
    private static final int CHART_ROWS = 13;
    /** Grid rows of charts per printed page (A4 landscape fits two of 13 + 1 rows at any scale). */
    private static final int CHART_GRID_ROWS_PER_PAGE = 2;
    private static final int CHART_TITLE_MAX = 70;

    @Override
    public int order() {
        return 7;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean write(Workbook workbook, ReportData data, ReportStyles styles) {
        Sheet sheet = workbook.createSheet(NAME);
        List<PeriodResults> periods = data.history();
        int columns = FIRST_PERIOD_COLUMN + 2 * periods.size() + 4;
        int proRataColumn = FIRST_PERIOD_COLUMN + 2 * periods.size();
        int[] widths = widths(columns, periods.size(), proRataColumn);

        Cells.text(Cells.row(sheet, 0), 0, "Andamento " + data.plan().year() + " – " + data.plan().ente()
                + " (periodo " + data.period().code() + ")", styles.title());
        Cells.text(Cells.row(sheet, 1), 0, "Valore e raggiungimento a ogni periodo dell'anno; per gli indicatori"
                + " cumulativi, sotto il valore, il target rapportato al periodo e, a destra, la previsione a fine"
                + " anno" + forecastPeriod(data).map(p -> " fatta al " + p.period().referenceDate().format(DAY))
                .orElse("") + ".", null);
        Row header = Cells.row(sheet, 2);
        List<String> headers = new ArrayList<>(List.of("Obiettivo", "Indicatore", "Target"));
        for (PeriodResults p : periods) {
            headers.add(p.period().code() + " valore");
            headers.add(p.period().code() + " %");
        }
        headers.addAll(forecastHeaders(data));
        Cells.header(header, headers, styles.header());
        WrappedRows.fitCells(header, widths);

        Lookup lookup = new Lookup(periods);
        CellStyle atRisk = atRiskStyle(workbook, styles);
        Writer writer = new Writer(sheet, data, styles, lookup, atRisk, proRataColumn, widths);
        Map<String, List<Indicator>> byObjective = new LinkedHashMap<>();
        data.plan().indicators().forEach(i -> byObjective.computeIfAbsent(i.objectiveCode(), k -> new ArrayList<>())
                .add(i));

        for (StrategicObjective os : data.plan().strategicObjectives()) {
            writer.objective(Level.OBIETTIVO_STRATEGICO, os.code(), os.description());
            writer.indicators(byObjective.remove(os.code()));
            for (OperationalObjective oo : data.plan().index().operationalObjectivesOf(os.code())) {
                writer.objective(Level.OBIETTIVO_OPERATIVO, oo.code(), oo.description());
                writer.indicators(byObjective.remove(oo.code()));
            }
        }
        for (OperationalObjective oo : data.plan().operationalObjectives()) {
            if (byObjective.containsKey(oo.code())) {
                writer.objective(Level.OBIETTIVO_OPERATIVO, oo.code(), oo.description());
                writer.indicators(byObjective.remove(oo.code()));
            }
        }
        // What is left are the scorecards' own objectives: grouped under their cruscotto, without a result.
        for (Map.Entry<String, List<Indicator>> rest : byObjective.entrySet()) {
            String caption = data.plan().index().scorecard(rest.getKey()).map(AndamentoSheet::scorecardCaption).orElse(rest.getKey());
            writer.objective(null, rest.getKey(), caption);
            writer.indicators(rest.getValue());
        }
        int lastRow = writer.row - 1;

        if (lastRow >= HEADER_ROWS) {
            for (int p = 0; p < periods.size(); p++) {
                int column = FIRST_PERIOD_COLUMN + 2 * p + 1;
                TrafficLights.apply(sheet, new CellRangeAddress(HEADER_ROWS, lastRow, column, column),
                        data.methodology());
            }
            TrafficLights.apply(sheet, new CellRangeAddress(HEADER_ROWS, lastRow, proRataColumn + 2,
                    proRataColumn + 2), data.methodology());
        }
        PrintSetup.apply(sheet, HEADER_ROWS, widths);
        // The objective and indicator stay in sight while scrolling through the periods.
        sheet.createFreezePane(2, HEADER_ROWS);

        if (!data.plan().strategicObjectives().isEmpty()) {
            int summaryHeader = lastRow + 3;
            Map<String, Integer> summaryRows = summary(sheet, data, styles, summaryHeader, widths);
            if (sheet instanceof XSSFSheet xssf) {
                charts(xssf, data, summaryHeader, summaryRows, summaryHeader + summaryRows.size() + 2, widths);
            }
        }
        return true;
    }

    /**
     * The period whose forecast the last columns show: the current one at an interim period; at
     * year end, when the year's value is known, the last interim period (what was foreseen then).
     */
    static Optional<PeriodResults> forecastPeriod(ReportData data) {
        List<PeriodResults> periods = data.history();
        if (!data.period().isYearEnd()) {
            return Optional.of(data.current());
        }
        for (int p = periods.size() - 1; p >= 0; p--) {
            if (!periods.get(p).period().isYearEnd()) {
                return Optional.of(periods.get(p));
            }
        }
        return Optional.empty();
    }

    private static List<String> forecastHeaders(ReportData data) {
        Optional<PeriodResults> at = forecastPeriod(data);
        if (at.isEmpty() || !data.period().isYearEnd()) {
            return List.of("Target pro rata", "Previsione fine anno", "% prevista", "A rischio");
        }
        String date = at.get().period().referenceDate().format(DAY);
        return List.of("Target pro rata al " + date, "Previsione fine anno al " + date, "% prevista",
                "A rischio al " + date);
    }

    /**
     * The OS results per period in a compact table below the main one (period codes as headers):
     * the charts read their rows, so a user who corrects a figure sees the chart follow.
     *
     * @return the row of each OS
     */
    private static Map<String, Integer> summary(Sheet sheet, ReportData data, ReportStyles styles, int headerRow,
                                                int[] widths) {
        Cells.text(Cells.row(sheet, headerRow - 1), 0, "Andamento degli obiettivi strategici", styles.subtitle());
        Row header = Cells.row(sheet, headerRow);
        Cells.text(header, 0, "Obiettivo", styles.header());
        Cells.text(header, 1, "Descrizione", styles.header());
        List<PeriodResults> periods = data.history();
        for (int p = 0; p < periods.size(); p++) {
            Cells.text(header, 2 + p, periods.get(p).period().code(), styles.header());
        }
        Lookup lookup = new Lookup(periods);
        Map<String, Integer> rows = new LinkedHashMap<>();
        int index = headerRow + 1;
        for (StrategicObjective os : data.plan().strategicObjectives()) {
            Row row = Cells.row(sheet, index);
            Cells.text(row, 0, os.code(), styles.bold());
            Cells.text(row, 1, os.description(), styles.wrapped());
            for (int p = 0; p < periods.size(); p++) {
                Cells.percent(row, 2 + p, lookup.item(p, Level.OBIETTIVO_STRATEGICO, os.code())
                        .map(ItemResult::achievement).orElse(null), styles.percent());
            }
            WrappedRows.fitCells(row, widths);
            rows.put(os.code(), index++);
        }
        TrafficLights.apply(sheet, new CellRangeAddress(headerRow + 1, index - 1, 2, 1 + periods.size()),
                data.methodology());
        return rows;
    }

    private static int[] widths(int columns, int periods, int proRataColumn) {
        int[] widths = new int[columns];
        widths[0] = 12;
        widths[1] = 55;
        widths[2] = 16;
        for (int p = 0; p < periods; p++) {
            widths[FIRST_PERIOD_COLUMN + 2 * p] = 14;
            widths[FIRST_PERIOD_COLUMN + 2 * p + 1] = 11;
        }
        // Wide enough for "Previsione fine anno al 30/09/2022" and "A rischio al 30/09/2022" in two or three lines.
        widths[proRataColumn] = 13;
        widths[proRataColumn + 1] = 14;
        widths[proRataColumn + 2] = 11;
        widths[proRataColumn + 3] = 12;
        return widths;
    }

    /** One line chart per OS, in a grid below the tables, each reading its row of the summary table. */
    private static void charts(XSSFSheet sheet, ReportData data, int headerRow, Map<String, Integer> rows,
                               int firstRow, int[] widths) {
        // The charts start on a page of their own and never straddle a page break.
        sheet.setRowBreak(firstRow - 1);
        int tableWidth = 0;
        for (int w : widths) {
            tableWidth += w;
        }
        int perRow = Math.max(1, Math.min(3, tableWidth / CHART_MIN_WIDTH));
        double chartWidth = (double) tableWidth / perRow;
        int periods = data.history().size();
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        int index = 0;
        for (Map.Entry<String, Integer> entry : rows.entrySet()) {
            int gridRow = index / perRow;
            int gridColumn = index % perRow;
            int top = firstRow + gridRow * (CHART_ROWS + 1);
            if (gridColumn == 0 && gridRow > 0 && gridRow % CHART_GRID_ROWS_PER_PAGE == 0) {
                sheet.setRowBreak(top - 1);
            }
            int[] left = position(widths, gridColumn * chartWidth + 0.5);
            int[] right = position(widths, (gridColumn + 1) * chartWidth - 0.5);
            XSSFClientAnchor anchor = drawing.createAnchor(left[1], 0, right[1], 0, left[0], top, right[0],
                    top + CHART_ROWS);
            chart(drawing.createChart(anchor), sheet, data, entry.getKey(),
                    new CellRangeAddress(headerRow, headerRow, 2, 1 + periods),
                    new CellRangeAddress(entry.getValue(), entry.getValue(), 2, 1 + periods));
            index++;
        }
    }

    private static void chart(XSSFChart chart, XSSFSheet sheet, ReportData data, String code,
                              CellRangeAddress categories, CellRangeAddress values) {
        String description = data.plan().index().strategicObjective(code).map(StrategicObjective::description)
                .orElse("");
        String title = description.isBlank() ? code : code + " – " + description;
        chart.setTitleText(title.length() > CHART_TITLE_MAX ? title.substring(0, CHART_TITLE_MAX - 1) + "…" : title);
        chart.setTitleOverlay(false);
        chart.getTitle().getBody().getParagraph(0).getTextRuns().forEach(run -> {
            run.setFontSize(10.0);
            run.setBold(true);
        });
        XDDFCategoryAxis periodsAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis percentAxis = chart.createValueAxis(AxisPosition.LEFT);
        percentAxis.setMinimum(0);
        percentAxis.setMaximum(1);
        percentAxis.setMajorUnit(0.2);
        percentAxis.setNumberFormat("0%");
        percentAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        percentAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        percentAxis.setMajorTickMark(AxisTickMark.OUT);
        periodsAxis.setMajorTickMark(AxisTickMark.OUT);
        XDDFShapeProperties gridLines = percentAxis.getOrAddMajorGridProperties();
        gridLines.setLineProperties(line(new byte[] {(byte) 0xD9, (byte) 0xD9, (byte) 0xD9}, 0.75));

        XDDFLineChartData lines = (XDDFLineChartData) chart.createData(ChartTypes.LINE, periodsAxis, percentAxis);
        XDDFLineChartData.Series series = (XDDFLineChartData.Series) lines.addSeries(
                XDDFDataSourcesFactory.fromStringCellRange(sheet, categories),
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, values));
        series.setTitle(code, null);
        series.setSmooth(false);
        series.setMarkerStyle(MarkerStyle.CIRCLE);
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setLineProperties(line(new byte[] {(byte) 0x1F, (byte) 0x4E, (byte) 0x79}, 2.25));
        series.setShapeProperties(shape);
        lines.setVaryColors(false);
        lines.setGrouping(Grouping.STANDARD);
        chart.plot(lines);
        labels(series);
        // The axis shows "0%"..."100%" whatever the cells' format.
        chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt().setSourceLinked(false);
    }

    private static XDDFLineProperties line(byte[] rgb, double width) {
        XDDFLineProperties line = new XDDFLineProperties();
        line.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
        line.setWidth(width);
        return line;
    }

    /** The value of each point above it, as a percentage with two decimals. */
    private static void labels(XDDFChartData.Series series) {
        CTDLbls labels = ((XDDFLineChartData.Series) series).getCTLineSer().addNewDLbls();
        labels.addNewNumFmt().setFormatCode("0.00%");
        labels.getNumFmt().setSourceLinked(false);
        labels.addNewDLblPos().setVal(STDLblPos.T);
        labels.addNewShowLegendKey().setVal(false);
        labels.addNewShowVal().setVal(true);
        labels.addNewShowCatName().setVal(false);
        labels.addNewShowSerName().setVal(false);
        labels.addNewShowPercent().setVal(false);
        labels.addNewShowBubbleSize().setVal(false);
    }

    /** The column and offset (EMU) at {@code chars} characters from the left edge of the sheet. */
    private static int[] position(int[] widths, double chars) {
        double remaining = chars;
        int column = 0;
        while (column < widths.length && remaining >= widths[column]) {
            remaining -= widths[column];
            column++;
        }
        return new int[] {column, Units.charactersToEMU(remaining)};
    }

    private static String scorecardCaption(Scorecard scorecard) {
        return "Obiettivi del cruscotto " + scorecard.code() + " – " + scorecard.dirigente()
                + (scorecard.role() == null || scorecard.role().isBlank() ? "" : ", " + scorecard.role());
    }

    private static CellStyle atRiskStyle(Workbook workbook, ReportStyles styles) {
        CellStyle style = workbook.createCellStyle();
        style.cloneStyleFrom(styles.text());
        Font font = workbook.createFont();
        font.setFontName("Calibri");
        font.setFontHeightInPoints((short) 10);
        font.setBold(true);
        font.setColor(IndexedColors.RED.getIndex());
        style.setFont(font);
        return style;
    }

    /** "target ≥ 2,00" under a cumulative indicator's value when its target was pro-rated for the period. */
    static String proRatedLine(Indicator indicator, IndicatorResult result) {
        if (!indicator.cumulative() || result.effectiveTarget() == null || indicator.target().value() == null
                || result.effectiveTarget().compareTo(indicator.target().value()) == 0) {
            return null;
        }
        String unit = indicator.target().unit() == null ? "" : " " + indicator.target().unit().label();
        return "target " + indicator.target().operator().symbol() + " " + CardText.number(result.effectiveTarget())
                + unit;
    }

    /** The results of every period, by item and by indicator. */
    private static final class Lookup {

        private final List<Map<String, ItemResult>> items = new ArrayList<>();
        private final List<Map<IndicatorKey, IndicatorResult>> indicators = new ArrayList<>();

        Lookup(List<PeriodResults> periods) {
            for (PeriodResults p : periods) {
                Map<String, ItemResult> byCode = new HashMap<>();
                p.items().forEach(i -> byCode.put(i.level() + "|" + i.code(), i));
                items.add(byCode);
                Map<IndicatorKey, IndicatorResult> byKey = new HashMap<>();
                p.indicators().forEach(r -> byKey.put(r.key(), r));
                indicators.add(byKey);
            }
        }

        Optional<ItemResult> item(int period, Level level, String code) {
            return Optional.ofNullable(items.get(period).get(level + "|" + code));
        }

        Optional<IndicatorResult> indicator(int period, IndicatorKey key) {
            return Optional.ofNullable(indicators.get(period).get(key));
        }
    }

    /** Writes the table's rows one after the other. */
    private static final class Writer {

        private final Sheet sheet;
        private final ReportData data;
        private final ReportStyles styles;
        private final Lookup lookup;
        private final CellStyle atRisk;
        private final int proRataColumn;
        private final int[] widths;
        private int row = HEADER_ROWS;

        Writer(Sheet sheet, ReportData data, ReportStyles styles, Lookup lookup, CellStyle atRisk, int proRataColumn,
               int[] widths) {
            this.widths = widths;
            this.sheet = sheet;
            this.data = data;
            this.styles = styles;
            this.lookup = lookup;
            this.atRisk = atRisk;
            this.proRataColumn = proRataColumn;
        }

        /** A bold objective row with its result at each period; {@code level} null for a group without one. */
        void objective(Level level, String code, String description) {
            Row r = Cells.row(sheet, row++);
            Cells.text(r, 0, code, styles.bold());
            Cells.text(r, 1, description, styles.bold());
            Cells.text(r, 2, null, styles.bold());
            for (int p = 0; p < data.history().size(); p++) {
                BigDecimal achievement = level == null ? null
                        : lookup.item(p, level, code).map(ItemResult::achievement).orElse(null);
                Cells.text(r, FIRST_PERIOD_COLUMN + 2 * p, null, styles.bold());
                Cells.percent(r, FIRST_PERIOD_COLUMN + 2 * p + 1, achievement, styles.boldPercent());
            }
            for (int c = proRataColumn; c < proRataColumn + 4; c++) {
                Cells.text(r, c, null, styles.bold());
            }
            WrappedRows.fitCells(r, widths);
        }

        void indicators(List<Indicator> indicators) {
            if (indicators == null) {
                return;
            }
            for (Indicator indicator : indicators) {
                indicator(indicator);
            }
        }

        private void indicator(Indicator indicator) {
            IndicatorKey key = indicator.key();
            Row r = Cells.row(sheet, row++);
            Cells.text(r, 0, key.objectiveCode(), styles.text());
            Cells.text(r, 1, key.reference() + (indicator.name() == null || indicator.name().isBlank() ? ""
                    : " – " + indicator.name()), styles.wrapped());
            Cells.text(r, 2, indicator.target().raw(), styles.wrapped());
            List<PeriodResults> periods = data.history();
            for (int p = 0; p < periods.size(); p++) {
                Optional<IndicatorResult> result = lookup.indicator(p, key);
                // No value typed: say why the period has no result (non rilevato, in corso...).
                String value = data.rawValue(periods.get(p).period(), key).orElseGet(() -> result
                        .filter(x -> !x.status().counts()).map(x -> x.status().label()).orElse(null));
                String proRated = result.map(x -> proRatedLine(indicator, x)).orElse(null);
                Cells.text(r, FIRST_PERIOD_COLUMN + 2 * p, value == null || proRated == null ? value
                        : value + "\n" + proRated, styles.wrapped());
                Cells.percent(r, FIRST_PERIOD_COLUMN + 2 * p + 1,
                        result.map(IndicatorResult::achievement).orElse(null), styles.percent());
            }
            Optional<PeriodResults> at = forecastPeriod(data);
            BigDecimal proRata = null;
            if (indicator.cumulative() && at.isPresent()) {
                proRata = at.get().indicator(key).map(IndicatorResult::effectiveTarget).orElse(null);
            }
            Cells.number(r, proRataColumn, proRata, styles.number());
            Forecast.Projection projection = at.map(x -> x.projections().get(key)).orElse(null);
            Cells.number(r, proRataColumn + 1, projection == null ? null : projection.value(), styles.number());
            Cells.percent(r, proRataColumn + 2, projection == null ? null : projection.achievement(),
                    styles.percent());
            boolean risky = projection != null && projection.atRisk();
            Cells.text(r, proRataColumn + 3, risky ? "Sì" : null, risky ? atRisk : styles.text());
            WrappedRows.fitCells(r, widths);
        }
    }
}
