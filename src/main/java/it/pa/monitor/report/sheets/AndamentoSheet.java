package it.pa.monitor.report.sheets;

import it.pa.monitor.report.data.AndamentoRows;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.Cells;
import it.pa.monitor.report.layout.PrintSetup;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.report.layout.TrafficLights;
import it.pa.monitor.report.layout.WrappedRows;

import it.pa.monitor.results.PeriodResults;
import it.pa.monitor.values.ItalianFormat;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
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
public class AndamentoSheet extends ReportSheet {

    static final String NAME = "Andamento";

    /** Title, note, header. */
    private static final int HEADER_ROWS = 3;
    private static final int FIRST_PERIOD_COLUMN = 3;
    /** Characters a chart is at least wide, and rows it is high. */
    private static final int CHART_MIN_WIDTH = 50;
    private static final int CHART_ROWS = 13;
    /** Grid rows of charts per printed page (A4 landscape fits two of 13 + 1 rows at any scale). */
    private static final int CHART_GRID_ROWS_PER_PAGE = 2;
    private static final int CHART_TITLE_MAX = 70;

    public AndamentoSheet() {
        super(NAME, Mode.STREAMED);
    }

    @Override
    void fill(Sheet sheet, ReportData data, ReportStyles styles) {
        Workbook workbook = sheet.getWorkbook();
        List<PeriodResults> periods = data.history();
        int columns = FIRST_PERIOD_COLUMN + 2 * periods.size() + 4;
        int proRataColumn = FIRST_PERIOD_COLUMN + 2 * periods.size();
        int[] widths = widths(columns, periods.size(), proRataColumn);

        Cells.text(Cells.row(sheet, 0), 0, "Andamento " + data.plan().year() + " – " + data.plan().ente()
                + " (periodo " + data.period().code() + ")", styles.title());
        Cells.text(Cells.row(sheet, 1), 0, "Valore e raggiungimento a ogni periodo dell'anno; per gli indicatori"
                + " cumulativi, sotto il valore, il target rapportato al periodo e, a destra, la previsione a fine"
                + " anno" + AndamentoRows.forecastPeriod(data).map(p -> " fatta al "
                + ItalianFormat.date(p.period().referenceDate())).orElse("") + ".", null);
        List<String> headers = new ArrayList<>(List.of("Obiettivo", "Indicatore", "Target"));
        for (PeriodResults p : periods) {
            headers.add(p.period().code() + " valore");
            headers.add(p.period().code() + " %");
        }
        headers.addAll(forecastHeaders(data));
        Cells.headerRow(sheet, HEADER_ROWS - 1, headers, styles.header(), widths);

        AndamentoRows rows = new AndamentoRows(data);
        Writer writer = new Writer(sheet, styles, atRiskStyle(workbook, styles), proRataColumn, widths);
        rows.forEach(writer::line);
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

        List<AndamentoRows.Series> series = rows.series();
        if (!series.isEmpty()) {
            int summaryHeader = lastRow + 3;
            summary(sheet, data, styles, summaryHeader, series, widths);
            charts(Cells.drawingSheet(sheet), data, summaryHeader, series, summaryHeader + series.size() + 2, widths);
        }
    }

    private static List<String> forecastHeaders(ReportData data) {
        Optional<PeriodResults> at = AndamentoRows.forecastPeriod(data);
        if (at.isEmpty() || !data.period().isYearEnd()) {
            return List.of("Target pro rata", "Previsione fine anno", "% prevista", "A rischio");
        }
        String date = ItalianFormat.date(at.get().period().referenceDate());
        return List.of("Target pro rata al " + date, "Previsione fine anno al " + date, "% prevista",
                "A rischio al " + date);
    }

