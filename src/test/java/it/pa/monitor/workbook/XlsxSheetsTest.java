package it.pa.monitor.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pa.monitor.values.CellValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link XlsxSheets} reads every kind of cell as the streaming reader it replaces for plans
 * ({@link WorkbookFiles#streamXlsx}) does, through the same {@link WorkbookCells}.
 */
class XlsxSheetsTest {

    @TempDir
    private Path temp;

    @Test
    void everyKindOfCellReadsAsWithTheStreamingReader() throws IOException {
        Path file = temp.resolve("celle.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            fill(workbook);
            save(workbook, file);
        }
        Map<String, List<String>> parsed = readAll(file);

        assertThat(parsed).isEqualTo(readStreamed(file));
        List<String> celle = parsed.get("Celle");
        assertThat(celle).contains(
                "1:0=" + CellValue.text("Codice"),
                "2:1=" + new CellValue("12,5 %", new BigDecimal("0.125"), true, null, null),
                "2:2=" + new CellValue("15/03/2025", null, false, LocalDate.of(2025, 3, 15), null),
                "2:3=" + CellValue.text("Sì"),
                "2:4=" + new CellValue("#DIV/0!", null, false, null, "#DIV/0!"),
                "2:5=" + CellValue.unevaluatedFormula("B2*2"),
                "3:0=" + CellValue.text("a capo\rqui"),
                "3:1=" + new CellValue("1234,5", new BigDecimal("1234.5"), false, null, null));
        assertThat(parsed.get("Vuoto")).isEmpty();
    }

    @Test
    void inlineStringsOfAStreamedWorkbookReadAsWithTheStreamingReader() throws IOException {
        Path file = temp.resolve("inline.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook()) {
            fill(workbook);
            save(workbook, file);
        }
        assertThat(String.join("\n", entry(file, "xl/worksheets/sheet1.xml"))).contains("inlineStr");
        Map<String, List<String>> parsed = readAll(file);

        assertThat(parsed).isEqualTo(readStreamed(file));
        assertThat(parsed.get("Celle")).contains("1:0=" + CellValue.text("Codice"));
    }

    /** Cells as scripts and other programs write them: no r attributes, cached values of formulas, odd types. */
    @Test
    void handWrittenSheetXmlReadsAsWithTheStreamingReader() throws IOException {
        String sheet = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="B1:F6"/>
                <sheetData>
                <row r="1"><c t="s"><v>0</v></c><c t="inlineStr"><is><r><t>ric</t></r><r><t>co</t></r></is></c>
                <c><f>1+1</f><v>2</v></c><c t="str"><f>A1&amp;""</f><v>testo</v></c><c t="b"><f>TRUE()</f><v>1</v></c></row>
                <row><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c t="e"><v>#N/A</v></c><c t="e"><v>#STRANO</v></c>
                <c><f>2*3</f><v></v></c><c t="str"><f>""</f><v></v></c></row>
                <row r="5" hidden="1"><c r="A5"><v> 7 </v></c><c r="C5"><f t="shared" ref="C5:C6" si="0">A5*2</f><v>14</v></c>
                <c r="D5" t="b"><v>0</v></c><c r="E5" t="s"><v></v></c><c r="F5"/></row>
                <row r="6"><c r="C6"><f t="shared" si="0"/></c><c r="D6" t="s"><v>0</v></c><c r="D6"><v>3</v></c></row>
                </sheetData></worksheet>""";
        Path file = withSheetXml("scritto.xlsx", sheet);

        Map<String, List<String>> parsed = readAll(file);

        assertThat(parsed).isEqualTo(readStreamed(file));
        assertThat(parsed.get("Foglio")).contains(
                "1:1=" + CellValue.text("condivisa"),
                "1:2=" + CellValue.text("ricco"),
                "2:2=" + new CellValue("#N/A", null, false, null, "#N/A"),
                "2:3=" + new CellValue("#STRANO", null, false, null, "#STRANO"),
                "2:4=" + CellValue.unevaluatedFormula("2*3"),
                "5:0=" + new CellValue("7", new BigDecimal("7"), false, null, null),
                "6:3=" + new CellValue("3", new BigDecimal("3"), false, null, null));
        assertThat(parsed.get("Foglio")).filteredOn(line -> line.startsWith("2:")).hasSize(5);
    }

    @Test
    void textInCdataReadsAsText() throws IOException {
        Path file = withSheetXml("cdata.xlsx", """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[Tasso <medio>]]></t></is></c>
                <c r="B1"><v><![CDATA[12]]></v></c></row></sheetData></worksheet>""");

        assertThat(readAll(file).get("Foglio")).contains(
                "1:0=" + CellValue.text("Tasso <medio>"),
                "1:1=" + new CellValue("12", new BigDecimal("12"), false, null, null));
    }

    @Test
    void aColumnBeyondExcelsLastIsRefusedNotSizedFor() throws IOException {
        // ZZZZZZ is column 321 272 405 (Excel stops at XFD, 16 384): a malformed file, left to the streaming reader.
        Path file = withSheetXml("colonna.xlsx", """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="ZZZZZZ1"><v>1</v></c></row></sheetData></worksheet>""");

        try (XlsxSheets sheets = XlsxSheets.open(file)) {
            Iterator<Row> rows = sheets.rows("Foglio");
            assertThatThrownBy(rows::hasNext).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("column out of range");
        }
    }

    @Test
    void aDateWrittenAsIsoTextIsLeftToTheStreamingReader() throws IOException {
        Path file = withSheetXml("iso.xlsx", """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="d"><v>2025-03-15T00:00:00</v></c></row></sheetData></worksheet>""");

        try (XlsxSheets sheets = XlsxSheets.open(file)) {
            Iterator<Row> rows = sheets.rows("Foglio");
            assertThatThrownBy(rows::hasNext).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void onlyZipPackagesThatAreNotOpenDocumentAreTakenOn() throws IOException {
        Path text = Files.writeString(temp.resolve("testo.xlsx"), "non è un foglio");
        assertThat(XlsxSheets.mayRead(text)).isFalse();
        assertThat(XlsxSheets.mayRead(Path.of("src/test/resources/ods/celle.ods"))).isFalse();
        Path xlsx = temp.resolve("vero.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Foglio");
            save(workbook, xlsx);
        }
        assertThat(XlsxSheets.mayRead(xlsx)).isTrue();
    }

    /** Merged regions come after the rows in the sheet XML: known once the rows are read, as with the streaming reader. */
    @Test
    void mergedRegionsOfAHandWrittenSheetAreKnownOnceItsRowsAreRead() throws IOException {
        Path file = withSheetXml("unite.xlsx", """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><t>OO_01</t></is></c><c r="B1"><v>1</v></c></row>
                <row r="2"><c r="B2"><v>2</v></c></row>
                <row r="3"><c r="B3"><v>3</v></c></row>
                </sheetData><mergeCells count="4"><mergeCell ref="A1:A3"/><mergeCell ref="C1:E1"/>
                <mergeCell ref="A1:A3"/><mergeCell ref="$F$10:$G$12"/></mergeCells></worksheet>""");

        try (XlsxSheets sheets = XlsxSheets.open(file)) {
            XlsxSheets.SheetRows rows = sheets.rows("Foglio");
            assertThat(rows.mergedRegions()).isEmpty();
            int read = 0;
            while (rows.hasNext()) {
                rows.next();
                read++;
            }
            assertThat(read).isEqualTo(3);
            // A1:A3 written twice counts once; the absolute reference is the same region without its dollars.
            assertThat(rows.mergedRegions()).extracting(CellRangeAddress::formatAsString)
                    .containsExactly("A1:A3", "C1:E1", "F10:G12");
            assertThat(rows.mergedRegions()).isEqualTo(streamedMergedRegions(file, "Foglio"));
        }
    }

    @Test
    void mergedRegionsWrittenByPoiReadAsWithTheStreamingReader() throws IOException {
        Path file = temp.resolve("unite-poi.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Rilevazione");
            for (int r = 0; r < 250; r++) {
                sheet.createRow(r).createCell(0).setCellValue("riga " + r);
            }
            sheet.addMergedRegion(CellRangeAddress.valueOf("A2:A4"));
            sheet.addMergedRegion(CellRangeAddress.valueOf("B2:C2"));
            sheet.addMergedRegion(CellRangeAddress.valueOf("A200:A250"));
            workbook.createSheet("Senza");
            save(workbook, file);
        }
        try (XlsxSheets sheets = XlsxSheets.open(file)) {
            for (String name : List.of("Rilevazione", "Senza")) {
                XlsxSheets.SheetRows rows = sheets.rows(name);
                rows.forEachRemaining(row -> { });
                assertThat(rows.mergedRegions()).isEqualTo(streamedMergedRegions(file, name));
            }
            XlsxSheets.SheetRows rows = sheets.rows("Rilevazione");
            rows.forEachRemaining(row -> { });
            assertThat(rows.mergedRegions()).extracting(CellRangeAddress::formatAsString)
                    .containsExactly("A2:A4", "B2:C2", "A200:A250");
        }
    }

    @Test
    void aMalformedMergedRegionIsRefused() throws IOException {
        Path file = withSheetXml("unite-rotte.xlsx", """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1"><v>1</v></c></row></sheetData>
                <mergeCells count="1"><mergeCell ref="non:valido"/></mergeCells></worksheet>""");

        try (XlsxSheets sheets = XlsxSheets.open(file)) {
            Iterator<Row> rows = sheets.rows("Foglio");
            assertThatThrownBy(rows::hasNext).isInstanceOf(RuntimeException.class);
        }
        try (Workbook workbook = WorkbookFiles.streamXlsx(file)) {
            assertThatThrownBy(() -> workbook.getSheetAt(0).iterator().hasNext()).isInstanceOf(RuntimeException.class);
        }
    }

    /**
     * Rows are parsed a block of 100 at a time, as the streaming reader does: a damaged spot 150 rows down is
     * met when the second block is asked for, not before, and not later than the streaming reader meets it.
     */
    @Test
    void rowsAreParsedAsFarAheadAsTheStreamingReaderParsesThem() throws IOException {
        StringBuilder xml = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData>");
        for (int r = 1; r <= 200; r++) {
            // Row 150 has a row number that is no number.
            xml.append("<row r=\"").append(r == 150 ? "x" : String.valueOf(r)).append("\"><c><v>").append(r)
                    .append("</v></c></row>");
        }
        Path file = withSheetXml("danno.xlsx", xml.append("</sheetData></worksheet>").toString());

        try (XlsxSheets sheets = XlsxSheets.open(file); Workbook workbook = WorkbookFiles.streamXlsx(file)) {
            Iterator<Row> parsed = sheets.rows("Foglio");
            Iterator<Row> streamed = workbook.getSheetAt(0).iterator();
            for (int r = 0; r < 100; r++) {
                assertThat(parsed.next().getRowNum()).isEqualTo(streamed.next().getRowNum()).isEqualTo(r);
            }
            assertThatThrownBy(parsed::hasNext).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(streamed::hasNext).isInstanceOf(NumberFormatException.class);
        }
    }

    /** The streaming reader numbers sheets, this reader names them: two sheets of one name are left to the former. */
    @Test
    void aWorkbookWithTwoSheetsOfOneNameIsLeftToTheStreamingReader() throws IOException {
        Path base = temp.resolve("base-fogli.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Uno");
            workbook.createSheet("Due");
            save(workbook, base);
        }
        String workbookXml = String.join("", entry(base, "xl/workbook.xml"));
        Path file = temp.resolve("fogli.xlsx");
        replaceEntry(base, file, "xl/workbook.xml", workbookXml.replace("name=\"Due\"", "name=\"Uno\""));

        assertThatThrownBy(() -> XlsxSheets.open(file)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("2 sheets listed, 1 read");
        try (Workbook workbook = WorkbookFiles.streamXlsx(file)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
        }
    }

    private static List<CellRangeAddress> streamedMergedRegions(Path file, String sheetName) throws IOException {
        try (Workbook workbook = WorkbookFiles.streamXlsx(file)) {
            Sheet sheet = workbook.getSheet(sheetName);
            sheet.iterator().forEachRemaining(row -> { });
            return sheet.getMergedRegions();
        }
    }

    /**
     * The shared strings' cost ({@link XlsxSheets#SHARED_STRING_COST} per string beside its characters) has the limit
     * it is opened with: three strings of 10, 5 and 3 000 characters cost 3 015 + 3 × 24 = 3 087; one less refuses the
     * file, and {@code readOrEmpty} passes the refusal on (the streaming reader would hold the whole table).
     */
    @Test
    void sharedStringsPastTheirLimitRefuseTheFile() throws IOException {
        Path base = temp.resolve("base.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row row = workbook.createSheet("Rilevazione").createRow(0);
            row.createCell(0).setCellValue("0123456789");
            row.createCell(1).setCellValue("abcde");
            row.createCell(2).setCellValue("x".repeat(3_000));
            save(workbook, base);
        }
        long cost = 3_015 + 3L * XlsxSheets.SHARED_STRING_COST;
        try (XlsxSheets sheets = XlsxSheets.open(base, cost)) {
            Row read = sheets.rows("Rilevazione").next();
            assertThat(sheets.cells().read(read.getCell(2)).text()).hasSize(3_000);
        }
        assertThatThrownBy(() -> XlsxSheets.open(base, cost - 1)).isInstanceOf(XlsxSheets.TooMuchText.class)
                .extracting(e -> ((XlsxSheets.TooMuchText) e).limit()).isEqualTo(cost - 1);
        // A text longer than any cell's is refused whatever the limit, before the parser (which returns a text
        // whole) holds it: in the shared strings, and in a sheet's inline cell (not left to the streaming reader).
        java.util.Random random = new java.util.Random(11); // varied text: a repeated one would be a zip bomb
        String tooLong = random.ints(LongTextGuard.MAX_RUN + 1, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String cell = random.ints(32_767, 0, 4).mapToObj(i -> "ab&<".substring(i, i + 1))
                .collect(java.util.stream.Collectors.joining());
        Path longShared = temp.resolve("lungo.xlsx");
        replaceEntry(base, longShared, "xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst"
                + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>" + tooLong
                + "</t></si></sst>");
        assertThatThrownBy(() -> XlsxSheets.open(longShared, Long.MAX_VALUE)).isInstanceOf(XlsxSheets.TextTooLong.class);
        assertThatThrownBy(() -> XlsxSheets.refuseLongTexts(longShared)).isInstanceOf(XlsxSheets.TextTooLong.class);
        Path longInline = temp.resolve("lungo-in-cella.xlsx");
        replaceEntry(base, longInline, "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"http://schemas.openxmlformats"
                + ".org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                + tooLong + "</t></is></c></row></sheetData></worksheet>");
        assertThatThrownBy(() -> XlsxSheets.readOrEmpty(longInline, Long.MAX_VALUE, sheets -> sheets.rows("Rilevazione")
                .hasNext())).isInstanceOf(XlsxSheets.TextTooLong.class);
        // Excel's longest cell text, half its characters escaped, is far within it.
        Path longest = temp.resolve("cella-piena.xlsx");
        replaceEntry(base, longest, "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"http://schemas.openxmlformats"
                + ".org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                + cell.replace("&", "&amp;").replace("<", "&lt;") + "</t></is></c></row></sheetData></worksheet>");
        XlsxSheets.refuseLongTexts(longest);
        assertThat(XlsxSheets.readOrEmpty(longest, Long.MAX_VALUE, sheets -> sheets.cells()
                .read(sheets.rows("Rilevazione").next().getCell(0)).text())).contains(cell.strip());
        assertThatThrownBy(() -> XlsxSheets.readOrEmpty(base, cost - 1, sheets -> true))
                .isInstanceOf(XlsxSheets.TooMuchText.class);
        assertThat(XlsxSheets.readOrEmpty(base, cost, sheets -> true)).contains(true);
    }

    /** A sheet "Celle" with text, percentage, date, boolean, error, formula and blank cells, and an empty sheet. */
    static void fill(Workbook workbook) {
        Sheet sheet = workbook.createSheet("Celle");
        CellStyle percent = workbook.createCellStyle();
        percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue("Codice");
        header.createCell(2).setCellValue("  spazi  ");
        Row values = sheet.createRow(1);
        values.createCell(0).setCellValue("IND_x0031_");
        Cell share = values.createCell(1);
        share.setCellValue(0.125);
        share.setCellStyle(percent);
        Cell day = values.createCell(2);
        day.setCellValue(LocalDate.of(2025, 3, 15));
        day.setCellStyle(date);
        values.createCell(3).setCellValue(true);
        values.createCell(4).setCellErrorValue(FormulaError.DIV0.getCode());
        values.createCell(5).setCellFormula("B2*2");
        values.createCell(6);
        Row more = sheet.createRow(2);
        more.createCell(0).setCellValue("a capo\rqui");
        more.createCell(1).setCellValue(1234.5);
        more.createCell(2).setCellValue(-0.0000001);
        more.createCell(3).setCellValue(false);
        sheet.createRow(4).createCell(7).setCellValue(" ");
        workbook.createSheet("Vuoto");
    }

    /** A workbook whose one sheet, "Foglio", is {@code sheetXml}; its shared strings hold "condivisa" (index 0). */
    private Path withSheetXml(String name, String sheetXml) throws IOException {
        Path base = temp.resolve("base-" + name);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Foglio").createRow(0).createCell(0).setCellValue("condivisa");
            save(workbook, base);
        }
        Path file = temp.resolve(name);
        replaceEntry(base, file, "xl/worksheets/sheet1.xml", sheetXml);
        return file;
    }

    private static void save(Workbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }

    /** Every cell as "row:column=value", sheet by sheet, and whether a formula lacked its value. */
    private static Map<String, List<String>> readAll(Path file) throws IOException {
        Map<String, List<String>> sheets = new TreeMap<>();
        try (XlsxSheets workbook = XlsxSheets.open(file)) {
            WorkbookCells cells = workbook.cells();
            for (String name : workbook.sheetNames()) {
                sheets.put(name, lines(workbook.rows(name), cells));
            }
            sheets.put("(formula senza valore)", List.of(String.valueOf(cells.metFormulaNeedingEvaluator())));
        }
        return sheets;
    }

    private static Map<String, List<String>> readStreamed(Path file) throws IOException {
        Map<String, List<String>> sheets = new TreeMap<>();
        try (Workbook workbook = WorkbookFiles.streamXlsx(file)) {
            WorkbookCells cells = new WorkbookCells(workbook);
            for (Sheet sheet : workbook) {
                sheets.put(sheet.getSheetName(), lines(sheet.iterator(), cells));
            }
            sheets.put("(formula senza valore)", List.of(String.valueOf(cells.metFormulaNeedingEvaluator())));
        }
        return sheets;
    }

    private static List<String> lines(Iterator<Row> rows, WorkbookCells cells) {
        List<String> lines = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            lines.add("row " + (row.getRowNum() + 1) + " hidden=" + row.getZeroHeight() + " cells="
                    + row.getPhysicalNumberOfCells());
            for (Cell cell : row) {
                lines.add((row.getRowNum() + 1) + ":" + cell.getColumnIndex() + "=" + cells.read(cell));
                assertThat(row.getCell(cell.getColumnIndex())).isSameAs(cell);
            }
        }
        return lines;
    }

    private static List<String> entry(Path file, String name) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile());
             InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void replaceEntry(Path from, Path to, String name, String content) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(name)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }
}
