package it.pa.monitor.report.sheets;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.CardText;
import it.pa.monitor.report.layout.Cells;
import it.pa.monitor.report.layout.PrintSetup;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.report.layout.TrafficLights;
import it.pa.monitor.report.layout.WrappedRows;
import it.pa.monitor.results.EarlierYears;
import it.pa.monitor.results.ReportedValue;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.values.ItalianFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.springframework.stereotype.Component;

/**
 * "Confronto anni" (FORMATS.md §5, 7a): the results of the ente, ambiti, strategic objectives and
 * units year after year, matched by code ({@code non presente} where a year lacks the code), the
 * indicators marked {@code Significativo} with their values of each year as typed, and a line chart
 * of the ente and the ambiti. Written only when an earlier year is known (in H2 or in {@code Storico}).
 */
@Component
public class ConfrontoAnniSheet extends ReportSheet {

    static final String NAME = "Confronto anni";
    static final String RESULTS = "RISULTATI NEGLI ANNI";
    static final String SIGNIFICANT = "INDICATORI PIÙ SIGNIFICATIVI";
    static final String MISSING = "non presente";
    /** At most this many earlier years side by side (the reports show three or four years). */
    static final int EARLIER_YEARS = 3;

    private static final int[] NAME_WIDTHS = {20, 16, 50};
    private static final int YEAR_WIDTH = 14;
    private static final int FIRST_YEAR = NAME_WIDTHS.length;
    /** The chart's numbers (blank where a year lacks the item) sit in hidden columns this far right. */
    private static final int CHART_DATA = 20;

    public ConfrontoAnniSheet() {
        super(NAME, Mode.IN_MEMORY);
    }

    /** The earlier years shown, oldest first: the most recent {@link #EARLIER_YEARS} known. */
    static List<Integer> earlierYears(ReportData data) {
        List<Integer> years = data.earlierYears().years();
        return years.subList(Math.max(0, years.size() - EARLIER_YEARS), years.size());
    }

    @Override
    boolean appliesTo(ReportData data) {
        return !data.earlierYears().isEmpty();
    }

    @Override
    void fill(Sheet sheet, ReportData data, ReportStyles styles) {
        Workbook workbook = sheet.getWorkbook();
        List<Integer> years = earlierYears(data);
        int[] widths = new int[FIRST_YEAR + years.size() + 2];
        System.arraycopy(NAME_WIDTHS, 0, widths, 0, NAME_WIDTHS.length);
        java.util.Arrays.fill(widths, FIRST_YEAR, widths.length, YEAR_WIDTH);
        PrintSetup.apply(sheet, 1, widths);
        Cells.text(Cells.row(sheet, 0), 0, CardText.sheetTitle(NAME, data), styles.title());
        CellStyle missing = workbook.createCellStyle();
        missing.cloneStyleFrom(styles.text());
        Font grey = workbook.createFont();
        grey.setFontName("Calibri");
        grey.setFontHeightInPoints((short) 10);
        grey.setItalic(true);
        grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        missing.setFont(grey);
        missing.setAlignment(HorizontalAlignment.RIGHT);

        Writer writer = new Writer(sheet, data, styles, missing, years);
        CardText.KeepTogether pages = new CardText.KeepTogether(sheet, widths.length);
        int next = writer.results(2);
        pages.block(2, next - 1);
        int significant = next + 1;
        next = writer.significant(significant);
        pages.block(significant, next - 1); // the table of significant indicators on one page when it fits
        if (sheet instanceof XSSFSheet xssf) {
            writer.chart(xssf, next + 1);
        }
    }

    /** Writes the two tables, remembering the ente and ambiti rows for the chart. */
    private static final class Writer {
        // Here, not in the bean: PresetColor starts POI's XML schema types (0.6 s), which every command paid
        // at start-up when the bean was made; now only a chart written pays it.
        private static final PresetColor[] COLOURS = {PresetColor.MIDNIGHT_BLUE, PresetColor.STEEL_BLUE,
            PresetColor.DARK_ORANGE, PresetColor.SEA_GREEN, PresetColor.FIREBRICK, PresetColor.GOLDENROD,
            PresetColor.DARK_VIOLET, PresetColor.GRAY};
        private final Sheet sheet;
        private final ReportData data;
        private final ReportStyles styles;
        private final CellStyle missing;
        private final List<Integer> years;
        private final int year;
        private final List<Integer> chartRows = new ArrayList<>();
        private int headerRow;

        Writer(Sheet sheet, ReportData data, ReportStyles styles, CellStyle missing, List<Integer> years) {
            this.sheet = sheet;
            this.data = data;
            this.styles = styles;
            this.missing = missing;
            this.years = years;
            this.year = data.plan().year();
        }

        /** The header of the report's own year: {@code 2025}, or {@code 2025 al 30/06} at an interim period. */
        private String currentYear() {
            return data.period().isYearEnd() ? Integer.toString(year)
                    : year + " al " + ItalianFormat.dayMonth(data.period().referenceDate());
        }

