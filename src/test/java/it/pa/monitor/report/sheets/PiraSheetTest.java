package it.pa.monitor.report.sheets;

import static it.pa.monitor.report.WrittenSheet.assertPercent;
import static it.pa.monitor.report.WrittenSheet.hasTrafficLight;
import static it.pa.monitor.report.WrittenSheet.rowStartingWith;
import static it.pa.monitor.report.WrittenSheet.rowsWith;
import static it.pa.monitor.report.WrittenSheet.text;
import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.report.RelazioneWriter;
import it.pa.monitor.report.ReportFixtures;
import it.pa.monitor.report.WrittenSheet;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.ReportStyles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class PiraSheetTest {

    private static final List<String> TABLE = List.of("Indicatori", "Tipologia", "UdM", "Consuntivo", "Target N",
            "Target N+1", "Target N+2", "Performance", "Peso indicatori");

    @TempDir
    Path folder;

    private final PiraSheet writer = new PiraSheet();

    @Test
    void missioniInCodeOrderWithTheirProgrammiAndObjectives() {
        Sheet sheet = write(ReportFixtures.tno());

        assertThat(RelazioneWriter.ORDER.indexOf(writer.getClass()) + 1).isEqualTo(6);
        assertThat(sheet.getSheetName()).isEqualTo("PIRA");
        List<String> captions = new ArrayList<>();
        for (Row row : sheet) {
            String text = text(row, 0);
            if (text.startsWith("MISSIONE - ") || text.startsWith("PROGRAMMA - ") || text.startsWith("OS_")) {
                captions.add(text);
            }
        }
        assertThat(captions).containsExactly(
                "MISSIONE - 011 - Competitività e sviluppo imprese",
                "PROGRAMMA - 005 - Politiche di sviluppo, competitività e innovazione, di RSI e movimento cooperativo",
                "OS_2.3 - Sostenere la doppia transizione ecologica e digitale, promozione dell'innovazione "
                        + "tecnologica ed organizzativa, sostegno alla nascita e alla crescita di imprese tradizionali "
                        + "e innovative (Peso: 50,00%)",
                "MISSIONE - 012 - Regolazione dei mercati",
                "PROGRAMMA - 004 - Vigilanza e tutela dei consumatori",
                "OS_3.1 - Valorizzare il patrimonio di dati del registro delle imprese in quanto Banca Dati Nazionale "
                        + "chiamata ad entrare nella PiattaformaDigitaleNazionaleDati (canc., iscriz.PEC,Tit.effet.,"
                        + "rev.albi ruoli) (Peso: 100,00%)",
                "MISSIONE - 016 - Commercio internazionale e internazionalizzazione del sistema produttivo",
                "PROGRAMMA - 005 - Internazionalizzazione e Made in Italy",
                "OS_2.4 - Sostenere lo sviluppo di nuove imprese esportatrici e lo sviluppo "
                        + "dell'internazionalizzazione, con particolare riferimento alle filiere prevalenti per "
                        + "contributo al PIL delle province di riferimento (Peso: 50,00%)");
        assertThat(rowsWith(sheet, 0, "Indicatori")).hasSize(3)
                .allSatisfy(header -> assertThat(WrittenSheet.texts(header)).isEqualTo(TABLE));
        Row planned = rowsWith(sheet, 0, "Risorse 2022 - Preventivo").get(0);
        assertThat(planned.getCell(1).getNumericCellValue()).isEqualTo(2_384_477.10);
    }

    @Test
    void indicatorRowsAsPublished() {
        Sheet sheet = write(ReportFixtures.tno());

        Row intl = rowStartingWith(sheet, 0, 0, "OC_Int_01 - ").orElseThrow();
        assertThat(text(intl, 0)).isEqualTo("OC_Int_01 - Livello di supporto alle imprese in tema di "
                + "internazionalizzazione");
        assertThat(text(intl, 1)).isEqualTo("Volume");
        assertThat(text(intl, 2)).isEqualTo("N.");
        assertThat(text(intl, 3)).isEqualTo("444,00 N.");
        assertThat(text(intl, 4)).isEqualTo(">= 500,00 N.");
        assertThat(text(intl, 5)).isEqualTo(">= 500,00 N.");
        assertThat(text(intl, 6)).isEqualTo(">= 500,00 N.");
        assertPercent(intl.getCell(7), 88.80);
        assertThat(hasTrafficLight(sheet, intl.getCell(7))).isTrue();
        assertPercent(intl.getCell(8), 25.00);

        Row digital = rowStartingWith(sheet, 0, 0, "OC_TBS_02 - ").orElseThrow();
        assertThat(text(digital, 4)).isEqualTo(">= 29,50 %");
        assertThat(text(digital, 5)).isEqualTo(">= 32,00 %");
        assertThat(text(digital, 6)).isEqualTo(">= 35,00 %");
        assertPercent(digital.getCell(7), 100.00);
        assertPercent(digital.getCell(8), 50.00);
    }

    @Test
    void officeTextStaysTextAndPrintSetup() {
        IndicatorKey key = new IndicatorKey("OS_2.4", "OC_Int_01", 1);
        Sheet sheet = write(WrittenSheet.withValue(ReportFixtures.tno(), key, "=A1*2"));

        Cell value = rowStartingWith(sheet, 0, 0, "OC_Int_01 - ").orElseThrow().getCell(3);
        assertThat(value.getCellType()).isEqualTo(CellType.STRING);
        assertThat(value.getStringCellValue()).isEqualTo("=A1*2");
        WrittenSheet.assertPrintSetup(sheet);
    }

    @Test
    void noSheetWithoutPira() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            boolean written = writer.write(workbook, ReportFixtures.massaCarrara(), new ReportStyles(workbook));

            assertThat(written).isFalse();
            assertThat(workbook.getNumberOfSheets()).isZero();
        }
    }

    private Sheet write(ReportData data) {
        return WrittenSheet.write(writer, data, folder).getSheet(writer.name());
    }
}
