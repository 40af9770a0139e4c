package it.pa.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.report.data.ReportData;
import java.util.HashMap;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A unit's workbook lists the indicators it has not reported and the problems of the files it sent. */
public class UnitResultsWorkbookTest {

    @Test
    void missingIndicatorsAndWarningsOfItsFiles() throws Exception {
        ReportData all = ReportFixtures.massaCarrara();
        var values = new HashMap<>(all.values());
        // Servizio Regolazione del Mercato has not sent OO_3.2.1's three values yet.
        values.keySet().removeIf(key -> key.objectiveCode().equals("OO_3.2.1"));
        ReportData data = new ReportData(all.plan(), all.methodology(), all.period(), all.current(), all.history(),
                values, all.quality(), all.sources());
        OrgUnit unit = data.plan().findUnit("S_RM").orElseThrow();
        Problem issue = Problem.cellWarning("Rilevazione", "C8", "=SUM(A1)",
                "target diverso dal piano («>= 10,00 N.»): vale quello del piano").inFile("scheda_S_RM_2022.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            UnitResultsWorkbook.write(workbook, data, unit, List.of(issue));
            Sheet missing = workbook.getSheet("Da rilevare");
            assertThat(WrittenSheet.texts(missing.getRow(2))).containsExactly("Obiettivo", "Indicatore", "Target",
                    "Stato");
            assertThat(List.of(text(missing.getRow(3), 1), text(missing.getRow(4), 1), text(missing.getRow(5), 1)))
                    .allMatch(t -> t.startsWith("Data_EmissOrdinanze") || t.startsWith("N_MedGestite")
                            || t.startsWith("RuoloEsattAP-2"));
            assertThat(missing.getRow(6)).isNull();
            Sheet warnings = workbook.getSheet("Avvisi");
            Row row = warnings.getRow(3);
            assertThat(WrittenSheet.texts(row)).containsExactly("scheda_S_RM_2022.xlsx", "Rilevazione", "C8",
                    "=SUM(A1)", "target diverso dal piano («>= 10,00 N.»): vale quello del piano");
            assertThat(row.getCell(3).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            // The unit's own card: code and name, its result with a traffic light.
            Sheet esiti = workbook.getSheet("Esiti");
            assertThat(text(esiti.getRow(2), 1)).isEqualTo("S_RM – " + unit.name());
            assertThat(WrittenSheet.hasTrafficLight(esiti, esiti.getRow(3).getCell(1))).isTrue();
            WrittenSheet.assertPrintSetup(esiti);
        }
    }

    private static String text(Row row, int column) {
        return WrittenSheet.text(row, column);
    }
}