        int results(int first) {
            int next = first;
            Cells.text(Cells.row(sheet, next++), 0, RESULTS, styles.subtitle());
            headerRow = next;
            Row header = Cells.row(sheet, next++);
            List<String> titles = new ArrayList<>(List.of("Livello", "Codice", "Descrizione"));
            years.forEach(y -> titles.add(Integer.toString(y)));
            titles.add(currentYear());
            Cells.header(header, titles, styles.header());
            int firstData = next;
            Plan plan = data.plan();
            chartRows.add(next);
            next = line(next, Level.ENTE, plan.ente(), "", plan.ente());
            for (Ambito ambito : plan.ambiti()) {
                chartRows.add(next);
                next = line(next, Level.AMBITO, ambito.code(), ambito.code(), ambito.description());
            }
            for (StrategicObjective os : StrategicCardsSheet.inTreeOrder(plan)) {
                next = line(next, Level.OBIETTIVO_STRATEGICO, os.code(), os.code(), os.description());
            }
            for (OrgUnit unit : plan.units()) {
                next = line(next, Level.UNITA, unit.code(), unit.code(), unit.name());
            }
            TrafficLights.apply(sheet, new CellRangeAddress(firstData, next - 1, FIRST_YEAR,
                    FIRST_YEAR + years.size()), data.methodology());
            return next;
        }

        private int line(int index, Level level, String code, String shownCode, String description) {
            Row row = Cells.row(sheet, index);
            Cells.text(row, 0, level.label(), styles.text());
            Cells.text(row, 1, shownCode, styles.text());
            Cells.text(row, 2, description, styles.wrapped());
            for (int i = 0; i < years.size(); i++) {
                Optional<EarlierYears.Entry> entry = data.earlierYears().find(years.get(i), level, code);
                int column = FIRST_YEAR + i;
                if (entry.isPresent() && entry.get().result() != null) {
                    Cells.percent(row, column, entry.get().result(), styles.percent());
                } else {
                    Cells.text(row, column, MISSING, missing);
                }
            }
            Optional<ItemResult> current = data.item(level, code);
            Cells.percent(row, FIRST_YEAR + years.size(), current.map(ItemResult::achievement).orElse(null),
                    styles.percent());
            WrappedRows.fit(row, WrappedRows.lines(description, NAME_WIDTHS[2]));
            return index + 1;
        }

