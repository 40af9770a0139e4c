package it.pa.monitor.workbook;

import it.pa.monitor.values.CellValue;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Reads the cells of one open workbook by FORMATS.md §2 (plan, monitoring sheets and overrides
 * alike): {@link PoiCells} for what a cell holds, and POI's formula evaluator for a formula saved
 * without a cached value. A formula it cannot evaluate stays {@link CellValue#unevaluatedFormula},
 * which every reader reports as an error on that cell. Works alike on a whole workbook (XSSF,
 * HSSF, {@link OdsWorkbook}) and on the streamed .xlsx of {@link WorkbookFiles#openStreamed}.
 */
public final class WorkbookCells {

    private final Workbook workbook;
    /** Created on the first formula without a cached value: most workbooks never need one. */
    private FormulaEvaluator evaluator;
    private boolean evaluatorUnavailable;
    /**
     * Only ever set: without an evaluator ({@link #withoutEvaluator}) nothing else changes, so two threads may read
     * the cells of one sheet (the plan's rows read ahead); its owner asks once they are done.
     */
    private boolean unevaluatedForWantOfEvaluator;

    public WorkbookCells(Workbook workbook) {
        this.workbook = workbook;
    }

    /** For cells that come with no POI workbook ({@link XlsxSheets}): formulas cannot be evaluated. */
    static WorkbookCells withoutEvaluator() {
        WorkbookCells cells = new WorkbookCells(null);
        cells.evaluatorUnavailable = true;
        return cells;
    }

    /** The cell's value; a formula without a cached value evaluated when it can be. */
    public CellValue read(Cell cell) {
        if (cell == null) {
            return CellValue.EMPTY;
        }
        try {
            return readOrThrow(cell);
        } catch (RuntimeException e) {
            return fallback(cell);
        }
    }

    private CellValue readOrThrow(Cell cell) {
        if (!PoiCells.lacksCachedValue(cell)) {
            return PoiCells.read(cell);
        }
        FormulaEvaluator formulas = evaluator();
        if (formulas == null) {
            unevaluatedForWantOfEvaluator = true;
            return CellValue.unevaluatedFormula(PoiCells.formula(cell));
        }
        try {
            return PoiCells.evaluated(cell, formulas.evaluate(cell));
        } catch (RuntimeException e) {
            // Unparseable or unsupported formulas, external references: the office must act.
            return CellValue.unevaluatedFormula(PoiCells.formula(cell));
        }
    }

    /**
     * Whether two threads may read cells through this at once: only when made without an evaluator
     * ({@link #withoutEvaluator}), whose reads change nothing but a flag that is only ever set. One that may
     * evaluate formulas makes its evaluator on first need, and POI's evaluator is not safe on two threads.
     */
    public boolean safeOnTwoThreads() {
        return workbook == null && evaluatorUnavailable;
    }

    /**
     * Whether a formula without a cached value was met in a workbook that cannot evaluate
     * formulas (the streaming reader's): reading it again as a whole workbook can.
     */
    public boolean metFormulaNeedingEvaluator() {
        return unevaluatedForWantOfEvaluator;
    }

    /**
     * excel-streaming-reader refuses {@code getErrorCellValue()} on a formula cell whose cached
     * result is an error (and on error codes POI does not know), but its string value holds the
     * code as written ({@code "ERROR:  #DIV/0!"}). Anything else unreadable is kept as its raw text.
     */
    private static CellValue fallback(Cell cell) {
        try {
            CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
            String raw = cell.getStringCellValue();
            if (type == CellType.ERROR) {
                int hash = raw == null ? -1 : raw.indexOf('#');
                String code = hash < 0 ? "#ERRORE" : raw.substring(hash).strip();
                return new CellValue(code, null, false, null, code);
            }
            return CellValue.text(raw);
        } catch (RuntimeException e) {
            return new CellValue("#ERRORE", null, false, null, "#ERRORE");
        }
    }

    private FormulaEvaluator evaluator() {
        if (evaluator == null && !evaluatorUnavailable) {
            try {
                evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            } catch (UnsupportedOperationException e) {
                evaluatorUnavailable = true;
            }
        }
        return evaluator;
    }
}
