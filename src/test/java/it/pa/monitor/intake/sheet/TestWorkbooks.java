package it.pa.monitor.intake.sheet;

import it.pa.monitor.ScriptWrittenFormulas;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFFormulaEvaluator;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Real workbooks written with POI for the reader tests: rows given as plain Java values. */
public final class TestWorkbooks {

    /** A formula cell; its cached value is computed before the file is saved. */
    public record Formula(String formula) {
    }

    /** A number shown with a percent format (0.9583 shown 95,83%). */
    record Percent(double value) {
    }

    /** An error cell as Excel writes it, with no formula behind it. */
    record Error(byte code) {
    }

    private TestWorkbooks() {
    }

    public static Path xlsx(Path dir, String fileName, Consumer<Workbook> content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            content.accept(workbook);
            XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
            return save(workbook, dir.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A workbook as a script (openpyxl) writes it: every formula saved with an empty cached value,
     * as {@code <f>…</f><v></v>}; nothing is evaluated before saving.
     */
    public static Path xlsxAsScript(Path dir, String fileName, Consumer<Workbook> content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            content.accept(workbook);
            return ScriptWrittenFormulas.dropCachedValues(save(workbook, dir.resolve(fileName)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path xls(Path dir, String fileName, Consumer<Workbook> content) {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            content.accept(workbook);
            HSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
            return save(workbook, dir.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path save(Workbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    /** A new sheet holding {@code rows} from its first row (a null row is left out, a null value too). */
    public static Sheet sheet(Workbook workbook, String name, Object[]... rows) {
        Sheet sheet = workbook.createSheet(name);
        put(sheet, 0, 0, rows);
        return sheet;
    }

    /** Writes {@code rows} from 0-based row {@code firstRow} and column {@code firstColumn}. */
    static void put(Sheet sheet, int firstRow, int firstColumn, Object[]... rows) {
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                continue;
            }
            Row row = sheet.getRow(firstRow + r) != null ? sheet.getRow(firstRow + r) : sheet.createRow(firstRow + r);
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] != null) {
                    set(row.createCell(firstColumn + c), rows[r][c]);
                }
            }
        }
    }

    /** A workbook written by POI with one sheet, whose XML is then replaced by {@code sheetXml}. */
    public static Path withSheetXml(Path dir, String name, String sheetXml) throws IOException {
        Path base = xlsx(dir, "base-" + name, wb -> sheet(wb, "Foglio", row("Consuntivo")));
        return withPart(base, dir.resolve(name), "xl/worksheets/sheet1.xml",
                sheetXml.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@code from} copied to {@code to} with the part {@code name} holding {@code content}: replaced, or added. */
    public static Path withPart(Path from, Path to, String name, byte[] content) throws IOException {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(from));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(to))) {
            boolean replaced = false;
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                if (e.getName().equals(name)) {
                    out.write(content);
                    replaced = true;
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            if (!replaced) {
                out.putNextEntry(new java.util.zip.ZipEntry(name));
                out.write(content);
                out.closeEntry();
            }
        }
        return to;
    }

    public static Object[] row(Object... values) {
        return values;
    }

    static void merge(Sheet sheet, String range) {
        sheet.addMergedRegion(CellRangeAddress.valueOf(range));
    }

    private static void set(Cell cell, Object value) {
        Workbook workbook = cell.getSheet().getWorkbook();
        if (value instanceof String text) {
            cell.setCellValue(text);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(style(workbook, "dd/mm/yyyy"));
        } else if (value instanceof Percent percent) {
            cell.setCellValue(percent.value());
            cell.setCellStyle(style(workbook, "0.00%"));
        } else if (value instanceof Formula formula) {
            cell.setCellFormula(formula.formula());
        } else if (value instanceof Error error) {
            cell.setCellErrorValue(error.code());
        } else {
            throw new IllegalArgumentException("unsupported test value " + value);
        }
    }

    private static CellStyle style(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    /** A workbook encrypted with a password, as Excel's "Proteggi con password" saves it. */
    public static Path passwordProtected(Path dir, String fileName) {
        Path file = dir.resolve(fileName);
        try (POIFSFileSystem fs = new POIFSFileSystem();
             XSSFWorkbook workbook = new XSSFWorkbook()) {
            sheet(workbook, "Rilevazione", row("Codice indicatore", "Consuntivo"), row("IND_01", 1));
            Encryptor encryptor = new EncryptionInfo(
                    EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("segreta");
            try (OutputStream encrypted = encryptor.getDataStream(fs)) {
                workbook.write(encrypted);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    /** A valid workbook whose sheet XML inflates 64 MB from about 65 KB (more than 1000:1). */
    public static Path zipBomb(Path dir, String fileName) {
        Path valid = xlsx(dir, "valido-" + fileName, wb -> sheet(wb, "Rilevazione",
                row("Codice indicatore", "Consuntivo"), row("IND_01", 1)));
        Path bomb = dir.resolve(fileName);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(valid));
             ZipOutputStream out = new ZipOutputStream(
                     Files.newOutputStream(bomb))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    writeBombSheet(out, 64L * 1024 * 1024);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            Files.delete(valid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bomb;
    }

    /**
     * {@code valid} with its first sheet grown past {@code expanded} bytes of XML by rows whose only cell, in column
     * Z, holds 2 000 characters, a tenth of them random: blank rows for any table, an ordinary compression ratio
     * (about 1:10), so that only a part's size limit can stop a reader. {@code firstRow}: the first row added.
     */
    public static Path grownPast(Path valid, Path target, long expanded, int firstRow) {
        int rows = (int) (expanded / 2_000) + 5_000;
        Random random = new Random(11);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(valid));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            out.setLevel(Deflater.BEST_SPEED);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    int end = xml.indexOf("</sheetData>");
                    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    writer.write(xml, 0, end);
                    String filler = "x".repeat(1_800);
                    for (int r = firstRow; r < firstRow + rows; r++) {
                        writer.write("<row r=\"" + r + "\"><c r=\"Z" + r + "\" t=\"inlineStr\"><is><t>");
                        for (int i = 0; i < 25; i++) {
                            writer.write(Long.toHexString(random.nextLong()));
                        }
                        writer.write(filler);
                        writer.write("</t></is></c></row>");
                    }
                    writer.write(xml.substring(end));
                    writer.flush();
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** A worksheet part of {@code expanded} bytes of blanks: compresses over 1 000 to 1, a zip bomb for POI. */
    public static void writeBombSheet(OutputStream out, long expanded) throws IOException {
        out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                .getBytes(StandardCharsets.UTF_8));
        byte[] spaces = new byte[1 << 20];
        Arrays.fill(spaces, (byte) ' ');
        for (long written = 0; written < expanded; written += spaces.length) {
            out.write(spaces);
        }
        out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
    }

    /** A Rilevazione sheet with {@code dataRows} rows IND_1.. written with SXSSF (bounded memory). */
    public static Path rows(Path dir, String fileName, int dataRows) {
        Path file = dir.resolve(fileName);
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            Sheet sheet = workbook.createSheet("Rilevazione");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Codice indicatore");
            header.createCell(1).setCellValue("Consuntivo");
            for (int i = 1; i <= dataRows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("IND_" + i);
                row.createCell(1).setCellValue(i);
            }
            save(workbook, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                workbook.close();
            } catch (IOException e) {
                // the temporary files of SXSSF are gone with the test folder
            }
        }
        return file;
    }
}
