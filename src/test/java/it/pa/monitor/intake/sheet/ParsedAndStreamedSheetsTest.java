package it.pa.monitor.intake.sheet;

import static it.pa.monitor.intake.sheet.TestWorkbooks.merge;
import static it.pa.monitor.intake.sheet.TestWorkbooks.put;
import static it.pa.monitor.intake.sheet.TestWorkbooks.row;
import static it.pa.monitor.intake.sheet.TestWorkbooks.sheet;
import static it.pa.monitor.intake.sheet.TestWorkbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.bench.Workload;
import it.pa.monitor.bench.WorkloadGenerator;
import it.pa.monitor.bench.WorkloadSpec;
import it.pa.monitor.intake.sheet.MonitoringSheetReader.ReadOutcome;
import it.pa.monitor.intake.sheet.TestWorkbooks.Formula;
import it.pa.monitor.intake.sheet.TestWorkbooks.Percent;
import it.pa.monitor.workbook.WorkbookFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monitoring .xlsx files read by {@code XlsxSheets} give exactly what the streaming reader
 * (excel-streaming-reader, the earlier way) gave: the same sheet, values, addresses, merged objective
 * cells, hidden rows and messages, and the same need of a whole-workbook read for formulas without values.
 */
class ParsedAndStreamedSheetsTest {

    private static final int MAX_ROWS = 20_000;

    @TempDir
    private Path dir;

    @Test
    void generatedWorkloadSheetsReadAlike() throws IOException {
        // The benchmark's monitoring workbooks: header block, text/number/percent/date values, N.C., bad cells.
        Workload workload = new WorkloadGenerator(new WorkloadSpec(12, 40, 11, 25)).generate(dir.resolve("carico"));
        List<Path> files;
        try (Stream<Path> listed = Files.list(workload.inbox())) {
            files = listed.filter(f -> !f.getFileName().toString().equals(workload.planFile())).sorted().toList();
        }
        assertThat(files).hasSize(12);
        for (Path file : files) {
            ReadOutcome parsed = assertReadAlike(file, MAX_ROWS);
            assertThat(parsed.succeeded()).as(file.toString()).isTrue();
            assertThat(parsed.sheet().rows()).hasSize(40);
        }
    }

    @Test
    void fixtureSheetsReadAlike() {
        List<Path> files = new ArrayList<>();
        files.add(SheetFixture.forUnit("CCIAA di Prova", "Segreteria generale", "2025")
                .row("OO_01", "IND_01", ">= 10", 12)
                .row("OO_01", "IND_02", "100%", "95,5 %")
                .row("OO_02", "IND_03", "= 100 %", new SheetFixture.Formula("1/0"))
                .row("OO_02", "IND_04", "SI", new SheetFixture.Formula("2*21"))
                .row(null, "IND_05", null, "N.C.")
                .writeTo(dir, "fixture.xlsx"));
        files.add(SheetFixture.forUnit("CCIAA di Prova", "Ragioneria", "2025")
                .row("OO_01", "IND_01", ">= 10", new SheetFixture.Formula("3*4"))
                .writeAsScript(dir, "script.xlsx"));
        files.add(SheetFixture.forUnit("CCIAA", "Ufficio", "2025").sheetName("Dati").actualHeader("Valore rilevato")
                .row("OO_01", "IND_01", "10", 10).writeTo(dir, "altro-foglio.xlsx"));
        files.add(SheetFixture.forUnit("CCIAA", "Ufficio", "2025").sheetName("Rilevazione").actualHeader("Valore")
                .row("OO_01", "IND_01", "10", 10).writeTo(dir, "senza-consuntivo.xlsx"));
        for (Path file : files) {
            assertReadAlike(file, MAX_ROWS);
        }
        assertThat(readParsed(files.get(1), MAX_ROWS).needsWholeWorkbook).isTrue();
        assertThat(readParsed(files.get(3), MAX_ROWS).outcome.failure()).contains("manca la colonna «Consuntivo»");
    }

