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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.springframework.stereotype.Component;

/**
 * The {@code Albero} sheet, the "Albero della performance": one row per operational objective,
 * its strategic objective and ambito merged over their rows, each level with its result.
 */
@Component
public class AlberoSheet extends ReportSheet {

    static final String NAME = "Albero";
    static final List<String> HEADERS = List.of("Ambito Strategico (AS)", "Risultato AS",
            "Obiettivo strategico (OS)", "Risultato OS", "Obiettivo/Progetto operativo (OO/PO)", "Risultato OO/PO");

    /** Title, period line and the header row. */
    static final int HEADER_ROWS = 3;

    private static final int[] WIDTHS = {36, 15, 44, 15, 50, 15};
    /** The raccordo columns after the tree, each shown only when some OS of the plan fills it. */
    static final List<String> RACCORDO = List.of("Prospettiva BSC", "Missione", "Programma");
    private static final int[] RACCORDO_WIDTHS = {20, 28, 32};
    private static final int AS = 0;
    private static final int OS = 2;
    private static final int OO = 4;

    public AlberoSheet() {
        super(NAME, Mode.IN_MEMORY);
    }

    @Override
    void fill(Sheet sheet, ReportData data, ReportStyles styles) {
        Workbook workbook = sheet.getWorkbook();
        Plan plan = data.plan();
        Cells.text(Cells.row(sheet, 0), 0, "Albero della performance " + plan.year() + " – " + plan.ente(),
                styles.title());
        Cells.text(Cells.row(sheet, 1), 0, CardText.periodLine(data), styles.subtitle());
        Row header = Cells.row(sheet, HEADER_ROWS - 1);
        Cells.header(header, HEADERS, styles.header());
        List<Integer> raccordo = raccordoColumns(plan);
        int[] widths = java.util.Arrays.copyOf(WIDTHS, WIDTHS.length + raccordo.size());
        for (int i = 0; i < raccordo.size(); i++) {
            Cells.text(header, WIDTHS.length + i, RACCORDO.get(raccordo.get(i)), styles.header());
            widths[WIDTHS.length + i] = RACCORDO_WIDTHS[raccordo.get(i)];
        }
        // Merged cells read like the published tree and keep each description once; the heights
        // are set here because no office application fits a row to a merged cell's text. Each merge
        // covers one column over the rows of one ambito or OS, rows no other merge of that column
        // covers, so POI's check of every new merge against all earlier ones is skipped.
        CellStyle name = workbook.createCellStyle();
        name.cloneStyleFrom(styles.wrapped());
        name.setVerticalAlignment(VerticalAlignment.CENTER);
        CellStyle percent = workbook.createCellStyle();
        percent.cloneStyleFrom(styles.percent());
        percent.setVerticalAlignment(VerticalAlignment.CENTER);

        List<Block> blocks = new ArrayList<>();
        int rowIndex = HEADER_ROWS;
        for (Ambito ambito : plan.ambiti()) {
            int ambitoFirst = rowIndex;
            List<StrategicObjective> strategic = plan.strategicObjectives().stream()
                    .filter(os -> os.ambitoCode().equals(ambito.code())).toList();
            for (StrategicObjective os : strategic) {
                int osFirst = rowIndex;
                List<OperationalObjective> operational = plan.operationalObjectives().stream()
                        .filter(oo -> oo.strategicObjectiveCode().equals(os.code())).toList();
                for (OperationalObjective oo : operational) {
                    Row row = Cells.row(sheet, rowIndex);
                    String text = label(oo.code(), oo.description());
                    Cells.text(row, OO, text, name);
                    Cells.percent(row, OO + 1, result(data, Level.OBIETTIVO_OPERATIVO, oo.code()), percent);
                    blocks.add(new Block(rowIndex, rowIndex, text, WIDTHS[OO]));
                    rowIndex++;
                }
                if (operational.isEmpty()) {
                    Row row = Cells.row(sheet, rowIndex++);
                    Cells.text(row, OO, null, name);
                    Cells.text(row, OO + 1, null, percent);
                }
                blocks.add(level(sheet, osFirst, rowIndex - 1, OS, label(os.code(), os.description()),
                        result(data, Level.OBIETTIVO_STRATEGICO, os.code()), name, percent));
                for (int i = 0; i < raccordo.size(); i++) {
                    String text = raccordoText(os, raccordo.get(i));
                    int column = WIDTHS.length + i;
                    spanned(sheet, osFirst, rowIndex - 1, column, text, name);
                    blocks.add(new Block(osFirst, rowIndex - 1, text, widths[column]));
                }
            }
            if (strategic.isEmpty()) {
                Row row = Cells.row(sheet, rowIndex++);
                for (int c = OS; c <= OO + 1; c++) {
                    Cells.text(row, c, null, c % 2 == 0 ? name : percent);
                }
                for (int i = 0; i < raccordo.size(); i++) {
                    Cells.text(row, WIDTHS.length + i, null, name);
                }
            }
            blocks.add(level(sheet, ambitoFirst, rowIndex - 1, AS, label(ambito.code(), ambito.description()),
                    result(data, Level.AMBITO, ambito.code()), name, percent));
        }
        heights(sheet, blocks, HEADER_ROWS, rowIndex - 1);
        if (rowIndex > HEADER_ROWS) {
            for (int column : new int[] {AS + 1, OS + 1, OO + 1}) {
                TrafficLights.apply(sheet, new CellRangeAddress(HEADER_ROWS, rowIndex - 1, column, column),
                        data.methodology());
            }
        }
        PrintSetup.apply(sheet, HEADER_ROWS, widths);
    }

