package it.pa.monitor.report;

import static it.pa.monitor.report.WrittenSheet.assertPercent;
import static it.pa.monitor.report.WrittenSheet.rowStartingWith;
import static it.pa.monitor.report.WrittenSheet.text;
import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Scorecard;
import it.pa.monitor.plan.tree.ScorecardRow;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.sheets.CruscottiSheet;
import it.pa.monitor.values.TargetParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Cruscotti row on an objective with a Target shows the target, the objective's result and result / target. */
public class CruscottiTargetSheetTest {

    @TempDir
    Path folder;

    @Test
    void objectiveRowWithTargetShowsTargetResultAndRatio() {
        ReportData tno = ReportFixtures.tno();
        Plan p = tno.plan();
        Scorecard cr01 = p.scorecards().get(0);
        List<ScorecardRow> rows = new ArrayList<>();
        for (ScorecardRow r : cr01.rows()) {
            rows.add(new ScorecardRow(r.reference(), r.objectiveCode(), r.indicatorCode(), r.occurrence(), r.weight(),
                    r.rowNo(), r.objectiveCode().equals("OS_2.4") ? new TargetParser().parse(">= 98 %", 2022) : null));
        }
        Plan plan = new Plan(p.ente(), p.year(), p.periodicity(), p.methodology(), p.units(), p.ambiti(),
                p.strategicObjectives(), p.operationalObjectives(), p.indicators(),
                List.of(new Scorecard(cr01.code(), cr01.dirigente(), cr01.role(), rows, cr01.rowNo())), p.pira());
        ReportData data = new ReportData(plan, tno.methodology(), tno.period(), tno.current(), tno.history(),
                tno.values(), tno.quality(), tno.sources(), tno.valueHistory());
        CruscottiSheet writer = new CruscottiSheet();
        Sheet sheet = WrittenSheet.write(writer, data, folder).getSheet(writer.name());

        Row title = rowStartingWith(sheet, 0, 0, "CR01 – ").orElseThrow();
        Row os24 = sheet.getRow(title.getRowNum() + 3);
        assertThat(text(os24, 1)).isEqualTo("OS_2.4");
        assertThat(text(os24, 4)).isEqualTo(">= 98 %");
        assertPercent(os24.getCell(5), 97.20);
        // 97,20 / 98 = 99,18 %
        assertPercent(os24.getCell(6), 99.18);
        Row os23 = sheet.getRow(title.getRowNum() + 2);
        assertThat(text(os23, 4)).isEmpty();
        assertPercent(os23.getCell(6), 100.00);
    }
}
