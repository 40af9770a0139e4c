package it.pa.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.report.sheets.AndamentoSheet;
import it.pa.monitor.report.sheets.ObjectiveCards;
import it.pa.monitor.report.sheets.OperationalCardsSheet;
import it.pa.monitor.report.sheets.SheetWriter;
import it.pa.monitor.report.sheets.StrategicCardsSheet;
import it.pa.monitor.results.PeriodResults;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.IndicatorStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sheets that grow with the plan stream on a large plan: only a window of rows stays in
 * memory, and the cards' notes go in a column, not in comments (held whole in memory).
 */
public class StreamedSheetsTest {

    /** 60 operational objectives of 50 indicators: 3,000 indicators, over the comments' limit. */
    private static final int OBJECTIVES = 60;
    private static final int PER_OBJECTIVE = 50;

    /** Built once: scoring the fixture is the slow part. */
    private static final ReportData LARGE = largePlan();

    @TempDir
    Path folder;

    @Test
    void theSheetsThatGrowWithThePlanStreamTheOthersNeedTheWholeModel() {
        List<String> streamed = new RelazioneWriter(RelazioneWriterTest.allSheets()).writers().stream()
                .filter(w -> w.mode() == SheetWriter.Mode.STREAMED).map(SheetWriter::name).toList();
        assertThat(streamed).containsExactly("Obiettivi strategici", "Obiettivi operativi", "Andamento", "Risultati",
                "Qualità dati", "Fonti");
    }

    @Test
    void operationalCardsOfALargePlanStreamWithTheNotesInAColumn() throws IOException {
        ReportData data = LARGE;
        assertThat(data.plan().indicators()).hasSizeGreaterThan(ObjectiveCards.COMMENTS_MAX);
        Path file = folder.resolve("cards.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(RelazioneWriter.WINDOW)) {
            new OperationalCardsSheet().write(workbook, data, new ReportStyles(workbook));
            SXSSFSheet sheet = workbook.getSheet("Obiettivi operativi");
            // Title, a blank row, then per card 5 captions (OO, OS, units, result, band), the header, 50
            // indicators and a blank row: 57 rows; the last card ends at 2 + 59 × 57 + 55 = 3,420.
            assertThat(sheet.getLastRowNum()).isEqualTo(3_420);
            assertThat((Object) sheet.getRow(0)).as("the title row is already on disk").isNull();
            assertThat((Object) sheet.getRow(3_420)).isNotNull();
            assertThat(workbook.getXSSFWorkbook().getSheet("Obiettivi operativi").getCellComments()).isEmpty();
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook read = new XSSFWorkbook(in)) {
            XSSFSheet sheet = read.getSheet("Obiettivi operativi");
            Row header = sheet.getRow(2 + 5);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Indicatore");
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("Note");
            Row first = sheet.getRow(2 + 6);
            assertThat(first.getCell(0).getStringCellValue()).startsWith("IND_01 – ");
            // No result for the period: the % cell stays empty and the note says why.
            assertThat(first.getCell(5).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("Nessun risultato per il periodo");
            assertThat(sheet.getRow(3_420).getCell(0).getStringCellValue()).startsWith("IND_50 – ");
        }
    }

    @Test
    void onASmallPlanTheStreamedCardsKeepTheirComments() throws IOException {
        ReportData data = ReportFixtures.massaCarrara();
        IndicatorKey key = new IndicatorKey("OS_3.1", "D1.3_04.1", 1);
        List<IndicatorResult> indicators = data.current().indicators().stream()
                .map(r -> r.key().equals(key) ? new IndicatorResult(key, r.weight(), IndicatorStatus.IN_CORSO, null,
                        null, "scadenza", null, "scadenza non ancora raggiunta") : r)
                .toList();
        ReportData inCorso = new ReportData(data.plan(), data.methodology(), data.period(),
                new PeriodResults(data.period(), indicators, data.current().items(), data.current().projections()),
                data.history(), data.values(), data.quality(), data.sources());
        Path file = folder.resolve("small.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(RelazioneWriter.WINDOW);
             OutputStream out = Files.newOutputStream(file)) {
            new StrategicCardsSheet().write(workbook, inCorso, new ReportStyles(workbook));
            workbook.write(out);
        }
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook read = new XSSFWorkbook(in)) {
            XSSFSheet sheet = read.getSheet("Obiettivi strategici");
            Row row = WrittenSheet.rowStartingWith(sheet, 0, 0, "D1.3_04.1 – ").orElseThrow();
            assertThat(row.getCell(5).getCellComment().getString().getString())
                    .isEqualTo("Non valutato: in corso – scadenza non ancora raggiunta");
            assertThat(row.getLastCellNum()).as("no Note column on a small plan").isEqualTo((short) 6);
        }
    }

    @Test
    void andamentoOfALargePlanStreamsAndKeepsItsCharts() throws IOException {
        ReportData data = LARGE;
        Path file = folder.resolve("andamento.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(RelazioneWriter.WINDOW)) {
            new AndamentoSheet().write(workbook, data, new ReportStyles(workbook));
            SXSSFSheet sheet = workbook.getSheet("Andamento");
            assertThat((Object) sheet.getRow(3)).as("the first rows are already on disk").isNull();
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook read = new XSSFWorkbook(in)) {
            XSSFSheet sheet = read.getSheet("Andamento");
            // Three header rows, then every OS of the plan (without indicators of their own here) and,
            // under the one the test objectives belong to, 60 objectives of 1 + 50 rows each.
            int os = data.plan().strategicObjectives().size();
            assertThat((Object) sheet.getRow(3 + os + OBJECTIVES * (1 + PER_OBJECTIVE) - 1)).isNotNull();
            assertThat(sheet.getDrawingPatriarch().getCharts()).hasSize(os);
        }
    }

    /** Massa-Carrara's OS with {@link #OBJECTIVES} made-up operational objectives, no result for any of them. */
    private static ReportData largePlan() {
        ReportData base = ReportFixtures.massaCarrara();
        Plan plan = base.plan();
        Indicator template = plan.indicators().get(0);
        String os = plan.strategicObjectives().get(0).code();
        List<OperationalObjective> operational = new ArrayList<>();
        List<Indicator> indicators = new ArrayList<>();
        for (int o = 1; o <= OBJECTIVES; o++) {
            String code = String.format("OO_T.%02d", o);
            operational.add(new OperationalObjective(code, "Obiettivo di prova " + o, os, BigDecimal.ONE, List.of(), o));
            for (int i = 1; i <= PER_OBJECTIVE; i++) {
                indicators.add(new Indicator(new IndicatorKey(code, String.format("IND_%02d", i), 1),
                        "Indicatore di prova " + i, template.algorithm(), template.source(), template.typology(),
                        template.unit(), template.target(), null, null, BigDecimal.ONE, false, null, null,
                        indicators.size()));
            }
        }
        Plan large = new Plan(plan.ente(), plan.year(), plan.periodicity(), plan.methodology(), plan.units(),
                plan.ambiti(), plan.strategicObjectives(), operational, indicators, List.of(), List.of(), List.of());
        return new ReportData(large, base.methodology(), base.period(), base.current(), base.history(),
                base.values(), base.quality(), base.sources());
    }
}
