package it.pa.monitor.intake.sheet;

import static it.pa.monitor.intake.sheet.TestWorkbooks.row;
import static it.pa.monitor.intake.sheet.TestWorkbooks.sheet;
import static it.pa.monitor.intake.sheet.TestWorkbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.intake.sheet.MonitoringSheetReader.ReadOutcome;
import it.pa.monitor.values.ItalianFormat;
import it.pa.monitor.workbook.HeapSize;
import it.pa.monitor.workbook.SharedStringsCost;
import it.pa.monitor.workbook.XlsxSheets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitoring sheet's text has a limit (issue 11, "no input can exhaust the memory"): its shared strings, held whole
 * while it is read, and the cells kept from it. A file past it is rejected with its reason, the shared strings as
 * soon as they pass it, never held whole.
 */
class SheetTextLimitTest {

    private static final Object[] HEADER = row("Codice obiettivo", "Codice indicatore", "Indicatore", "Algoritmo",
            "Peso", "Target", "Consuntivo", "Note");

    @TempDir
    private Path dir;

    /**
     * The limit counts a shared string's characters and {@value XlsxSheets#SHARED_STRING_COST} for the string
     * itself: worked out here from the file's own shared-strings part, the sheet is read at exactly that limit and
     * rejected one character below it, with the limit written the Italian way.
     */
    @Test
    void sharedStringsPastTheLimitRejectTheFile() throws IOException {
        String longNote = "nota ".repeat(1_000).strip();
        Path file = xlsx(dir, "scheda_SG.xlsx", wb -> sheet(wb, "Rilevazione", HEADER,
                row("OO_01", "IND_01", "Tempi medi di pagamento", "gg medi", 20, "<= 30 gg", 27, longNote),
                row("OO_01", "IND_02", "Pratiche evase", "evase / ricevute", 80, ">= 95%", "95,83 %", null)));
        long cost = SharedStringsCost.of(file);
        // 8 header texts and 11 distinct texts in the rows (OO_01 once), the long note among them.
        assertThat(SharedStringsCost.strings(file)).isEqualTo(19);
        assertThat(cost).isGreaterThan(longNote.length() + 19L * XlsxSheets.SHARED_STRING_COST);

        ReadOutcome atTheLimit = new MonitoringSheetReader(20_000, 1, cost).read(file);
        assertThat(atTheLimit.failure()).isNull();
        ReadOutcome refused = new MonitoringSheetReader(20_000, 1, cost - 1).read(file);
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.failure()).isEqualTo(WorkbookTableReader.tooMuchText("scheda_SG.xlsx", cost - 1))
                .startsWith("Il file «scheda_SG.xlsx» non è stato letto: contiene più testo di quanto il programma legga"
                        + " in una scheda (circa " + String.format(java.util.Locale.ITALY, "%,d", cost - 1) + " caratteri)");
    }

    /**
     * A sheet written by a streaming writer holds its texts in its cells (no shared strings): the cells kept are
     * counted as they are read, and the table past the limit is rejected for its text, not for its rows.
     */
    @Test
    void cellTextsPastTheLimitRejectTheFile() throws IOException {
        String note = "x".repeat(1_000);
        Path file = dir.resolve("scheda_inline.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook()) {
            Object[][] rows = new Object[41][];
            rows[0] = HEADER;
            for (int i = 1; i <= 40; i++) {
                rows[i] = row("OO_01", "IND_" + i, "Indicatore " + i, "a / b", 1, ">= 1", 1, note);
            }
            sheet(workbook, "Rilevazione", rows);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            workbook.dispose();
        }
        assertThat(SharedStringsCost.strings(file)).isZero(); // the texts are in the cells
        // 40 notes of 1 000 characters: 40 000 characters at least, whatever the other cells hold.
        ReadOutcome refused = new MonitoringSheetReader(20_000, 1, 40_000).read(file);
        assertThat(refused.failure()).isEqualTo(WorkbookTableReader.tooMuchText("scheda_inline.xlsx", 40_000));
        ReadOutcome read = new MonitoringSheetReader(20_000, 1, 60_000).read(file);
        assertThat(read.succeeded()).isTrue();
        assertThat(read.sheet().rows()).hasSize(40);
    }

    /**
     * An .xls or an .ods is read whole before its cells can be counted: one larger (once expanded: the sum of its zip
     * entries' sizes, for an .ods) than the size given (a quarter of it for an .xls, whose POI model is the heavier) is
     * rejected unread, saying its size and the most it may be. Two are read in turn by one reader: each whole read
     * gives its turn back.
     */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void anXlsOrOdsLargerThanTheWholeReadLimitIsRejectedUnread() throws IOException {
        Path xls = TestWorkbooks.xls(dir, "scheda_SG.xls", wb -> sheet(wb, "Rilevazione", HEADER,
                row("OO_01", "IND_01", "Tempi medi di pagamento", "gg medi", 20, "<= 30 gg", 27, null)));
        Path ods = Path.of("src/test/resources/ods/scheda_S_RM_2022.ods");
        long odsSize = sizeOf(ods, part -> true);
        for (var file : java.util.Map.of(xls, 4 * Files.size(xls), ods, odsSize).entrySet()) {
            long size = file.getValue();
            MonitoringSheetReader atTheLimit = new MonitoringSheetReader(20_000, 1, 0, size);
            assertThat(atTheLimit.read(file.getKey()).failure()).isNull();
            assertThat(atTheLimit.read(file.getKey()).failure()).as("read again by the same reader").isNull();
            ReadOutcome refused = new MonitoringSheetReader(20_000, 1, 0, size - 1).read(file.getKey());
            assertThat(refused.failure()).startsWith("Il file «" + file.getKey().getFileName() + "» non è stato letto:"
                    + " è troppo grande per una scheda di monitoraggio (").contains(" MB una volta decompresso; un file"
                    + " .xls o .ods, o un .xlsx con formule salvate senza valore, si legge per intero");
        }
    }

    /**
     * A sheet the fast reader gives up on at once (an ISO date in its first rows) holding, further down, a text longer
     * than any cell's: refused before the streaming reader, which holds a text whole, reads it.
     */
    @Test
    void aTextLongerThanAnyCellsIsRefusedBeforeTheStreamingReader() throws IOException {
        String tooLong = new java.util.Random(3).ints(1_048_577, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        Path file = TestWorkbooks.withSheetXml(dir, "scheda_lunga.xlsx", "<worksheet xmlns=\"http://schemas.openxmlformats"
                + ".org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">" + inline("A1", "Codice indicatore")
                + inline("B1", "Consuntivo") + "<c r=\"Z1\" t=\"d\"><v>2025-03-15T00:00:00</v></c></row><row r=\"200\">"
                + inline("A200", "IND_01") + inline("C200", tooLong) + "</row></sheetData></worksheet>");

        assertThat(new MonitoringSheetReader(20_000, 1, 0, 0).read(file).failure())
                .startsWith("Il file «scheda_lunga.xlsx» non è stato letto: contiene un testo di oltre un milione di"
                        + " caratteri senza interruzioni");
    }

    /**
     * A sheet the fast reader gives up on half-way (an ISO-date cell on its last row) is read again by the streaming
     * reader: its text is counted afresh, not added to what the first read had counted (40 notes of 1 000 characters
     * and 170 short codes, about 41 000 characters, against a limit of 60 000); the XML parts other than the sheets,
     * which the streaming reader holds whole, are within the size given for files read whole, here exactly, and one
     * byte less rejects the file.
     */
    @Test
    void aSheetReadAgainByTheStreamingReaderIsCountedAfresh() throws IOException {
        StringBuilder xml = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                + "main\"><sheetData><row r=\"1\">" + inline("A1", "Codice indicatore") + inline("B1", "Consuntivo")
                + inline("C1", "Note") + "</row>");
        // The fast reader parses rows ahead of those it hands out: the ISO date comes 130 rows after the notes.
        for (int r = 2; r <= 171; r++) {
            xml.append("<row r=\"").append(r).append("\">").append(inline("A" + r, "IND_" + r))
                    .append("<c r=\"B").append(r).append("\"><v>1</v></c>")
                    .append(r <= 41 ? inline("C" + r, "n".repeat(1_000)) : "").append("</row>");
        }
        xml.append("<row r=\"172\"><c r=\"Z172\" t=\"d\"><v>2025-03-15T00:00:00</v></c></row></sheetData>"
                + "</worksheet>");
        Path file = TestWorkbooks.withSheetXml(dir, "scheda_iso.xlsx", xml.toString());
        // The XML parts outside the sheets (no images, charts or caches in this file): what it may hold whole.
        long others = sizeOf(file, part -> part.endsWith(".xml") && !part.startsWith("xl/worksheets/"));

        ReadOutcome read = new MonitoringSheetReader(20_000, 1, 60_000, others).read(file);
        assertThat(read.failure()).isNull();
        assertThat(read.sheet().rows()).hasSize(170);
        // Refused for what it is, not for its text, which is within the limit.
        assertThat(new MonitoringSheetReader(20_000, 1, 60_000, others - 1).read(file).failure())
                .isEqualTo("Il file «scheda_iso.xlsx» non è stato letto: le sue parti diverse dai fogli (i testi che i"
                        + " fogli condividono, gli stili) occupano " + ItalianFormat.megabytes(others) + " MB una volta"
                        + " decompresse e il programma, per leggere questo file, le terrebbe tutte in memoria: con la"
                        + " memoria assegnata può tenerne al massimo " + ItalianFormat.megabytes(others - 1) + " MB."
                        + " Usare il modello della scheda, senza righe o fogli aggiunti, salvarlo da Excel o LibreOffice"
                        + " come .xlsx e inviarlo di nuovo.");
    }

    private static String inline(String cell, String text) {
        return "<c r=\"" + cell + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    /** Unless configured, the limit is one character per 16 bytes of heap for three sheets per reading thread. */
    @Test
    void theDefaultLimitIsWorkedOutFromTheHeapAndTheReadingThreads() {
        long heap = HeapSize.max();
        assertThat(new MonitoringSheetReader(20_000, 2, 0).maxTextChars()).isEqualTo(heap / 16 / 6);
        assertThat(new MonitoringSheetReader(20_000, 4, 0).maxTextChars()).isEqualTo(heap / 16 / 12);
        assertThat(new MonitoringSheetReader(20_000, 2, 1_234).maxTextChars()).isEqualTo(1_234);
    }

    /**
     * By default one reading thread per core, but at most four (one writer stores the files): on a server of 32 cores
     * a sheet gets the share of the heap it gets on 4, not an eighth of it.
     */
    @Test
    void theDefaultReadingThreadsStopAtFourSoTheLimitDoesNotShrinkWithTheCores() {
        assertThat(MonitoringSheetReader.defaultReadThreads(1)).isEqualTo(1);
        assertThat(MonitoringSheetReader.defaultReadThreads(2)).isEqualTo(2);
        assertThat(MonitoringSheetReader.defaultReadThreads(4)).isEqualTo(4);
        assertThat(MonitoringSheetReader.defaultReadThreads(32)).isEqualTo(4);
        MonitoringSheetReader byDefault = new MonitoringSheetReader(20_000);
        assertThat(byDefault.readThreads())
                .isEqualTo(Math.min(Runtime.getRuntime().availableProcessors(), 4));
        assertThat(byDefault.maxTextChars()).isEqualTo(HeapSize.max() / 16 / (3L * byDefault.readThreads()));
    }

    /** The sizes the zip's directory gives for the parts {@code counted} accepts, added up. */
    private static long sizeOf(Path zip, java.util.function.Predicate<String> counted) throws IOException {
        long size = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (var entries = file.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                size += counted.test(entry.getName()) ? entry.getSize() : 0;
            }
        }
        return size;
    }
}
