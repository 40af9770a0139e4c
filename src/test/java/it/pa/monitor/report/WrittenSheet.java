package it.pa.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.report.sheets.SheetWriter;
import it.pa.monitor.results.ReportedValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test support for the sheet writers: writes one sheet to a file, reads it back and looks into it. */
public final class WrittenSheet {

    private WrittenSheet() {
    }

    /** Writes the sheet on a fresh in-memory workbook, saves it and returns the workbook read back. */
    public static XSSFWorkbook write(SheetWriter writer, ReportData data, Path folder) {
        Path file = folder.resolve(writer.name() + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            writer.write(workbook, data, new ReportStyles(workbook));
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return new XSSFWorkbook(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same data with one value in force replaced by text as an office might type it. */
    public static ReportData withValue(ReportData data, IndicatorKey key, String raw) {
        Map<IndicatorKey, ReportedValue> values = new HashMap<>(data.values());
        ReportedValue old = values.get(key);
        values.put(key, new ReportedValue(key, raw, old.fileName(), old.sha256(), old.sheet(), old.cell(),
                old.unitCode(), old.receivedAt()));
        return new ReportData(data.plan(), data.methodology(), data.period(), data.current(), data.history(),
                values, data.quality(), data.sources());
    }

    public static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null ? "" : cell.getStringCellValue();
    }

    /** The rows whose cell in {@code column} holds exactly this text. */
    public static List<Row> rowsWith(Sheet sheet, int column, String text) {
        List<Row> rows = new ArrayList<>();
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The first row at or below {@code from} whose cell in {@code column} starts with this text. */
    public static Optional<Row> rowStartingWith(Sheet sheet, int from, int column, String prefix) {
        for (int r = from; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            Cell cell = row == null ? null : row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith(prefix)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** The texts of a header row, from column A to its last cell. */
    public static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            texts.add(text(row, c));
        }
        return texts;
    }

    /** A numeric cell holding the published percentage as a fraction, within the display rounding. */
    public static void assertPercent(Cell cell, double published) {
        assertThat(cell.getCellType()).as("type of %s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).as("value of %s", cell.getAddress())
                .isCloseTo(published / 100, org.assertj.core.data.Offset.offset(0.00005));
        assertThat(cell.getCellStyle().getDataFormatString()).contains("%");
    }

    /** True when a green/yellow/red traffic light (three formula rules) covers the cell. */
    public static boolean hasTrafficLight(Sheet sheet, Cell cell) {
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        for (int i = 0; i < formatting.getNumConditionalFormattings(); i++) {
            ConditionalFormatting cf = formatting.getConditionalFormattingAt(i);
            for (CellRangeAddress range : cf.getFormattingRanges()) {
                if (range.isInRange(cell) && cf.getNumberOfRules() == 3
                        && cf.getRule(0).getFormula1().contains(">=0.9")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A4 landscape, one page wide, the title row frozen and repeated on every page. */
    public static void assertPrintSetup(Sheet sheet) {
        PrintSetup print = sheet.getPrintSetup();
        assertThat(print.getLandscape()).isTrue();
        assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(print.getFitWidth()).isEqualTo((short) 1);
        assertThat(print.getFitHeight()).isEqualTo((short) 0);
        assertThat(sheet.getFitToPage()).isTrue();
        assertThat(sheet.getPaneInformation()).isNotNull();
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        assertThat(((XSSFSheet) sheet).getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:1"));
    }
}