    @Test
    void sheetsShapedLikeTheSeedsReadAlike() {
        List<Path> files = new ArrayList<>();
        files.add(xlsx(dir, "unite.xlsx", wb -> {
            Sheet sheet = sheet(wb, "Rilevazione",
                    row("Ente", "CCIAA di Prova"),
                    row("Periodo:", null, "2025"),
                    null,
                    row("Codice obiettivo", "Descrizione obiettivo", "Codice indicatore", "Target", "Consuntivo",
                            "Peso", "Note"),
                    row("OO_01.01.01", "Digitalizzazione", "IND_01", ">= 10", 11, new Percent(0.25), true),
                    row(null, null, "IND_02", null, new Formula("E5*2"), null, false),
                    row(null, null, "IND_03", null, LocalDate.of(2025, 12, 31), null,
                            new TestWorkbooks.Error(FormulaError.NA.getCode())),
                    row("OO_01.01.02", "Semplificazione", "IND_04", ">= 5", new Percent(0.9583), null, "nota"),
                    row(null, null, "IND_05", null, new Formula("\"Realiz\"&\"zato\""), null, new Formula("1=1")));
            merge(sheet, "A5:A7");
            merge(sheet, "B5:B7");
            merge(sheet, "D5:D7");
            merge(sheet, "A8:A9");
            sheet.getRow(5).setZeroHeight(true);
            sheet(wb, "_meta", row("template_version", "1"), row("unita", "SG"), row("periodo", "2025"));
            wb.setSheetHidden(1, true);
        }));
        files.add(xlsx(dir, "due-righe.xlsx", wb -> {
            Sheet sheet = sheet(wb, "Rilevazione",
                    row("MISSIONE - 011 - Competitività e sviluppo imprese"),
                    row("Codice", "Indicatore", "Target", null, null, "Consuntivo"),
                    row(null, null, 2022, 2023, 2024, null),
                    row("PID_01", "Tempo medio", 30, 25, 20, 22));
            merge(sheet, "C2:E2");
        }));
        files.add(xlsx(dir, "operatore.xlsx", wb -> sheet(wb, "Rilevazione",
                row("Codice indicatore", "Target 2024", null, "Consuntivo"),
                row(null, ">=", 4, null),
                row("PID", ">=", 4, 5))));
        files.add(xlsx(dir, "meta-prima.xlsx", wb -> {
            sheet(wb, "_meta", row("unita", "SG"));
            sheet(wb, "Istruzioni", row("Compilare il foglio Dati"));
            Sheet data = sheet(wb, "Dati");
            put(data, 30, 2, row("Codice indicatore", "Consuntivo"), row("IND_01", 1), row("IND_02", 2));
        }));
        files.add(xlsx(dir, "nessun-foglio.xlsx", wb -> {
            sheet(wb, "Foglio1", row("Codice indicatore", "Valore"), row("IND_01", 1));
            sheet(wb, "Foglio2", row("nulla"));
        }));
        for (Path file : files) {
            assertReadAlike(file, MAX_ROWS);
        }
        MonitoringSheet merged = readParsed(files.get(0), MAX_ROWS).outcome.sheet();
        assertThat(merged.rows()).extracting(r -> r.cell(MonitoringColumn.OBJECTIVE_CODE).value().text())
                .containsExactly("OO_01.01.01", "OO_01.01.01", "OO_01.01.01", "OO_01.01.02", "OO_01.01.02");
        assertThat(merged.rows()).extracting(MonitoringRow::hidden).containsExactly(false, true, false, false, false);
        assertThat(merged.meta()).containsEntry("unita", "SG");
    }

    @Test
    void largeSheetsAndTheRowLimitReadAlike() {
        // 450 rows cross several of the 100-row blocks both readers parse at a time; the limit cuts at 300.
        Path many = TestWorkbooks.rows(dir, "molte.xlsx", 450);
        ReadOutcome within = assertReadAlike(many, MAX_ROWS);
        assertThat(within.sheet().rows()).hasSize(450);
        ReadOutcome over = assertReadAlike(many, 300);
        assertThat(over.failure()).contains("più di 300 righe di dati");
    }

    @Test
    void anXlsmAndInlineStringsReadAlike() throws IOException {
        Path xlsm = dir.resolve("macro.xlsm");
        try (XSSFWorkbook workbook = new XSSFWorkbook(XSSFWorkbookType.XLSM)) {
            sheet(workbook, "Rilevazione", row("Codice indicatore", "Consuntivo"), row("IND_01", 1.5));
            TestWorkbooks.save(workbook, xlsm);
        }
        assertThat(assertReadAlike(xlsm, MAX_ROWS).sheet().rows()).hasSize(1);
        assertThat(assertReadAlike(TestWorkbooks.rows(dir, "inline.xlsx", 3), MAX_ROWS).sheet().rows()).hasSize(3);
    }

