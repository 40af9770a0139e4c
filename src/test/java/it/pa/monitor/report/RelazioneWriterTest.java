package it.pa.monitor.report;

import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.report.sheets.AlberoSheet;
import it.pa.monitor.report.sheets.AndamentoSheet;
import it.pa.monitor.report.sheets.ConfrontoAnniSheet;
import it.pa.monitor.report.sheets.ConfrontoAnniSheetTest;
import it.pa.monitor.report.sheets.CruscottiSheet;
import it.pa.monitor.report.sheets.FontiSheet;
import it.pa.monitor.report.sheets.OperationalCardsSheet;
import it.pa.monitor.report.sheets.PiraSheet;
import it.pa.monitor.report.sheets.QualitaDatiSheet;
import it.pa.monitor.report.sheets.RisorseSheet;
import it.pa.monitor.report.sheets.RisultatiSheet;
import it.pa.monitor.report.sheets.SheetWriter;
import it.pa.monitor.report.sheets.SintesiSheet;
import it.pa.monitor.report.sheets.StrategicCardsSheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole consolidated workbook: the sheets of FORMATS.md §5, in order, with those names. */
public class RelazioneWriterTest {

    @TempDir
    private Path output;

    @Test
    void sheetsInTheOrderAndWithTheNamesOfTheContract() throws IOException {
        Path file = new RelazioneWriter(allSheets()).write(ReportFixtures.tno(), output);
        assertThat(file).isEqualTo(output.resolve("2022/Relazione-2022.xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            // TNO publishes the resources its OS used: Risorse (6a) follows PIRA.
            assertThat(names(workbook)).containsExactly("Sintesi", "Albero", "Obiettivi strategici",
                    "Obiettivi operativi", "Cruscotti", "PIRA", "Risorse", "Andamento", "Risultati", "Qualità dati",
                    "Fonti");
            assertThat(workbook.getActiveSheetIndex()).isZero();
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    @Test
    void streamedSheetsAreCreatedLastYetPrintTheirOwnTitleRowsAfterBeingPutInOrder() throws Exception {
        // The print titles are defined names tied to a sheet's position: moving the sheets must move them.
        Path file = new RelazioneWriter(allSheets()).write(ReportFixtures.tno(), output);
        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            for (Sheet sheet : workbook) {
                assertThat(sheet.getRepeatingRows()).as(sheet.getSheetName()).isNotNull();
            }
            assertThat(workbook.getSheet("Sintesi").getRepeatingRows().getFirstRow()).isEqualTo(1);
            assertThat(workbook.getSheet("Obiettivi operativi").getRepeatingRows().getFirstRow()).isZero();
            assertThat(workbook.getSheet("Andamento").getRepeatingRows().getFirstRow()).isEqualTo(2);
            assertThat(workbook.getSheet("Risorse").getRepeatingRows().getFirstRow()).isEqualTo(2);
        }
    }

    @Test
    void aSheetWithoutAPlaceInTheOrderIsRefused() {
        SheetWriter stray = new SheetWriter() {
            @Override
            public String name() {
                return "Altro";
            }

            @Override
            public Mode mode() {
                return Mode.STREAMED;
            }

            @Override
            public boolean write(org.apache.poi.ss.usermodel.Workbook workbook, ReportData data, ReportStyles styles) {
                return false;
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RelazioneWriter(List.of(new FontiSheet(), stray)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mergedRegionsNeverOverlapOnAnySheet() throws Exception {
        // Excel refuses ("we found a problem with some content") a sheet whose merged regions overlap.
        for (ReportData data : List.of(ReportFixtures.tno(), ReportFixtures.massaCarrara())) {
            Path file = new RelazioneWriter(allSheets()).write(data, output);
            int regions = 0;
            try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
                for (Sheet sheet : workbook) {
                    List<org.apache.poi.ss.util.CellRangeAddress> merged = sheet.getMergedRegions();
                    regions += merged.size();
                    for (int i = 0; i < merged.size(); i++) {
                        for (int j = i + 1; j < merged.size(); j++) {
                            assertThat(merged.get(i).intersects(merged.get(j)))
                                    .as("%s: %s and %s", sheet.getSheetName(), merged.get(i).formatAsString(),
                                            merged.get(j).formatAsString()).isFalse();
                        }
                    }
                }
            }
            assertThat(regions).as("the workbook merges cells (cards, titles)").isPositive();
        }
    }

    @Test
    void thePiraSheetIsLeftOutWhenThePlanHasNoPira() throws Exception {
        Path file = new RelazioneWriter(allSheets()).write(ReportFixtures.massaCarrara(), output);
        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            assertThat(names(workbook)).containsExactly("Sintesi", "Albero", "Obiettivi strategici",
                    "Obiettivi operativi", "Cruscotti", "Andamento", "Risultati", "Qualità dati", "Fonti");
        }
    }

    @Test
    void confrontoAnniFollowsAndamentoWhenAnEarlierYearIsKnown() throws Exception {
        ReportData data = ReportFixtures.massaCarraraWithStorico(ConfrontoAnniSheetTest.STORICO,
                ConfrontoAnniSheetTest.SIGNIFICANT, new ArrayList<>());
        Path file = new RelazioneWriter(allSheets()).write(data, output);
        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            assertThat(names(workbook)).containsExactly("Sintesi", "Albero", "Obiettivi strategici",
                    "Obiettivi operativi", "Cruscotti", "Andamento", "Confronto anni", "Risultati", "Qualità dati",
                    "Fonti");
            assertThat(workbook.getSheet("Confronto anni").getDrawingPatriarch().getCharts()).hasSize(1);
        }
    }

    @Test
    void aBodyThatTruncatesSeesItsTruncatedFigures() throws Exception {
        // Massa-Carrara's ente is 99,8889 %: published 99,89 half-up, it would read 99,88 for a truncating body.
        ReportData halfUp = ReportFixtures.massaCarrara();
        java.util.List<String> problems = new ArrayList<>();
        ReportData truncating = new ReportData(halfUp.plan(), it.pa.monitor.plan.Methodology.from(
                java.util.Map.of("arrotondamento", "TRONCA", "os_da", "MISTO", "quota_indicatori", "60",
                        "ente", "PONDERATA_AMBITI", "unita", "SEMPLICE"), problems), halfUp.period(),
                halfUp.current(), halfUp.history(), halfUp.values(), halfUp.quality(), halfUp.sources(),
                halfUp.valueHistory());
        assertThat(problems).isEmpty();
        assertThat(enteOnRisultati(new RelazioneWriter(allSheets()).write(halfUp, output.resolve("a"))))
                .isCloseTo(0.998889, org.assertj.core.data.Offset.offset(0.000001));
        assertThat(enteOnRisultati(new RelazioneWriter(allSheets()).write(truncating, output.resolve("b"))))
                .isEqualTo(0.9988);
    }

    private static double enteOnRisultati(Path file) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            var risultati = workbook.getSheet("Risultati");
            for (var row : risultati) {
                if (row.getCell(1) != null && "Ente".equals(row.getCell(1).getStringCellValue())) {
                    return row.getCell(6).getNumericCellValue();
                }
            }
        }
        throw new AssertionError("no Ente row");
    }

    /** Every sheet writer of the report, as Spring would inject them. */
    static List<SheetWriter> allSheets() {
        return List.of(new SintesiSheet(), new AlberoSheet(), new StrategicCardsSheet(), new OperationalCardsSheet(),
                new CruscottiSheet(), new PiraSheet(), new RisorseSheet(), new AndamentoSheet(),
                new ConfrontoAnniSheet(), new RisultatiSheet(), new QualitaDatiSheet(), new FontiSheet());
    }

    private static List<String> names(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        for (Sheet sheet : workbook) {
            names.add(sheet.getSheetName());
        }
        return names;
    }
}
