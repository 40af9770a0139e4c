package it.pa.monitor.report.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.report.ReportFixtures;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.results.ReportedValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class FontiSheetTest {

    private static final String SHA = "9f2c".repeat(16);
    private static final Instant RECEIVED = Instant.parse("2023-01-20T09:30:00Z");

    @TempDir
    Path folder;

    @Test
    void listsWhereEveryValueCameFrom() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(write(ReportFixtures.massaCarrara())))) {
            XSSFSheet sheet = workbook.getSheet("Fonti");
            assertThat(sheet).isNotNull();
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("Indicatore", "Descrizione", "Valore", "File", "Foglio", "Cella",
                    "sha256", "Ricevuto il");
            // 50 consuntivi published for Massa-Carrara (EXPECTED.md).
            assertThat(sheet.getLastRowNum()).isEqualTo(50);
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("OS_1.1/Studi_ISR");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("Realizzazione studi da ISR");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("10,00 N.");
            assertThat(first.getCell(3).getStringCellValue()).endsWith("_2022.xlsx");
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("Rilevazione");
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("D8");
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo(SHA);
            Cell received = first.getCell(7);
            assertThat(received.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(received)).isTrue();
            assertThat(received.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy hh:mm");
            assertThat(received.getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.ofInstant(RECEIVED, ZoneId.systemDefault()));
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.STRING);
                    assertThat(row.getCell(6).getStringCellValue()).hasSize(64);
                }
            }
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:H51");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            PrintSetup print = sheet.getPrintSetup();
            assertThat(print.getLandscape()).isTrue();
            assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(print.getFitWidth()).isEqualTo((short) 1);
        }
    }

    @Test
    void keepsOfficeTextAsText() throws IOException {
        ReportData base = ReportFixtures.massaCarrara();
        IndicatorKey key = new IndicatorKey("OS_1.1", "Studi_ISR", 1);
        ReportData data = new ReportData(base.plan(), base.methodology(), base.period(), base.current(),
                base.history(), base.values(), base.quality(), row -> row.accept(new ReportedValue(key, "=SUM(A1)",
                        "=HYPERLINK(\"x\").xlsx", SHA, "Rilevazione", "D8", "S_PRO", RECEIVED)));
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(write(data)))) {
            Row row = workbook.getSheet("Fonti").getRow(1);
            assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("=SUM(A1)");
            assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.STRING);
        }
    }

    /** A hundred thousand values streamed from a generator, never held in a list, in bounded memory. */
    @Test
    void streamsAHundredThousandRows() throws Exception {
        ReportData base = ReportFixtures.massaCarrara();
        int count = 100_000;
        ReportData data = new ReportData(base.plan(), base.methodology(), base.period(), base.current(),
                base.history(), base.values(), base.quality(), row -> {
                    for (int i = 0; i < count; i++) {
                        IndicatorKey key = new IndicatorKey("OO_" + (i % 997), "IND_" + i, 1);
                        row.accept(new ReportedValue(key, Integer.toString(i), "scheda_U" + (i % 1000) + "_2022.xlsx",
                                SHA, "Rilevazione", "D" + (8 + i % 40), "U" + (i % 1000),
                                RECEIVED.plusSeconds(i)));
                    }
                });
        Path file = write(data);
        assertThat(file).isRegularFile();
        assertThat(rows(file)).isEqualTo(count + 1);
    }

    private Path write(ReportData data) throws IOException {
        Path file = folder.resolve("fonti-" + System.nanoTime() + ".xlsx");
        SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), 100);
        try (OutputStream out = Files.newOutputStream(file)) {
            assertThat(new FontiSheet().write(workbook, data, new ReportStyles(workbook))).isTrue();
            workbook.write(out);
        } finally {
            workbook.close();
        }
        return file;
    }

    /** Counts the rows of the only sheet by reading its XML as a stream (a DOM of 100 001 rows is slow). */
    private static int rows(Path file) throws IOException, OpenXML4JException, XMLStreamException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            int rows = 0;
            try (InputStream sheet = sheets.next()) {
                assertThat(sheets.getSheetName()).isEqualTo("Fonti");
                XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(sheet);
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                        rows++;
                    }
                }
                xml.close();
            }
            return rows;
        }
    }
}