    /** A sheet as other programs write it: no r attributes, rich inline text, shared and cached formulas. */
    @Test
    void aHandWrittenSheetReadsAlike() throws IOException {
        Path file = withSheetXml("scritto.xlsx", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                <cols><col min="1" max="2" width="20" customWidth="1"/><col min="4" max="4" hidden="1"/></cols>
                <sheetData>
                <row r="1"><c t="inlineStr"><is><r><t>Codice </t></r><r><t>obiettivo</t></r></is></c>
                <c t="inlineStr"><is><t>Codice indicatore</t></is></c><c t="s"><v>0</v></c><c t="inlineStr"><is><t>Note</t></is></c></row>
                <row><c t="inlineStr"><is><t>OO_01</t></is></c><c t="inlineStr"><is><t>IND_01</t></is></c><c><v>12.5</v></c>
                <c t="b"><v>1</v></c></row>
                <row hidden="1"><c r="B3" t="inlineStr"><is><t>IND_02</t></is></c><c r="C3"><f t="shared" ref="C3:C4" si="0">C2*2</f><v>25</v></c>
                <c r="D3" t="e"><v>#DIV/0!</v></c></row>
                <row r="5"><c r="B5" t="str"><f>"IND_"&amp;"03"</f><v>IND_03</v></c><c r="C5"><f t="shared" si="0"/><v>50</v></c>
                <c r="D5" t="e"><v>#STRANO</v></c></row>
                <row r="6"><c r="B6" t="inlineStr"><is><t>IND_04</t></is></c><c r="C6"><f>C5+1</f></c></row>
                </sheetData><mergeCells count="2"><mergeCell ref="A2:A6"/><mergeCell ref="A2:A6"/></mergeCells>
                </worksheet>""");

        ReadOutcome parsed = assertReadAlike(file, MAX_ROWS);

        assertThat(parsed.sheet().rows()).extracting(r -> r.cell(MonitoringColumn.OBJECTIVE_CODE).value().text())
                .containsExactly("OO_01", "OO_01", "OO_01", "OO_01");
        assertThat(parsed.sheet().rows().get(1).hidden()).isTrue();
        assertThat(readParsed(file, MAX_ROWS).needsWholeWorkbook).isTrue();
    }

    /** The one difference, on purpose: a value a program wrapped in CDATA is read; the streaming reader saw nothing. */
    @Test
    void textInCdataIsReadWhereTheStreamingReaderSawNothing() throws IOException {
        Path file = withSheetXml("cdata.xlsx", """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><t>Codice indicatore</t></is></c><c r="B1" t="s"><v>0</v></c></row>
                <row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[IND_01]]></t></is></c><c r="B2"><v><![CDATA[12]]></v></c></row>
                </sheetData></worksheet>""");

        MonitoringRow parsed = readParsed(file, MAX_ROWS).outcome.sheet().rows().get(0);
        ReadOutcome streamed = readStreamed(file, MAX_ROWS).outcome;

        assertThat(parsed.cell(MonitoringColumn.INDICATOR_CODE).value().text()).isEqualTo("IND_01");
        assertThat(parsed.cell(MonitoringColumn.ACTUAL).value().number()).isEqualByComparingTo("12");
        assertThat(streamed.sheet().rows()).isEmpty();
    }

    /** What XlsxSheets does not read is left to the streaming reader, which reads (or refuses) it as before. */
    @Test
    void filesXlsxSheetsDoesNotReadAreLeftToTheStreamingReader() throws IOException {
        Path iso = withSheetXml("iso.xlsx", """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Codice indicatore</t></is></c></row>
                <row r="2"><c r="A2" t="d"><v>2025-03-15T00:00:00</v></c><c r="B2" t="inlineStr"><is><t>IND_01</t></is></c></row>
                </sheetData></worksheet>""");
        Path whole = xlsx(dir, "intero.xlsx", wb -> sheet(wb, "Rilevazione",
                row("Codice indicatore", "Consuntivo"), row("IND_01", 1)));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("troncato.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));

        for (Path file : List.of(iso, truncated)) {
            assertThat(MonitoringSheetReader.parsed(file, new WorkbookTableReader(file.getFileName().toString(),
                    MAX_ROWS), Long.MAX_VALUE)).as(file.toString()).isEmpty();
        }
        assertThat(new MonitoringSheetReader(MAX_ROWS).read(iso)).isEqualTo(readStreamed(iso, MAX_ROWS).outcome);
        assertThat(new MonitoringSheetReader(MAX_ROWS).read(truncated).failure())
                .contains("«troncato.xlsx» è danneggiato");
    }

    /** Reads {@code file} both ways, asserts the same outcome, and returns it. */
    private static ReadOutcome assertReadAlike(Path file, int maxRows) {
        Read parsed = readParsed(file, maxRows);
        Read streamed = readStreamed(file, maxRows);
        assertThat(parsed).as(file.getFileName().toString()).isEqualTo(streamed);
        return parsed.outcome;
    }

    private record Read(ReadOutcome outcome, boolean needsWholeWorkbook) {
    }

    private static Read readParsed(Path file, int maxRows) {
        WorkbookTableReader reader = new WorkbookTableReader(file.getFileName().toString(), maxRows);
        Optional<ReadOutcome> outcome;
        try {
            outcome = MonitoringSheetReader.parsed(file, reader, Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(outcome).as("read by XlsxSheets: " + file.getFileName()).isPresent();
        return new Read(outcome.get(), reader.needsWholeWorkbook());
    }

    private static Read readStreamed(Path file, int maxRows) {
        WorkbookTableReader reader = new WorkbookTableReader(file.getFileName().toString(), maxRows);
        try (Workbook workbook = WorkbookFiles.streamXlsx(file)) {
            return new Read(reader.read(workbook), reader.needsWholeWorkbook());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook whose one sheet, "Foglio", is {@code sheetXml}; its shared strings hold "Consuntivo" (index 0). */
    private Path withSheetXml(String name, String sheetXml) throws IOException {
        return TestWorkbooks.withSheetXml(dir, name, sheetXml);
    }
}
