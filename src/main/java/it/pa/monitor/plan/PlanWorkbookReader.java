package it.pa.monitor.plan;

import it.pa.monitor.problem.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.stereotype.Component;

/** Opens a plan workbook and reads each of its sheets as a table. */
@Component
public class PlanWorkbookReader {

    PlanWorkbook read(Path file, Consumer<Problem> problems) {
        try (Workbook workbook = WorkbookFiles.open(file)) {
            return read(workbook, problems);
        } catch (EncryptedDocumentException e) {
            problems.accept(Problem.error(null, null, null,
                    "la cartella di lavoro è protetta da password: salvarla senza password e inviarla di nuovo"));
        } catch (OdsWorkbook.UnreadableOds e) {
            problems.accept(Problem.error(null, null, null, e.getMessage()));
        } catch (IOException | RuntimeException e) {
            problems.accept(Problem.error(null, null, null, "il file non è una cartella di lavoro leggibile"
                    + " (formati accettati: .xlsx, .xlsm, .xls, .ods; " + e.getClass().getSimpleName() + ")"));
        }
        return new PlanWorkbook(Map.of());
    }

    PlanWorkbook read(Workbook workbook, Consumer<Problem> problems) {
        Map<PlanSheet, SheetTable> tables = new EnumMap<>(PlanSheet.class);
        WorkbookCells cells = new WorkbookCells(workbook);
        for (PlanSheet spec : PlanSheet.values()) {
            Optional<Sheet> sheet = findSheet(workbook, spec);
            if (sheet.isEmpty()) {
                if (spec.required()) {
                    problems.accept(Problem.error(spec.sheetName(), null, null,
                            "manca il foglio obbligatorio «" + spec.sheetName() + "»"));
                }
                continue;
            }
            SheetTable.read(spec, sheet.get(), cells, problems).ifPresent(table -> tables.put(spec, table));
        }
        return new PlanWorkbook(tables);
    }

    private static Optional<Sheet> findSheet(Workbook workbook, PlanSheet spec) {
        for (Sheet sheet : workbook) {
            if (spec.matches(sheet.getSheetName())) {
                return Optional.of(sheet);
            }
        }
        return Optional.empty();
    }
}