        int significant(int first) {
            int next = first;
            Cells.text(Cells.row(sheet, next++), 0, SIGNIFICANT, styles.subtitle());
            List<Indicator> significant = data.plan().indicators().stream().filter(Indicator::significant).toList();
            if (significant.isEmpty()) {
                Cells.text(Cells.row(sheet, next++), 0, "Nessun indicatore del piano è segnato come «Significativo» "
                        + "(colonna Significativo del foglio Indicatori).", styles.text());
                return next;
            }
            Row header = Cells.row(sheet, next++);
            List<String> titles = new ArrayList<>(List.of("Indicatore", "", "", "Target " + year,
                    "Risultato " + currentYear()));
            for (int i = years.size() - 1; i >= 0; i--) {
                titles.add("Risultato " + years.get(i));
            }
            Cells.header(header, titles, styles.header());
            sheet.addMergedRegion(new CellRangeAddress(header.getRowNum(), header.getRowNum(), 0, 2));
            for (Indicator indicator : significant) {
                Row row = Cells.row(sheet, next++);
                String name = CardText.joined(indicator.key().reference(), indicator.name(), " – ");
                Cells.text(row, 0, name, styles.wrapped());
                Cells.text(row, 1, null, styles.wrapped());
                Cells.text(row, 2, null, styles.wrapped());
                sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, 2));
                Cells.text(row, FIRST_YEAR, indicator.target().raw(), styles.wrapped());
                ReportedValue value = data.values().get(indicator.key());
                if (value == null) {
                    Cells.text(row, FIRST_YEAR + 1, "non rilevato", missing);
                } else {
                    Cells.text(row, FIRST_YEAR + 1, value.raw(), styles.wrapped());
                }
                int column = FIRST_YEAR + 2;
                for (int i = years.size() - 1; i >= 0; i--, column++) {
                    Optional<String> earlier = data.earlierYears()
                            .find(years.get(i), Level.INDICATORE, indicator.key().reference()).map(Writer::asTyped);
                    if (earlier.isPresent()) {
                        Cells.text(row, column, earlier.get(), styles.wrapped());
                    } else {
                        Cells.text(row, column, MISSING, missing);
                    }
                }
                WrappedRows.fit(row, WrappedRows.lines(name, NAME_WIDTHS[0] + NAME_WIDTHS[1] + NAME_WIDTHS[2]));
            }
            return next;
        }

        /** The value as typed; a Storico row with only a result shows the percentage. */
        private static String asTyped(EarlierYears.Entry entry) {
            if (entry.value() != null) {
                return entry.value();
            }
            return entry.result() == null ? null : ItalianFormat.number(entry.result()) + " %";
        }

        /** The value axis starts at the tenth below the lowest result shown (results cluster near 100 %). */
        private double axisMinimum(XSSFSheet xssf, int columns) {
            double lowest = 1;
            for (int row : chartRows) {
                for (int c = 0; c < columns; c++) {
                    var cell = xssf.getRow(row).getCell(CHART_DATA + c);
                    if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        lowest = Math.min(lowest, cell.getNumericCellValue());
                    }
                }
            }
            return Math.max(0, Math.floor((lowest - 0.05) * 10) / 10);
        }

        /**
         * A line per ente and ambito across the years. Its numbers are copied to hidden columns with
         * blanks where a year lacks the item ("non presente" would be drawn as 0), plotted as gaps.
         */
        void chart(XSSFSheet xssf, int top) {
            int columns = years.size() + 1;
            for (int row : chartRows) {
                Row source = xssf.getRow(row);
                for (int c = 0; c < columns; c++) {
                    var cell = source.getCell(FIRST_YEAR + c);
                    var copy = source.createCell(CHART_DATA + c);
                    if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        copy.setCellValue(cell.getNumericCellValue());
                    }
                }
            }
            for (int c = 0; c < columns; c++) {
                xssf.setColumnHidden(CHART_DATA + c, true);
            }
            XSSFDrawing drawing = xssf.createDrawingPatriarch();
            int height = Math.max(16, 8 + chartRows.size());
            xssf.setRowBreak(top - 1);
            XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 0, top, FIRST_YEAR + columns, top
                    + height));
            chart.setTitleText("Risultati dell'ente e degli ambiti negli anni");
            chart.setTitleOverlay(false);
            chart.displayBlanksAs(DisplayBlanks.GAP);
            var ct = chart.getCTChart();
            (ct.isSetPlotVisOnly() ? ct.getPlotVisOnly() : ct.addNewPlotVisOnly()).setVal(false); // hidden data columns
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
            XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
            double minimum = axisMinimum(xssf, columns);
            values.setMinimum(minimum);
            values.setMaximum(1);
            values.setMajorUnit(minimum >= 0.8 ? 0.02 : minimum >= 0.5 ? 0.1 : 0.2);
            values.setNumberFormat("0%");
            values.getOrAddMajorGridProperties();
            XDDFLineChartData lines = (XDDFLineChartData) chart.createData(ChartTypes.LINE, categories, values);
            lines.setVaryColors(false);
            String[] labels = new String[columns];
            for (int c = 0; c < columns; c++) {
                labels[c] = xssf.getRow(headerRow).getCell(FIRST_YEAR + c).getStringCellValue();
            }
            String categoryRange = new CellRangeAddress(headerRow, headerRow, FIRST_YEAR, FIRST_YEAR + columns - 1)
                    .formatAsString(NAME, true);
            for (int row : chartRows) {
                Double[] numbers = new Double[columns];
                for (int c = 0; c < columns; c++) {
                    var cell = xssf.getRow(row).getCell(CHART_DATA + c);
                    numbers[c] = cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            ? cell.getNumericCellValue() : null;
                }
                String valueRange = new CellRangeAddress(row, row, CHART_DATA, CHART_DATA + columns - 1)
                        .formatAsString(NAME, true);
                var series = (XDDFLineChartData.Series) lines.addSeries(
                        XDDFDataSourcesFactory.fromArray(labels, categoryRange),
                        XDDFDataSourcesFactory.fromArray(numbers, valueRange));
                String title = row == chartRows.get(0) ? "Ente" : xssf.getRow(row).getCell(1).getStringCellValue();
                series.setTitle(title, new CellReference(NAME, row, row == chartRows.get(0) ? 0 : 1, true, true));
                series.setMarkerStyle(MarkerStyle.CIRCLE);
                series.setSmooth(false);
                // Explicit colours: without them LibreOffice draws every series alike and without its line.
                XDDFSolidFillProperties fill = new XDDFSolidFillProperties(XDDFColor.from(
                        COLOURS[chartRows.indexOf(row) % COLOURS.length]));
                XDDFLineProperties line = new XDDFLineProperties(fill);
                line.setWidth(row == chartRows.get(0) ? 3.0 : 2.0);
                XDDFShapeProperties shape = series.getShapeProperties() == null ? new XDDFShapeProperties()
                        : series.getShapeProperties();
                shape.setLineProperties(line);
                series.setShapeProperties(shape);
                var marker = series.getCTLineSer().isSetMarker() ? series.getCTLineSer().getMarker()
                        : series.getCTLineSer().addNewMarker();
                XDDFShapeProperties markerShape = new XDDFShapeProperties();
                markerShape.setFillProperties(fill);
                markerShape.setLineProperties(new XDDFLineProperties(fill));
                marker.setSpPr(markerShape.getXmlObject());
            }
            chart.plot(lines);
            chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt().setSourceLinked(false);
        }
    }
}