    /**
     * The OS results per period in a compact table below the main one (period codes as headers):
     * the charts refer to its rows, so a user who corrects a figure sees the chart follow.
     */
    private static void summary(Sheet sheet, ReportData data, ReportStyles styles, int headerRow,
                                List<AndamentoRows.Series> series, int[] widths) {
        Cells.text(Cells.row(sheet, headerRow - 1), 0, "Andamento degli obiettivi strategici", styles.subtitle());
        Row header = Cells.row(sheet, headerRow);
        Cells.text(header, 0, "Obiettivo", styles.header());
        Cells.text(header, 1, "Descrizione", styles.header());
        List<PeriodResults> periods = data.history();
        for (int p = 0; p < periods.size(); p++) {
            Cells.text(header, 2 + p, periods.get(p).period().code(), styles.header());
        }
        int index = headerRow + 1;
        for (AndamentoRows.Series os : series) {
            Row row = Cells.row(sheet, index++);
            Cells.text(row, 0, os.code(), styles.bold());
            Cells.text(row, 1, os.description(), styles.wrapped());
            for (int p = 0; p < periods.size(); p++) {
                Cells.percent(row, 2 + p, os.results().get(p), styles.percent());
            }
            WrappedRows.fitCells(row, widths);
        }
        TrafficLights.apply(sheet, new CellRangeAddress(headerRow + 1, index - 1, 2, 1 + periods.size()),
                data.methodology());
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

    /**
     * One line chart per OS, in a grid below the tables, each referring to its row of the summary
     * table; the figures cached in the chart come from the series (a streamed sheet's rows are
     * already on disk).
     */
    private static void charts(XSSFSheet sheet, ReportData data, int headerRow, List<AndamentoRows.Series> series,
                               int firstRow, int[] widths) {
        // The charts start on a page of their own and never straddle a page break.
        sheet.setRowBreak(firstRow - 1);
        int tableWidth = 0;
        for (int w : widths) {
            tableWidth += w;
        }
        int perRow = Math.max(1, Math.min(3, tableWidth / CHART_MIN_WIDTH));
        double chartWidth = (double) tableWidth / perRow;
        List<PeriodResults> periods = data.history();
        String[] codes = periods.stream().map(p -> p.period().code()).toArray(String[]::new);
        String categories = new CellRangeAddress(headerRow, headerRow, 2, 1 + periods.size())
                .formatAsString(NAME, true);
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        for (int index = 0; index < series.size(); index++) {
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
            AndamentoRows.Series os = series.get(index);
            int row = headerRow + 1 + index;
            Double[] values = os.results().stream().map(ReportData::fraction).toArray(Double[]::new);
            chart(drawing.createChart(anchor), os,
                    XDDFDataSourcesFactory.fromArray(codes, categories),
                    XDDFDataSourcesFactory.fromArray(values,
                            new CellRangeAddress(row, row, 2, 1 + periods.size()).formatAsString(NAME, true)));
        }
    }

    private static void chart(XSSFChart chart, AndamentoRows.Series os, XDDFDataSource<String> categories,
                              XDDFNumericalDataSource<Double> values) {
        String title = os.description() == null || os.description().isBlank() ? os.code()
                : os.code() + " – " + os.description();
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
        XDDFLineChartData.Series series = (XDDFLineChartData.Series) lines.addSeries(categories, values);
        series.setTitle(os.code(), null);
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

    /** Writes the table's rows one after the other (the sheet streams). */
    private static final class Writer {

        private final Sheet sheet;
        private final ReportStyles styles;
        private final CellStyle atRisk;
        private final int proRataColumn;
        private final WrappedRows.Fitter fitter;
        private int row = HEADER_ROWS;

        Writer(Sheet sheet, ReportStyles styles, CellStyle atRisk, int proRataColumn, int[] widths) {
            this.sheet = sheet;
            this.styles = styles;
            this.atRisk = atRisk;
            this.proRataColumn = proRataColumn;
            this.fitter = new WrappedRows.Fitter(widths);
        }

        void line(AndamentoRows.Line line) {
            if (line instanceof AndamentoRows.Objective objective) {
                objective(objective);
            } else if (line instanceof AndamentoRows.IndicatorLine indicator) {
                indicator(indicator);
            }
        }

        /** A bold objective row with its result at each period. */
        private void objective(AndamentoRows.Objective objective) {
            Row r = sheet.createRow(row++);
            Cells.text(r, 0, objective.code(), styles.bold());
            Cells.text(r, 1, objective.description(), styles.bold());
            Cells.text(r, 2, null, styles.bold());
            for (int p = 0; p < objective.results().size(); p++) {
                Cells.text(r, FIRST_PERIOD_COLUMN + 2 * p, null, styles.bold());
                Cells.percent(r, FIRST_PERIOD_COLUMN + 2 * p + 1, objective.results().get(p), styles.boldPercent());
            }
            for (int c = proRataColumn; c < proRataColumn + 4; c++) {
                Cells.text(r, c, null, styles.bold());
            }
            fitter.fit(r);
        }

        private void indicator(AndamentoRows.IndicatorLine indicator) {
            Row r = sheet.createRow(row++);
            Cells.text(r, 0, indicator.objectiveCode(), styles.text());
            Cells.text(r, 1, indicator.label(), styles.wrapped());
            Cells.text(r, 2, indicator.target(), styles.wrapped());
            for (int p = 0; p < indicator.periods().size(); p++) {
                AndamentoRows.PeriodValue value = indicator.periods().get(p);
                Cells.text(r, FIRST_PERIOD_COLUMN + 2 * p, value.value(), styles.wrapped());
                Cells.percent(r, FIRST_PERIOD_COLUMN + 2 * p + 1, value.achievement(), styles.percent());
            }
            Cells.number(r, proRataColumn, indicator.proRata(), styles.number());
            Cells.number(r, proRataColumn + 1, indicator.forecast(), styles.number());
            Cells.percent(r, proRataColumn + 2, indicator.forecastAchievement(), styles.percent());
            Cells.text(r, proRataColumn + 3, indicator.atRisk() ? "Sì" : null,
                    indicator.atRisk() ? atRisk : styles.text());
            fitter.fit(r);
        }
    }
}
