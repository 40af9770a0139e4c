package it.pa.monitor.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes one ufficio's filled monitoring workbook: the header block, then one row per indicator with a value
 * typed the way offices type it (text with Italian separators and units, or a native number, percent or date
 * cell); about 5 % of the values are left empty and 3 % are {@code N.C.}. A bad workbook gets one value that
 * intake must reject (text that is no value, or an error cell).
 */
final class MonitoringWorkbookWriter {

    private static final String[] COLUMNS = {"Codice obiettivo", "Obiettivo", "Codice indicatore", "Indicatore",
            "Unità di misura", "Peso", "Target", "Consuntivo", "Note"};
    private static final int VALUE_COLUMN = 7;

    private final WorkloadModel model;

    MonitoringWorkbookWriter(WorkloadModel model) {
        this.model = model;
    }

    /** Writes the workbook and returns how many values it carries (non-empty Consuntivo cells). */
    int write(WorkloadModel.GeneratedUnit unit, boolean bad, Path file) throws IOException {
        SplittableRandom random = model.random(unit.index(), 2);
        List<WorkloadModel.GeneratedIndicator> indicators = model.indicators(unit);
        int badRow = bad ? random.nextInt(indicators.size()) : -1;
        int values = 0;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = workbook.createSheet("Rilevazione");
            pair(sheet, 0, "Ente", WorkloadSpec.ENTE);
            pair(sheet, 1, "Unità organizzativa", unit.name());
            pair(sheet, 2, "Periodo", WorkloadSpec.PERIOD);
            pair(sheet, 3, "Data di riferimento", "31/12/" + WorkloadSpec.YEAR);
            pair(sheet, 4, "Compilato da", "Responsabile " + unit.code());
            Row compiled = sheet.createRow(5);
            compiled.createCell(0).setCellValue("Data compilazione");
            compiled.createCell(1).setCellValue(LocalDate.of(WorkloadSpec.YEAR + 1, 1, 10 + random.nextInt(20)));
            compiled.getCell(1).setCellStyle(date);
            Row header = sheet.createRow(7);
            for (int c = 0; c < COLUMNS.length; c++) {
                header.createCell(c).setCellValue(COLUMNS[c]);
            }
            double weight = 1.0 / indicators.size();
            for (int i = 0; i < indicators.size(); i++) {
                WorkloadModel.GeneratedIndicator indicator = indicators.get(i);
                Row row = sheet.createRow(8 + i);
                row.createCell(0).setCellValue(indicator.objective());
                row.createCell(1).setCellValue("Obiettivo operativo di " + unit.name());
                row.createCell(2).setCellValue(indicator.code());
                row.createCell(3).setCellValue(indicator.name());
                row.createCell(4).setCellValue(indicator.unitOfMeasure());
                row.createCell(5).setCellValue(weight);
                row.getCell(5).setCellStyle(percent);
                row.createCell(6).setCellValue(indicator.target());
                if (i == badRow) {
                    writeBad(row.createCell(VALUE_COLUMN), random);
                    values++;
                } else if (writeValue(row, indicator, random, percent, date)) {
                    values++;
                }
                if (random.nextInt(10) == 0) {
                    row.createCell(8).setCellValue(random.nextBoolean() ? "dato provvisorio"
                            : "fonte: gestionale, estrazione del " + WorkloadModel.italian(LocalDate.of(WorkloadSpec.YEAR + 1, 1, 9)));
                }
            }
            workbook.write(out);
        }
        return values;
    }

    /** Writes a well-formed value (or nothing: not yet reported); true when the cell holds a value. */
    private static boolean writeValue(Row row, WorkloadModel.GeneratedIndicator indicator, SplittableRandom random,
            CellStyle percent, CellStyle date) {
        int roll = random.nextInt(100);
        if (roll < 5) {
            return false;
        }
        Cell cell = row.createCell(VALUE_COLUMN);
        if (roll < 8) {
            cell.setCellValue(random.nextBoolean() ? "N.C." : "n.d.");
            return true;
        }
        int form = random.nextInt(4);
        double factor = 0.7 + 0.6 * random.nextDouble();
        switch (indicator.kind()) {
            case NUMBER -> {
                long value = Math.round(indicator.targetValue() * factor);
                switch (form) {
                    case 0, 1 -> cell.setCellValue(value);
                    case 2 -> cell.setCellValue(String.format(Locale.ITALY, "%,d", value));
                    default -> cell.setCellValue(String.format(Locale.ITALY, "%,.2f N.", (double) value));
                }
            }
            case DAYS -> {
                double value = Math.round(indicator.targetValue() * factor * 100) / 100.0;
                switch (form) {
                    case 0, 1 -> cell.setCellValue(value);
                    case 2 -> cell.setCellValue(String.format(Locale.ITALY, "%.2f gg", value));
                    default -> cell.setCellValue(String.format(Locale.ITALY, "%.2f", value));
                }
            }
            case PERCENT -> {
                double value = Math.min(1.0, indicator.targetValue() / 100 * (0.85 + 0.25 * random.nextDouble()));
                value = Math.round(value * 10_000) / 10_000.0;
                switch (form) {
                    case 0, 1 -> {
                        cell.setCellValue(value);
                        cell.setCellStyle(percent);
                    }
                    case 2 -> cell.setCellValue(String.format(Locale.ITALY, "%.2f %%", value * 100));
                    default -> cell.setCellValue(String.format(Locale.ITALY, "%.2f%%", value * 100));
                }
            }
            case DEADLINE -> {
                LocalDate done = LocalDate.ofEpochDay((long) indicator.targetValue()).plusDays(random.nextInt(40) - 25);
                switch (form) {
                    case 0 -> {
                        cell.setCellValue(done);
                        cell.setCellStyle(date);
                    }
                    case 1 -> cell.setCellValue(WorkloadModel.italian(done));
                    case 2 -> cell.setCellValue(WorkloadModel.italianWithDashes(done));
                    default -> cell.setCellValue("Realizzato");
                }
            }
            case YES_NO -> cell.setCellValue(switch (form) {
                case 0 -> "Sì";
                case 1 -> "Si";
                case 2 -> "No";
                default -> "Realizzato";
            });
        }
        return true;
    }

    /** A value no rule accepts: intake must reject the whole file. */
    private static void writeBad(Cell cell, SplittableRandom random) {
        switch (random.nextInt(3)) {
            case 0 -> cell.setCellValue("vedi allegato");
            case 1 -> cell.setCellValue("da definire con l'ufficio");
            default -> cell.setCellErrorValue(FormulaError.DIV0.getCode());
        }
    }

    private static void pair(Sheet sheet, int index, String label, String value) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(value);
    }
}
