package it.pa.monitor.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes the generated plan workbook with POI's streaming writer, so memory does not grow with the plan. */
final class PlanWorkbookWriter {

    private final WorkloadModel model;

    PlanWorkbookWriter(WorkloadModel model) {
        this.model = model;
    }

    void write(Path file) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try (OutputStream out = Files.newOutputStream(file)) {
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
            writeEnte(workbook.createSheet("Ente"));
            writeStructure(workbook.createSheet("Struttura"));
            writeAmbiti(workbook.createSheet("Ambiti"));
            writeStrategic(workbook.createSheet("ObiettiviStrategici"));
            writeOperational(workbook.createSheet("ObiettiviOperativi"));
            writeIndicators(workbook.createSheet("Indicatori"), percent);
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private static void writeEnte(Sheet sheet) {
        row(sheet, 0, "Campo", "Valore");
        row(sheet, 1, "Ente", WorkloadSpec.ENTE);
        sheet.createRow(2).createCell(0).setCellValue("Anno");
        sheet.getRow(2).createCell(1).setCellValue(WorkloadSpec.YEAR);
        row(sheet, 3, "Periodicita", "trimestrale");
    }

    private void writeStructure(Sheet sheet) {
        row(sheet, 0, "Codice", "Nome", "Tipo", "Padre", "Responsabile");
        int r = 1;
        for (int area = 0; area < model.spec().areas(); area++) {
            row(sheet, r++, model.areaCode(area), model.areaName(area), "Area", "", "Dott. Dirigente " + (area + 1));
        }
        for (int u = 0; u < model.spec().units(); u++) {
            WorkloadModel.GeneratedUnit unit = model.unit(u);
            row(sheet, r++, unit.code(), unit.name(), "Ufficio", unit.areaCode(),
                    (u % 3 == 0 ? "Dott.ssa Responsabile " : "Sig. Responsabile ") + (u + 1)
                            + (u % 17 == 0 ? " (ad interim)" : ""));
        }
    }

    private void writeAmbiti(Sheet sheet) {
        row(sheet, 0, "Codice", "Descrizione", "Peso");
        int ambiti = model.spec().ambiti();
        for (int a = 0; a < ambiti; a++) {
            Row row = row(sheet, a + 1, model.ambitoCode(a), "Ambito strategico " + (a + 1));
            row.createCell(2).setCellValue(100.0 / ambiti);
        }
    }

    private void writeStrategic(Sheet sheet) {
        row(sheet, 0, "Codice", "Descrizione", "Ambito", "Peso", "Prospettiva BSC", "Missione", "Programma");
        for (int area = 0; area < model.spec().areas(); area++) {
            int ambito = model.ambitoOf(area);
            Row row = row(sheet, area + 1, model.strategicObjective(area), "Obiettivo strategico di " + model.areaName(area),
                    model.ambitoCode(ambito));
            row.createCell(3).setCellValue(100.0 / model.strategicObjectivesIn(ambito));
            row.createCell(4).setCellValue(area % 2 == 0 ? "Processi interni" : "Imprese, territorio e consumatori");
            row.createCell(5).setCellValue("011 - Competitività e sviluppo delle imprese");
            row.createCell(6).setCellValue("005 - Promozione e attuazione di politiche di sviluppo");
        }
    }

    private void writeOperational(Sheet sheet) {
        row(sheet, 0, "Codice", "Descrizione", "Obiettivo strategico", "Peso", "Unita coinvolte");
        for (int u = 0; u < model.spec().units(); u++) {
            WorkloadModel.GeneratedUnit unit = model.unit(u);
            Row row = row(sheet, u + 1, unit.operationalObjective(), "Obiettivo operativo di " + unit.name(),
                    unit.strategicObjective());
            row.createCell(3).setCellValue(100.0 / model.unitsIn(unit.area()));
            row.createCell(4).setCellValue(unit.code());
        }
    }

    private void writeIndicators(Sheet sheet, CellStyle percent) {
        row(sheet, 0, "Obiettivo", "Codice", "Nome", "Algoritmo", "Fonte", "Tipologia", "Unita di misura", "Target",
                "Peso", "Cumulativo", "Responsabile");
        int r = 1;
        double weight = 1.0 / model.spec().indicators();
        for (int u = 0; u < model.spec().units(); u++) {
            WorkloadModel.GeneratedUnit unit = model.unit(u);
            for (WorkloadModel.GeneratedIndicator indicator : model.indicators(unit)) {
                Row row = row(sheet, r++, indicator.objective(), indicator.code(), indicator.name(),
                        "Rilevazione dell'ufficio", "Gestionale interno", tipologia(indicator.kind()),
                        indicator.unitOfMeasure(), indicator.target());
                row.createCell(8).setCellValue(weight);
                row.getCell(8).setCellStyle(percent);
                row.createCell(9).setCellValue("no");
                row.createCell(10).setCellValue(unit.code());
            }
        }
    }

    private static String tipologia(WorkloadModel.IndicatorKind kind) {
        return switch (kind) {
            case NUMBER -> "Volume";
            case DAYS -> "Efficienza";
            case PERCENT -> "Qualità";
            case DEADLINE, YES_NO -> "Efficacia";
        };
    }

    private static Row row(Sheet sheet, int index, String... texts) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < texts.length; c++) {
            if (!texts[c].isEmpty()) {
                row.createCell(c).setCellValue(texts[c]);
            }
        }
        return row;
    }
}
