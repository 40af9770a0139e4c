package it.pa.monitor.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Only a reader that cannot evaluate formulas (the streamed sheets') may be used by two threads at once: the plan's
 * rows read ahead rely on it; one over a POI workbook makes a formula evaluator on first need and may not.
 */
class WorkbookCellsThreadsTest {

    @Test
    void aReaderWithoutEvaluatorIsSafeOnTwoThreadsOneOverAPoiWorkbookIsNot() throws IOException {
        assertThat(WorkbookCells.withoutEvaluator().safeOnTwoThreads()).isTrue();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            assertThat(new WorkbookCells(workbook).safeOnTwoThreads()).isFalse();
        }
    }
}