    /** The indexes (into {@link #RACCORDO}) of the raccordo columns some OS of the plan fills. */
    static List<Integer> raccordoColumns(Plan plan) {
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < RACCORDO.size(); i++) {
            int index = i;
            if (plan.strategicObjectives().stream().anyMatch(os -> !raccordoText(os, index).isEmpty())) {
                columns.add(i);
            }
        }
        return columns;
    }

    private static String raccordoText(StrategicObjective os, int index) {
        return switch (index) {
            case 0 -> os.bscPerspective() == null ? "" : os.bscPerspective();
            case 1 -> CardText.coded(os.missione());
            default -> CardText.coded(os.programma());
        };
    }

    /** A text over rows {@code first..last} of one column, merged when it spans several rows. */
    private static void spanned(Sheet sheet, int first, int last, int column, String text, CellStyle style) {
        Cells.text(Cells.row(sheet, first), column, text, style);
        for (int r = first + 1; r <= last; r++) {
            Cells.text(Cells.row(sheet, r), column, null, style);
        }
        if (last > first) {
            sheet.addMergedRegionUnsafe(new CellRangeAddress(first, last, column, column));
        }
    }

    /** "code – description", or the code alone. */
    static String label(String code, String description) {
        return description == null || description.isBlank() ? code : code + " – " + description.strip();
    }

    /** A text spanning some rows, to be fitted into them. */
    private record Block(int firstRow, int lastRow, String text, int width) {
    }

    /** Writes a level's name and result over {@code first..last}, merged when it spans several rows. */
    private static Block level(Sheet sheet, int first, int last, int column, String text, BigDecimal result,
                               CellStyle name, CellStyle percent) {
        Row row = Cells.row(sheet, first);
        Cells.text(row, column, text, name);
        Cells.percent(row, column + 1, result, percent);
        for (int r = first + 1; r <= last; r++) {
            Row below = Cells.row(sheet, r);
            Cells.text(below, column, null, name);
            Cells.text(below, column + 1, null, percent);
        }
        if (last > first) {
            sheet.addMergedRegionUnsafe(new CellRangeAddress(first, last, column, column));
            sheet.addMergedRegionUnsafe(new CellRangeAddress(first, last, column + 1, column + 1));
        }
        return new Block(first, last, text, WIDTHS[column]);
    }

    /**
     * Every row as tall as its tallest single-row text; then each merged text that still does not
     * fit has the missing lines shared among its rows (inner levels first, as they were added).
     */
    private static void heights(Sheet sheet, List<Block> blocks, int first, int last) {
        if (last < first) {
            return;
        }
        int[] lines = new int[last - first + 1];
        Arrays.fill(lines, 1);
        for (Block block : blocks) {
            if (block.firstRow() == block.lastRow()) {
                int i = block.firstRow() - first;
                lines[i] = Math.max(lines[i], WrappedRows.lines(block.text(), block.width()));
            }
        }
        for (Block block : blocks) {
            if (block.firstRow() == block.lastRow()) {
                continue;
            }
            int needed = WrappedRows.lines(block.text(), block.width());
            int span = block.lastRow() - block.firstRow() + 1;
            int have = 0;
            for (int r = block.firstRow(); r <= block.lastRow(); r++) {
                have += lines[r - first];
            }
            for (int missing = needed - have, k = 0; missing > 0; missing--, k = (k + 1) % span) {
                lines[block.firstRow() - first + k]++;
            }
        }
        for (int i = 0; i < lines.length; i++) {
            Cells.row(sheet, first + i).setHeightInPoints(WrappedRows.points(lines[i]));
        }
    }

    private static BigDecimal result(ReportData data, Level level, String code) {
        return data.item(level, code).map(ItemResult::achievement).orElse(null);
    }
}
