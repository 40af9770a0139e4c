package it.pa.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.Cells;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory workbook of the small per-unit workbooks, and that it writes what the streamed one writes. */
class SmallWorkbookTest {

    @TempDir
    Path output;

    @Test
    void aRepeatedTextIsStoredOnceAndRichTextStaysApart() throws Exception {
        byte[] written;
        try (XSSFWorkbook workbook = SmallWorkbook.create()) {
            Row row = workbook.createSheet("Esiti").createRow(0);
            row.createCell(0).setCellValue("Raggiunto");
            row.createCell(1).setCellValue("Raggiunto");
            row.createCell(2).setCellValue(" Raggiunto "); // spaces kept: another text
            XSSFRichTextString rich = new XSSFRichTextString("Raggiunto");
            XSSFFont bold = workbook.createFont();
            bold.setBold(true);
            rich.applyFont(0, 4, bold);
            row.createCell(3).setCellValue(rich);
            row.createCell(4).setCellValue("Non raggiunto");
            assertThat(workbook.getSharedStringSource().getUniqueCount()).isEqualTo(4);
            assertThat(workbook.getSharedStringSource().getCount()).isEqualTo(5);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            written = out.toByteArray();
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(written))) {
            Row row = read.getSheet("Esiti").getRow(0);
            assertThat(List.of(0, 1, 2, 3, 4)).extracting(c -> row.getCell(c).getStringCellValue())
                    .containsExactly("Raggiunto", "Raggiunto", " Raggiunto ", "Raggiunto", "Non raggiunto");
            assertThat(row.getCell(3).getRichStringCellValue().numFormattingRuns()).isEqualTo(2);
            assertThat(row.getCell(0).getRichStringCellValue().numFormattingRuns()).isZero();
        }
    }

    /**
     * Texts put straight into the cells by index (Cells.text on the small workbook) give the sheet and the
     * shared strings POI's setCellValue gives, counts included, and read back the same.
     */
    @Test
    void textsByIndexAreWhatSetCellValueWrites() throws Exception {
        List<String> texts = List.of("Raggiunto", "Non raggiunto", "Raggiunto", " spazi ", "A & B <C>",
                "riga\nsotto", "_x0041_ scritto così", "Raggiunto", "€ 1.000,00");
        Map<String, String> byIndex = parts(SmallWorkbook.create(), (row, column, text) -> {
            Cell cell = Cells.text(row, column, text, row.getSheet().getWorkbook().getCellStyleAt(0));
            assertThat(Cells.textOf(cell)).isEqualTo(text.startsWith("_x") ? "A scritto così" : text);
        }, texts);
        Map<String, String> poi = parts(new XSSFWorkbook(), (row, column, text) -> {
            Cell cell = row.createCell(column);
            cell.setCellValue(text);
            cell.setCellStyle(row.getSheet().getWorkbook().getCellStyleAt(0));
        }, texts);
        assertThat(byIndex.get("xl/sharedStrings.xml")).contains("count=\"9\" uniqueCount=\"7\"");
        for (String part : List.of("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml")) {
            assertThat(byIndex.get(part)).as(part).isEqualTo(poi.get(part));
        }
    }

    /**
     * Texts XMLBeans escapes or keeps apart (carriage returns, control characters, "]]>", surrogates, blank
     * and space-edged texts), by index and through setCellValue: the shared strings are POI's, byte for byte,
     * whether written by hand or, once a rich text is among them, through POI's table.
     */
    @Test
    void awkwardTextsAreWrittenAsPoiWritesThem() throws Exception {
        List<String> texts = List.of("", " ", "\tin testa", "coda\n", "a\r\nb", "x]]>y", "]]>", "x]>y",
                "controllo\u0001", "emoji \uD83D\uDE00", "<&>\"'", "\u00A0nbsp", "\uFFFE", "", "a\r\nb");
        TextCell byIndex = (row, column, text) -> Cells.text(row, column, text,
                row.getSheet().getWorkbook().getCellStyleAt(0));
        TextCell poiWay = (row, column, text) -> row.createCell(column).setCellValue(text);
        Map<String, String> small = parts(SmallWorkbook.create(), byIndex, texts);
        Map<String, String> poi = parts(new XSSFWorkbook(), poiWay, texts);
        assertThat(small.get("xl/sharedStrings.xml")).isEqualTo(poi.get("xl/sharedStrings.xml"));
        assertThat(small.get("xl/worksheets/sheet1.xml")).isEqualTo(poi.get("xl/worksheets/sheet1.xml"));
        // Each a text the table writes by hand.
        List<String> edgy = List.of("", " ", "\tin testa", "coda\n", "x]>y", "]]", "<&>\"'", "\u00A0nbsp",
                "ultimo ]]", "", "è\u2013€");
        assertThat(edgy).allMatch(SmallWorkbook.PlainStrings::writable);
        Map<String, String> edgySmall = parts(SmallWorkbook.create(), byIndex, edgy);
        Map<String, String> edgyPoi = parts(new XSSFWorkbook(), poiWay, edgy);
        for (String part : List.of("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml")) {
            assertThat(edgySmall.get(part)).as(part).isEqualTo(edgyPoi.get(part));
        }
        List<String> plain = List.of("Raggiunto", "A & B", " Raggiunto", "Raggiunto");
        assertThat(parts(SmallWorkbook.create(), byIndex, plain).get("xl/sharedStrings.xml"))
                .isEqualTo(parts(new XSSFWorkbook(), poiWay, plain).get("xl/sharedStrings.xml"))
                .contains("count=\"4\" uniqueCount=\"3\"");

        TextCell withRich = (row, column, text) -> {
            if (column == 1) {
                XSSFRichTextString rich = new XSSFRichTextString(text);
                XSSFFont bold = (XSSFFont) row.getSheet().getWorkbook().createFont();
                bold.setBold(true);
                rich.applyFont(0, 1, bold);
                row.createCell(column).setCellValue(rich);
            } else {
                row.createCell(column).setCellValue(text);
            }
        };
        assertThat(parts(SmallWorkbook.create(), withRich, plain).get("xl/sharedStrings.xml"))
                .isEqualTo(parts(new XSSFWorkbook(), withRich, plain).get("xl/sharedStrings.xml"));
    }

    private interface TextCell {
        void write(Row row, int column, String text);
    }

    private Map<String, String> parts(XSSFWorkbook workbook, TextCell writer, List<String> texts) throws Exception {
        Row row = workbook.createSheet("Esiti").createRow(0);
        for (int c = 0; c < texts.size(); c++) {
            writer.write(row, c, texts.get(c));
        }
        Path file = Files.createTempFile(output, "testi", ".xlsx");
        try (workbook; var out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        Map<String, String> parts = new java.util.HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (var entry : java.util.Collections.list(zip.entries())) {
                parts.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    /**
     * Every unit's and dirigente's workbook built in the small workbook (its shared strings and its sheets' rows
     * written by hand) has every part POI's own workbook has for the same content, byte for byte (the creation
     * time aside): cards, heights, numbers, blanks, merges, traffic lights, comments, warnings.
     */
    @Test
    void theSmallWorkbookWritesWhatPoiWrites() throws Exception {
        ReportData data = ReportFixtures.massaCarrara();
        UnitLookups lookups = new UnitLookups(data.plan());
        Problem issue = Problem.cellWarning("Rilevazione", "C8", "=SUM(A1) & <x>",
                "target diverso dal piano («>= 10,00 N.»): vale quello del piano").inFile("scheda_S_RM_2022.xlsx");
        List<java.util.function.Consumer<Workbook>> contents = new ArrayList<>();
        for (OrgUnit unit : data.plan().units()) {
            contents.add(workbook -> UnitResultsWorkbook.write(workbook, data, lookups, unit, List.of(issue)));
        }
        data.plan().scorecards().forEach(card -> contents.add(workbook -> RecipientWorkbooks.scorecard(workbook, data, card)));
        assertThat(contents).hasSizeGreaterThan(5);
        Set<String> seen = new java.util.HashSet<>();
        for (var content : contents) {
            Map<String, byte[]> small = zipped(SmallWorkbook.create(), content);
            Map<String, byte[]> poi = zipped(new XSSFWorkbook(), content);
            seen.addAll(poi.keySet());
            assertThat(small.keySet()).isEqualTo(poi.keySet()).contains("xl/worksheets/sheet1.xml");
            for (String part : poi.keySet()) {
                if (!part.equals("docProps/core.xml")) {
                    assertThat(new String(small.get(part), StandardCharsets.UTF_8)).as(part)
                            .isEqualTo(new String(poi.get(part), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(seen).contains("xl/styles.xml", "xl/worksheets/sheet3.xml");
    }

    /**
     * The styles of every unit's and dirigente's workbook (the report's styles, the cards' own and their traffic
     * lights' fills) are written by hand, not through POI's save, and are POI's bytes.
     */
    @Test
    void everyRecipientWorkbooksStylesAreWrittenByHand() throws Exception {
        ReportData data = ReportFixtures.massaCarrara();
        UnitLookups lookups = new UnitLookups(data.plan());
        List<java.util.function.Consumer<Workbook>> contents = new ArrayList<>();
        for (OrgUnit unit : data.plan().units()) {
            contents.add(workbook -> UnitResultsWorkbook.write(workbook, data, lookups, unit, List.of()));
        }
        data.plan().scorecards().forEach(card -> contents.add(workbook -> RecipientWorkbooks.scorecard(workbook, data, card)));
        for (var content : contents) {
            try (XSSFWorkbook small = SmallWorkbook.create(); XSSFWorkbook poi = new XSSFWorkbook()) {
                content.accept(small);
                content.accept(poi);
                assertThat(small.getStylesSource()).isInstanceOf(WrittenStyles.class);
                String byHand = ((WrittenStyles) small.getStylesSource()).xml();
                assertThat(byHand).isNotNull().contains("<dxfs count=\"");
                ByteArrayOutputStream saved = new ByteArrayOutputStream();
                poi.getStylesSource().writeTo(saved);
                assertThat(byHand).isEqualTo(saved.toString(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * What the hand-written styles do not write (a text, an attribute in a namespace, a format with '>' or a
     * control character) goes through POI's save, and the styles are POI's all the same.
     */
    @Test
    void unusualStylesAreSavedByPoi() throws Exception {
        List<java.util.function.Consumer<XSSFWorkbook>> unusual = List.of(
                workbook -> workbook.createCellStyle().setDataFormat(workbook.createDataFormat().getFormat("[>=100]0;0")),
                workbook -> workbook.createCellStyle().setDataFormat(workbook.createDataFormat().getFormat("0\u0001")),
                workbook -> workbook.getStylesSource().getFontAt(0).getCTFont().addNewName().newCursor().setTextValue("x"),
                workbook -> {
                    try (var cursor = workbook.getStylesSource().getFillAt(0).getCTFill().newCursor()) {
                        cursor.toNextToken();
                        cursor.insertAttributeWithValue(new javax.xml.namespace.QName("urn:altro", "a", "x"), "1");
                    }
                });
        for (var change : unusual) {
            try (XSSFWorkbook small = SmallWorkbook.create(); XSSFWorkbook poi = new XSSFWorkbook()) {
                new it.pa.monitor.report.layout.ReportStyles(small);
                new it.pa.monitor.report.layout.ReportStyles(poi);
                change.accept(small);
                change.accept(poi);
                assertThat(((WrittenStyles) small.getStylesSource()).xml()).isNull();
                ByteArrayOutputStream mine = new ByteArrayOutputStream();
                small.getStylesSource().writeTo(mine);
                ByteArrayOutputStream theirs = new ByteArrayOutputStream();
                poi.getStylesSource().writeTo(theirs);
                assertThat(mine.toString(StandardCharsets.UTF_8)).isEqualTo(theirs.toString(StandardCharsets.UTF_8));
            }
        }
        // Escaped characters are written by hand, as XMLBeans escapes them.
        try (XSSFWorkbook small = SmallWorkbook.create(); XSSFWorkbook poi = new XSSFWorkbook()) {
            for (XSSFWorkbook workbook : List.of(small, poi)) {
                workbook.createCellStyle().setDataFormat(workbook.createDataFormat().getFormat("#,##0 \"€ & <k>\""
                        .replace(">", "")));
                workbook.createFont().setFontName("Calibri \"&<\" Light");
            }
            String byHand = ((WrittenStyles) small.getStylesSource()).xml();
            assertThat(byHand).contains("&quot;€ &amp; &lt;k&quot;").contains("&quot;&amp;&lt;&quot;");
            ByteArrayOutputStream theirs = new ByteArrayOutputStream();
            poi.getStylesSource().writeTo(theirs);
            assertThat(byHand).isEqualTo(theirs.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * The package of every unit's and dirigente's workbook written by {@link SmallPackage} (content types,
     * relationships, core properties by hand, the parts POI's) is the zip POI's own save writes for the same
     * workbook: the same entries in the same order, every entry byte for byte, the core properties included.
     */
    @Test
    void theSmallPackageIsWhatPoiSaves() throws Exception {
        ReportData data = ReportFixtures.massaCarrara();
        UnitLookups lookups = new UnitLookups(data.plan());
        Problem issue = Problem.cellWarning("Rilevazione", "C8", "x", "avviso").inFile("scheda.xlsx");
        List<java.util.function.Consumer<Workbook>> contents = new ArrayList<>();
        for (OrgUnit unit : data.plan().units()) {
            contents.add(workbook -> UnitResultsWorkbook.write(workbook, data, lookups, unit, List.of(issue)));
        }
        data.plan().scorecards().forEach(card -> contents.add(workbook -> RecipientWorkbooks.scorecard(workbook, data, card)));
        contents.add(workbook -> workbook.createSheet("Vuoto")); // no shared strings: POI leaves that part out
        contents.add(workbook -> { // comments on two sheets of three, as the cards' notes
            for (String name : List.of("Esiti", "Da rilevare", "Avvisi")) {
                Sheet sheet = workbook.createSheet(name);
                Cells.text(Cells.row(sheet, 1), 1, "Raggiunto", workbook.getCellStyleAt(0));
                if (!name.equals("Da rilevare")) {
                    it.pa.monitor.report.layout.CellComments notes = new it.pa.monitor.report.layout.CellComments(sheet, "Monitor");
                    notes.add(1, 1, "Valore riproporzionato al periodo", 3);
                    notes.add(4, 2, "Non dovuto", 2);
                }
            }
        });
        Set<String> seen = new java.util.HashSet<>();
        for (var content : contents) {
            try (SmallWorkbook.Book book = SmallWorkbook.create()) {
                content.accept(book);
                book.setActiveSheet(0);
                assertThat(SmallPackage.writable(book.getPackage())).isNotNull();
                ByteArrayOutputStream mine = new ByteArrayOutputStream();
                try (var zip = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(mine)) {
                    book.writeTo(zip);
                }
                ByteArrayOutputStream poi = new ByteArrayOutputStream();
                book.write(poi); // POI's own save of the same workbook, afterwards: the same creation time
                List<Map.Entry<String, String>> expected = entries(poi.toByteArray());
                assertThat(entries(mine.toByteArray())).isEqualTo(expected);
                expected.forEach(e -> seen.add(e.getKey()));
            }
        }
        assertThat(seen).contains("[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "xl/_rels/workbook.xml.rels",
                "xl/worksheets/_rels/sheet1.xml.rels", "xl/drawings/vmlDrawing0.vml", "xl/comments1.xml");
    }

    /** A package POI has saved once already holds its core properties: left to POI's save, which writes the same. */
    @Test
    void aPackageSavedBeforeIsSavedByPoi() throws Exception {
        try (SmallWorkbook.Book book = SmallWorkbook.create()) {
            Cells.text(book.createSheet("Esiti").createRow(0), 0, "Raggiunto", book.getCellStyleAt(0));
            book.write(new ByteArrayOutputStream());
            assertThat(SmallPackage.writable(book.getPackage())).isNull();
            ByteArrayOutputStream mine = new ByteArrayOutputStream();
            try (var zip = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(mine)) {
                book.writeTo(zip);
            }
            ByteArrayOutputStream poi = new ByteArrayOutputStream();
            book.write(poi);
            assertThat(entries(mine.toByteArray())).isEqualTo(entries(poi.toByteArray()))
                    .extracting(Map.Entry::getKey).containsOnlyOnce("docProps/core.xml");
        }
    }

    /**
     * The report's styles copied from a template made once (as the run writes the workbooks) give every unit's and
     * dirigente's workbook (the cards' own styles and traffic lights added after them) the parts the styles made
     * one call at a time give, byte for byte; a workbook whose styles table is not new makes its own.
     */
    @Test
    void stylesCopiedFromTheTemplateAreTheStylesMadeOneByOne() throws Exception {
        it.pa.monitor.report.layout.ReportStyles.Template template = it.pa.monitor.report.layout.ReportStyles.Template.make();
        for (ReportData data : List.of(ReportFixtures.massaCarrara(), ReportFixtures.tno())) {
            UnitLookups lookups = new UnitLookups(data.plan());
            Problem issue = Problem.cellWarning("Rilevazione", "C8", "x", "avviso").inFile("scheda.xlsx");
            for (OrgUnit unit : data.plan().units()) {
                assertSameParts(workbook -> UnitResultsWorkbook.write(workbook, data, lookups, unit, List.of(issue), template),
                        workbook -> UnitResultsWorkbook.write(workbook, data, lookups, unit, List.of(issue)));
            }
            for (var card : data.plan().scorecards()) {
                assertSameParts(workbook -> RecipientWorkbooks.scorecard(workbook, data, card, template),
                        workbook -> RecipientWorkbooks.scorecard(workbook, data, card));
            }
        }
        try (XSSFWorkbook copied = SmallWorkbook.create(); XSSFWorkbook used = SmallWorkbook.create()) {
            new it.pa.monitor.report.layout.ReportStyles(copied, template);
            new it.pa.monitor.report.layout.ReportStyles(used); // one at a time
            assertThat(copied.getStylesSource().getFonts()).hasSize(used.getStylesSource().getFonts().size());
            assertThat(copied.getNumCellStyles()).isEqualTo(used.getNumCellStyles()).isGreaterThan(10);
            used.createFont();
            int fonts = used.getStylesSource().getFonts().size();
            new it.pa.monitor.report.layout.ReportStyles(used, template); // not new: made one at a time, after the others
            assertThat(used.getStylesSource().getFonts()).hasSize(fonts + 5);
        }
    }

    private static void assertSameParts(java.util.function.Consumer<Workbook> copied,
                                        java.util.function.Consumer<Workbook> oneByOne) throws Exception {
        Map<String, byte[]> mine = zipped(SmallWorkbook.create(), copied);
        Map<String, byte[]> theirs = zipped(SmallWorkbook.create(), oneByOne);
        assertThat(mine.keySet()).isEqualTo(theirs.keySet()).contains("xl/styles.xml");
        for (String part : theirs.keySet()) {
            if (!part.equals("docProps/core.xml")) {
                assertThat(new String(mine.get(part), StandardCharsets.UTF_8)).as(part)
                        .isEqualTo(new String(theirs.get(part), StandardCharsets.UTF_8));
            }
        }
    }

    /** A zip's entries in order, each with its text. */
    private static List<Map.Entry<String, String>> entries(byte[] zipped) throws Exception {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zipped))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.add(Map.entry(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return entries;
    }

    private static Map<String, byte[]> zipped(XSSFWorkbook workbook, java.util.function.Consumer<Workbook> content)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (workbook) {
            content.accept(workbook);
            workbook.setActiveSheet(0);
            workbook.write(out);
        }
        Map<String, byte[]> parts = new java.util.TreeMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), zip.readAllBytes());
            }
        }
        return parts;
    }

    @Test
    void aUnitWorkbookIsTheSameInMemoryAndStreamed() throws Exception {
        ReportData data = ReportFixtures.massaCarrara();
        UnitLookups lookups = new UnitLookups(data.plan());
        OrgUnit unit = data.plan().findUnit("S_RM").orElseThrow();
        Path small = RecipientWorkbooks.save(output.resolve("memoria"), "Esiti-S_RM.xlsx", 1,
                workbook -> UnitResultsWorkbook.write(workbook, data, lookups, unit, List.of()));
        Path streamed = RecipientWorkbooks.save(output.resolve("flusso"), "Esiti-S_RM.xlsx",
                RecipientWorkbooks.IN_MEMORY_ROWS + 1,
                workbook -> UnitResultsWorkbook.write(workbook, data, lookups, unit, List.of()));

        List<String> inMemory = cells(small);
        assertThat(inMemory).contains("Esiti!B3 S_RM – " + unit.name());
        assertThat(inMemory).isEqualTo(cells(streamed));
    }

    /**
     * The choice between in memory and streamed counts every row the workbook will hold: the whole
     * objectives the unit takes part in and its warnings, not only the indicators it answers for, so
     * a unit with thousands of warnings is streamed (its memory stays bounded).
     */
    @Test
    void theRowsOfAUnitWorkbookCountItsObjectivesWholeAndItsWarnings() throws Exception {
        ReportData data = ReportFixtures.massaCarrara();
        UnitLookups lookups = new UnitLookups(data.plan());
        OrgUnit unit = data.plan().findUnit("S_RM").orElseThrow();
        Set<String> units = lookups.subtree(unit.code());
        int answered = lookups.indicatorsAnsweredBy(units).size();
        int ofItsObjectives = lookups.operationalObjectives(units).stream()
                .mapToInt(oo -> data.plan().index().indicatorsOf(oo.code()).size()).sum();
        assertThat(ofItsObjectives).isPositive();
        assertThat(UnitResultsWorkbook.rows(data, lookups, unit, List.of())).isEqualTo(answered + ofItsObjectives);

        List<Problem> warnings = IntStream.range(0, 2 * RecipientWorkbooks.IN_MEMORY_ROWS)
                .mapToObj(i -> Problem.cellWarning("Rilevazione", "C" + (8 + i), ">= 12", "Target riscritto"))
                .toList();
        assertThat(UnitResultsWorkbook.rows(data, lookups, unit, warnings))
                .isEqualTo(answered + ofItsObjectives + warnings.size());
        Path file = RecipientWorkbooks.save(output, "Esiti-S_RM.xlsx",
                UnitResultsWorkbook.rows(data, lookups, unit, warnings),
                workbook -> UnitResultsWorkbook.write(workbook, data, lookups, unit, warnings));
        // A streamed workbook writes its text inline; one built in memory through the shared strings.
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet3.xml")).readAllBytes(),
                    StandardCharsets.UTF_8)).contains("t=\"inlineStr\"").contains("Target riscritto");
        }
    }

    /**
     * The workbook the run fills ({@link SmallWorkbook.Filled}: SXSSF's cells, the rows written by hand from them)
     * writes every part of every unit's and dirigente's workbook as POI's own XSSF workbook filled the same way
     * saves it, byte for byte (the creation time aside), with the styles made one by one or copied from the run's
     * template, with and without warnings; read back, every cell, style, height, merge and comment is the same.
     */
    @Test
    void theFilledWorkbookWritesWhatPoiWrites() throws Exception {
        it.pa.monitor.report.layout.ReportStyles.Template template = it.pa.monitor.report.layout.ReportStyles.Template.make();
        Set<String> seen = new java.util.HashSet<>();
        int compared = 0;
        for (ReportData data : List.of(ReportFixtures.massaCarrara(), ReportFixtures.tno())) {
            UnitLookups lookups = new UnitLookups(data.plan());
            List<Problem> issues = List.of(Problem.cellWarning("Rilevazione", "C8", "=SUM(A1) & <x>",
                    "target diverso dal piano («>= 10,00 N.»): vale quello del piano").inFile("scheda_S_RM_2022.xlsx"),
                    Problem.cellWarning("Rilevazione", "D9", " _x0041_ ", "riga\nsotto").inFile("scheda.xlsx"));
            List<java.util.function.Consumer<Workbook>> contents = new ArrayList<>();
            for (OrgUnit unit : data.plan().units()) {
                contents.add(workbook -> UnitResultsWorkbook.write(workbook, data, lookups, unit, issues, template));
                contents.add(workbook -> UnitResultsWorkbook.write(workbook, data, lookups, unit, List.of()));
            }
            for (var card : data.plan().scorecards()) {
                contents.add(workbook -> RecipientWorkbooks.scorecard(workbook, data, card, template));
                contents.add(workbook -> RecipientWorkbooks.scorecard(workbook, data, card));
            }
            for (var content : contents) {
                Map<String, byte[]> filled = filledZipped(content);
                Map<String, byte[]> poi = zipped(new XSSFWorkbook(), content);
                seen.addAll(poi.keySet());
                assertThat(filled.keySet()).isEqualTo(poi.keySet()).contains("xl/worksheets/sheet1.xml");
                for (String part : poi.keySet()) {
                    if (!part.equals("docProps/core.xml")) {
                        assertThat(new String(filled.get(part), StandardCharsets.UTF_8)).as(part)
                                .isEqualTo(new String(poi.get(part), StandardCharsets.UTF_8));
                    }
                }
                assertThat(cells(write(output.resolve("filled.xlsx"), filled)))
                        .isEqualTo(cells(write(output.resolve("poi.xlsx"), poi)));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(10);
        assertThat(seen).contains("xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet3.xml");
    }

    /**
     * The kinds of cell the report writes, through {@link Cells} on the filled workbook and on POI's: texts (repeated,
     * space-edged, escaped, with "_x" escapes read back as POI reads them), numbers of every shape, dates, empty
     * styled cells, merged regions, grown rows, a row without cells and a comment: the sheet, the shared strings and
     * the rest are POI's bytes, and every cell reads back the same.
     */
    @Test
    void everyKindOfCellTheReportWritesIsWrittenAsPoiWritesIt() throws Exception {
        double[] numbers = {0, 1, -0.5, 0.9158, 1.0E-5, 123456789.25, 1.0 / 3, 1e21, -0.0, 0.1 + 0.2};
        java.util.function.Consumer<Workbook> content = workbook -> {
            it.pa.monitor.report.layout.ReportStyles styles = new it.pa.monitor.report.layout.ReportStyles(workbook);
            Sheet sheet = workbook.createSheet("Esiti");
            it.pa.monitor.report.layout.PrintSetup.apply(sheet, 1, 30, 20, 12, 12);
            Cells.text(Cells.row(sheet, 0), 0, "Titolo", styles.title());
            Cells.headerRow(sheet, 2, List.of("Indicatore con un titolo lungo che va a capo", "Valore", "Peso", "Data"),
                    styles.header(), new int[] {30, 20, 12, 12});
            List<String> texts = List.of("Raggiunto", " spazi ", "A & B <C>", "riga\nsotto", "_x0041_ scritto così",
                    "Raggiunto", "€ 1.000,00", "");
            int next = 3;
            for (int i = 0; i < numbers.length; i++) {
                Row row = Cells.row(sheet, next++);
                Cells.text(row, 0, texts.get(i % texts.size()), styles.wrapped());
                Cells.percent(row, 1, java.math.BigDecimal.valueOf(numbers[i] * 100), styles.percent());
                Cells.number(row, 2, i % 3 == 0 ? null : java.math.BigDecimal.valueOf(numbers[i]), styles.number());
                Cells.dateTime(row, 3, i % 2 == 0 ? null : java.time.Instant.ofEpochSecond(1_700_000_000L + i * 86_461L),
                        styles.date());
                it.pa.monitor.report.layout.WrappedRows.fitCells(row, new int[] {8, 20, 12, 12});
            }
            Row merged = Cells.row(sheet, next + 1); // a row skipped, then one spanning the columns
            Cells.text(merged, 0, "Valutazione", styles.label());
            Cells.text(merged, 1, "Una nota molto lunga che occupa le colonne unite " + "e va a capo ".repeat(8),
                    styles.wrapped());
            for (int c = 2; c < 4; c++) {
                Cells.text(merged, c, null, styles.wrapped());
            }
            new it.pa.monitor.report.layout.MergedRegions(sheet).add(new org.apache.poi.ss.util.CellRangeAddress(
                    merged.getRowNum(), merged.getRowNum(), 1, 3));
            it.pa.monitor.report.layout.WrappedRows.fit(merged, 4);
            Cells.row(sheet, next + 3).setHeightInPoints(33.3f); // a row with a height and no cells
            Cells.row(sheet, next + 4);
            new it.pa.monitor.report.layout.CellComments(sheet, "Monitor").add(3, 1, "Non dovuto", 2);
            Sheet second = workbook.createSheet("Da rilevare");
            it.pa.monitor.report.layout.PrintSetup.apply(second, 3, 30, 70);
            Cells.text(Cells.row(second, 5), 3, "Raggiunto", styles.text());
            workbook.createSheet("Vuoto");
        };
        Map<String, byte[]> filled = filledZipped(content);
        Map<String, byte[]> poi = zipped(new XSSFWorkbook(), content);
        assertThat(filled.keySet()).isEqualTo(poi.keySet());
        for (String part : poi.keySet()) {
            if (!part.equals("docProps/core.xml")) {
                assertThat(new String(filled.get(part), StandardCharsets.UTF_8)).as(part)
                        .isEqualTo(new String(poi.get(part), StandardCharsets.UTF_8));
            }
        }
        String sheet = new String(filled.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        assertThat(sheet).contains("t=\"n\"").contains("customHeight=\"true\"").contains("<mergeCell ")
                .contains("<v>0.9158</v>").contains("<v>1.0E-5</v>");
        List<String> cells = cells(write(output.resolve("filled.xlsx"), filled));
        assertThat(cells).isEqualTo(cells(write(output.resolve("poi.xlsx"), poi)))
                .contains("Esiti!A8 A scritto così", "Esiti!B7 0.9158", "Esiti row 16 33.3");
    }

    /**
     * Comments on several sheets (a sheet with rows, one with only comments, one without, another after it; two
     * authors on one sheet; texts with characters XMLBeans escapes, line breaks, accented letters, edge spaces,
     * an empty one), kept as plain notes in the small and the filled workbook and written by hand: every part is
     * POI's own save of the same comments, byte for byte; with a text XMLBeans writes otherwise ("]]>", a carriage
     * return, a control character) the comments part is POI's table's, the same bytes again. Read back, each
     * comment is on its cell with its text, author and box.
     */
    @Test
    void commentsOnSeveralSheetsAreWrittenAsPoiWritesThem() throws Exception {
        List<String> texts = List.of("Non valutato: non rilevato", "A & B <C> > D ]] fine",
                "Perché è già così: più città, però «virgolette» – € 1.000,00", "riga\nsotto\nterza",
                " spazi ai lati ", "\tinizio", "", "_x0041_ resta com'è", "Target rapportato al periodo: "
                + "una nota lunga abbastanza da occupare più righe del riquadro ".repeat(3));
        List<String> awkward = List.of("x]]>y", "a\r\nb", "controllo\u0001", "Perché è così");
        for (List<String> notes : List.of(texts, awkward)) {
            java.util.function.Consumer<Workbook> content = workbook -> {
                it.pa.monitor.report.layout.ReportStyles styles = new it.pa.monitor.report.layout.ReportStyles(workbook);
                Sheet first = workbook.createSheet("Esiti");
                it.pa.monitor.report.layout.PrintSetup.apply(first, 1, 30, 20, 12);
                it.pa.monitor.report.layout.CellComments comments =
                        new it.pa.monitor.report.layout.CellComments(first, "Monitoraggio performance");
                for (int i = 0; i < notes.size(); i++) {
                    Row row = Cells.row(first, 2 + 2 * i);
                    Cells.text(row, 0, "Indicatore " + i, styles.text());
                    Cells.percent(row, 1, java.math.BigDecimal.valueOf(40 + i), styles.percent());
                    comments.add(row.getRowNum(), 1, notes.get(i), 2 + notes.get(i).length() / 30);
                }
                new it.pa.monitor.report.layout.CellComments(first, "Ufficio & <controllo>").add(0, 3, "Rettificato", 2);
                comments.add(1, 0, "dopo l'altro autore", 2);
                Sheet onlyNotes = workbook.createSheet("Note");
                new it.pa.monitor.report.layout.CellComments(onlyNotes, "Monitoraggio performance")
                        .add(120, 5, notes.get(notes.size() - 1), 3);
                Cells.text(Cells.row(workbook.createSheet("Senza"), 0), 0, "Nessuna nota", styles.text());
                Sheet last = workbook.createSheet("Ultimo");
                Cells.text(Cells.row(last, 3), 2, "Raggiunto", styles.text());
                it.pa.monitor.report.layout.CellComments lastNotes =
                        new it.pa.monitor.report.layout.CellComments(last, "Monitoraggio performance");
                lastNotes.add(3, 2, notes.get(0), 2);
                lastNotes.add(0, 0, notes.get(1), 4);
            };
            Map<String, byte[]> poi = zipped(new XSSFWorkbook(), content);
            assertThat(poi).containsKeys("xl/comments1.xml", "xl/comments2.xml", "xl/comments4.xml",
                    "xl/drawings/vmlDrawing0.vml", "xl/drawings/vmlDrawing1.vml", "xl/drawings/vmlDrawing2.vml");
            for (Map<String, byte[]> mine : List.of(filledZipped(content), zipped(SmallWorkbook.create(), content))) {
                assertThat(mine.keySet()).isEqualTo(poi.keySet());
                for (String part : poi.keySet()) {
                    if (!part.equals("docProps/core.xml")) {
                        assertThat(new String(mine.get(part), StandardCharsets.UTF_8)).as(part)
                                .isEqualTo(new String(poi.get(part), StandardCharsets.UTF_8));
                    }
                }
            }
            // A streamed per-recipient workbook keeps them as plain notes too: the parts of POI's streamed workbook.
            Map<String, byte[]> streamed = streamedZipped(false, content);
            Map<String, byte[]> streamedNotes = streamedZipped(true, content);
            assertThat(streamedNotes.keySet()).isEqualTo(streamed.keySet()).contains("xl/comments4.xml");
            for (String part : streamed.keySet()) {
                if (!part.equals("docProps/core.xml")) {
                    assertThat(new String(streamedNotes.get(part), StandardCharsets.UTF_8)).as(part)
                            .isEqualTo(new String(streamed.get(part), StandardCharsets.UTF_8));
                }
            }
            // Kept as plain notes: neither POI's comments table nor its VML drawing was made.
            SmallWorkbook.Filled filled = SmallWorkbook.filled();
            try {
                content.accept(filled);
                for (int i = 0; i < filled.book().getNumberOfSheets(); i++) {
                    assertThat(filled.book().getSheetAt(i).getRelations())
                            .noneMatch(part -> part instanceof org.apache.poi.xssf.model.CommentsTable
                                    || part instanceof org.apache.poi.xssf.usermodel.XSSFVMLDrawing);
                }
            } finally {
                filled.book().getPackage().revert();
            }
            try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(zippedBytes(filledZipped(content))))) {
                var sheet = read.getSheet("Esiti");
                assertThat(sheet.getCellComments()).hasSize(notes.size() + 2);
                for (int i = 0; i < notes.size(); i++) {
                    var comment = sheet.getCellComment(new org.apache.poi.ss.util.CellAddress(2 + 2 * i, 1));
                    String expected = notes.get(i).replace('\u0001', '?'); // as XMLBeans saves it for POI too
                    assertThat(comment.getString().getString()).isEqualTo(expected.startsWith("_x")
                            ? "A resta com'è" : expected); // POI reads "_xHHHH_" as the character it escapes
                    assertThat(comment.getAuthor()).isEqualTo("Monitoraggio performance");
                    var box = comment.getClientAnchor();
                    assertThat(new int[] {box.getCol1(), box.getRow1(), box.getCol2(), box.getRow2()})
                            .containsExactly(2, 2 + 2 * i, 5, 2 + 2 * i + 2 + notes.get(i).length() / 30);
                }
                assertThat(sheet.getCellComment(new org.apache.poi.ss.util.CellAddress(0, 3)).getAuthor())
                        .isEqualTo("Ufficio & <controllo>");
                assertThat(read.getSheet("Senza").getCellComments()).isEmpty();
                assertThat(read.getSheet("Ultimo").getCellComments()).hasSize(2);
            }
        }
    }

    /** A second comment on one cell is refused, as POI refuses it, when the notes are kept as plain values too. */
    @Test
    void aSecondCommentOnOneCellIsRefusedOnTheSmallWorkbook() throws Exception {
        SmallWorkbook.Filled filled = SmallWorkbook.filled();
        try {
            it.pa.monitor.report.layout.CellComments notes =
                    new it.pa.monitor.report.layout.CellComments(filled.createSheet("Schede"), "Monitor");
            notes.add(2, 3, "prima nota", 2);
            notes.add(4, 3, "seconda nota", 2);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> notes.add(4, 3, "di nuovo sulla cella D5", 2))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("D5");
        } finally {
            filled.book().getPackage().revert();
        }
    }

    /**
     * A sheet keeping its comments as plain notes has no POI VML drawing to hand out (POI's row and column shifts ask
     * for one that exists: none) and refuses to make one, which would be a second comments part.
     */
    @Test
    void aSheetKeepingItsNotesHasNoVmlDrawingAndMakesNone() throws Exception {
        XSSFWorkbook base = new XSSFWorkbook(WrittenNotes.SHEETS);
        try {
            WrittenNotes.NotedSheet sheet = (WrittenNotes.NotedSheet) base.createSheet("Schede");
            new it.pa.monitor.report.layout.CellComments(sheet, "Monitor").add(2, 3, "una nota", 2);
            assertThat(sheet.getVMLDrawing(false)).isNull();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sheet.getVMLDrawing(true))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("Schede");
        } finally {
            base.getPackage().revert();
        }
    }

    /**
     * The parts of a streamed workbook (as a large per-recipient workbook) holding {@code content}, over POI's
     * sheets or, {@code noted}, over sheets keeping their comments as plain notes (then checked to be).
     */
    private static Map<String, byte[]> streamedZipped(boolean noted, java.util.function.Consumer<Workbook> content)
            throws Exception {
        XSSFWorkbook base = noted ? new XSSFWorkbook(WrittenNotes.SHEETS) : new XSSFWorkbook();
        var workbook = new it.pa.monitor.report.layout.StreamedWorkbook(base, RelazioneWriter.WINDOW);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            content.accept(workbook);
            workbook.setActiveSheet(0);
            workbook.writeAvoidingTempFiles(out);
            for (int i = 0; i < base.getNumberOfSheets(); i++) {
                assertThat(base.getSheetAt(i) instanceof WrittenNotes.NotedSheet).isEqualTo(noted);
                if (noted) {
                    assertThat(base.getSheetAt(i).getRelations())
                            .noneMatch(part -> part instanceof org.apache.poi.xssf.model.CommentsTable
                                    || part instanceof org.apache.poi.xssf.usermodel.XSSFVMLDrawing);
                }
            }
        } finally {
            workbook.dispose();
        }
        // Read through the central directory: the streamed zip gives its entries' sizes there, not where a
        // zip stream reader looks for them.
        Path file = Files.createTempFile("notes", ".xlsx");
        Map<String, byte[]> parts = new java.util.TreeMap<>();
        try {
            Files.write(file, out.toByteArray());
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (var entry : java.util.Collections.list(zip.entries())) {
                    parts.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
                }
            }
        } finally {
            Files.delete(file);
        }
        return parts;
    }

    private static byte[] zippedBytes(Map<String, byte[]> parts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var part : parts.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * A sheet holding what the filled rows are not written for (a formula, a boolean, a cell without a style, a
     * row's style, an outline level, a text not filed by {@link Cells}) has its rows copied into POI's cells
     * and is saved by POI: the same sheet as POI's own workbook given the same cells.
     */
    @Test
    void aSheetTheFilledRowsDoNotWriteIsSavedByPoi() throws Exception {
        List<java.util.function.Consumer<Workbook>> unusual = List.of(
                workbook -> Cells.row(workbook.createSheet("Esiti"), 1).createCell(2).setCellFormula("A1+1"),
                workbook -> Cells.row(workbook.createSheet("Esiti"), 1).createCell(2).setCellValue(true),
                workbook -> Cells.row(workbook.createSheet("Esiti"), 1).createCell(2).setCellValue(0.25),
                workbook -> {
                    Row row = Cells.row(workbook.createSheet("Esiti"), 1);
                    row.setRowStyle(workbook.getCellStyleAt(0));
                },
                workbook -> {
                    Sheet sheet = workbook.createSheet("Esiti");
                    Cells.text(Cells.row(sheet, 0), 0, "Primo", workbook.getCellStyleAt(0));
                    Cells.row(sheet, 2);
                    Cells.row(sheet, 3);
                    sheet.groupRow(2, 3); // SXSSF groups only rows made already
                });
        for (var change : unusual) {
            java.util.function.Consumer<Workbook> content = workbook -> {
                it.pa.monitor.report.layout.ReportStyles styles = new it.pa.monitor.report.layout.ReportStyles(workbook);
                change.accept(workbook);
                Sheet sheet = workbook.getSheetAt(0);
                it.pa.monitor.report.layout.PrintSetup.apply(sheet, 1, 30, 20, 12);
                Cells.text(Cells.row(sheet, 4), 1, "Raggiunto", styles.text());
                Cells.percent(Cells.row(sheet, 4), 2, java.math.BigDecimal.TEN, styles.percent());
            };
            Map<String, byte[]> filled = filledZipped(content);
            Map<String, byte[]> poi = zipped(new XSSFWorkbook(), content);
            for (String part : List.of("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml")) {
                assertThat(new String(filled.get(part), StandardCharsets.UTF_8)).as(part)
                        .isEqualTo(new String(poi.get(part), StandardCharsets.UTF_8));
            }
        }
        // A text put into a cell without Cells is filed when the rows are copied: the same cells read back.
        java.util.function.Consumer<Workbook> direct = workbook -> {
            Sheet sheet = workbook.createSheet("Esiti");
            it.pa.monitor.report.layout.PrintSetup.apply(sheet, 1, 30, 20);
            Cells.text(Cells.row(sheet, 0), 0, "Primo", workbook.getCellStyleAt(0));
            Cell cell = Cells.row(sheet, 1).createCell(1);
            cell.setCellValue("Diretto");
            cell.setCellStyle(workbook.getCellStyleAt(0));
        };
        assertThat(cells(write(output.resolve("direct-filled.xlsx"), filledZipped(direct))))
                .isEqualTo(cells(write(output.resolve("direct-poi.xlsx"), zipped(new XSSFWorkbook(), direct))))
                .contains("Esiti!B2 Diretto");
    }

    /** The parts the run writes for {@code content} in the filled workbook, by name. */
    private static Map<String, byte[]> filledZipped(java.util.function.Consumer<Workbook> content) throws Exception {
        SmallWorkbook.Filled workbook = SmallWorkbook.filled();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            content.accept(workbook);
            workbook.setActiveSheet(0);
            try (var zip = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(out)) {
                workbook.writeTo(zip);
            }
        } finally {
            workbook.book().getPackage().revert();
        }
        Map<String, byte[]> parts = new java.util.TreeMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), zip.readAllBytes());
            }
        }
        return parts;
    }

    /** {@code parts} zipped into {@code file}. */
    private static Path write(Path file, Map<String, byte[]> parts) throws Exception {
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (var part : parts.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** Every cell as sheet, address, text or number, style's border and wrap, and the row's height. */
    private static List<String> cells(Path file) throws Exception {
        List<String> cells = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            for (Sheet sheet : workbook) {
                cells.add(sheet.getSheetName() + " merged " + sheet.getMergedRegions());
                for (Row row : sheet) {
                    cells.add(sheet.getSheetName() + " row " + row.getRowNum() + " " + row.getHeightInPoints());
                    for (Cell cell : row) {
                        cells.add(sheet.getSheetName() + "!" + cell.getAddress() + " " + switch (cell.getCellType()) {
                            case STRING -> cell.getStringCellValue();
                            case NUMERIC -> String.valueOf(cell.getNumericCellValue());
                            default -> "";
                        });
                        cells.add(cell.getCellStyle().getBorderTop() + " " + cell.getCellStyle().getWrapText() + " "
                                + cell.getCellStyle().getDataFormatString()
                                + (cell.getCellComment() == null ? "" : " " + cell.getCellComment().getString()));
                    }
                }
            }
        }
        return cells;
    }
}
