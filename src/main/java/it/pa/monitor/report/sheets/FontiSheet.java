package it.pa.monitor.report.sheets;

import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.Cells;
import it.pa.monitor.report.layout.PrintSetup;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.report.layout.WrappedRows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.springframework.stereotype.Component;

/**
 * The "Fonti" sheet: where every value used comes from (file, sheet, cell, sha256 of the file,
 * when it was received). Rows are streamed from {@link ReportData#sources()} straight to the
 * sheet, never collected, so thousands of units stay in bounded memory.
 */
@Component
public class FontiSheet extends ReportSheet {

    static final String NAME = "Fonti";
    static final List<String> HEADERS = List.of("Indicatore", "Descrizione", "Valore", "File", "Foglio", "Cella",
            "sha256", "Ricevuto il");

    public FontiSheet() {
        super(NAME, Mode.STREAMED);
    }

    @Override
    void fill(Sheet sheet, ReportData data, ReportStyles styles) {
        int[] widths = widths();
        Cells.headerRow(sheet, 0, HEADERS, styles.header(), widths);
        Map<IndicatorKey, String> names = new HashMap<>();
        for (Indicator indicator : data.plan().indicators()) {
            names.put(indicator.key(), indicator.name());
        }
        WrappedRows.Fitter fitter = new WrappedRows.Fitter(widths);
        int[] next = {1};
        data.sources().forEach(value -> {
            Row row = sheet.createRow(next[0]++);
            Cells.text(row, 0, value.key() == null ? null : value.key().reference(), styles.text());
            Cells.text(row, 1, value.key() == null ? null : names.get(value.key()), styles.wrapped());
            Cells.text(row, 2, value.raw(), styles.wrapped());
            Cells.text(row, 3, value.fileName(), styles.wrapped());
            Cells.text(row, 4, value.sheet(), styles.text());
            Cells.text(row, 5, value.cell(), styles.text());
            Cells.text(row, 6, value.sha256(), styles.text());
            Cells.dateTime(row, 7, value.receivedAt(), styles.date());
            fitter.fit(row);
        });
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, next[0] - 1), 0, HEADERS.size() - 1));
        PrintSetup.apply(sheet, 1, widths);
    }

    /** Column widths in characters (a new array each time: arrays are mutable). */
    private static int[] widths() {
        return new int[] {28, 50, 16, 32, 14, 8, 66, 17};
    }
}
