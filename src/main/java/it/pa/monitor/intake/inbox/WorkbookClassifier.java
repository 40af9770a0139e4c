package it.pa.monitor.intake.inbox;

import it.pa.monitor.intake.sheet.SheetNames;

import it.pa.monitor.values.HeaderName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Tells a plan, an overrides workbook and a monitoring sheet apart by their sheets (FORMATS.md),
 * not by their names. Any other workbook (.xlsx, .xlsm, .xls, .ods) is taken as a monitoring sheet,
 * so that the sheet reader says precisely what is wrong with it; other files are unknown.
 */
@Component
public class WorkbookClassifier {

    public WorkbookKind classify(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls") || name.endsWith(".ods"))) {
            return WorkbookKind.UNKNOWN;
        }
        List<String> names;
        try {
            names = SheetNames.of(file).stream().map(HeaderName::normalise).toList();
        } catch (IOException | RuntimeException e) {
            return WorkbookKind.MONITORING_SHEET;
        }
        if (names.contains("indicatori")) {
            return WorkbookKind.PLAN;
        }
        if (names.contains("rettifiche")) {
            return WorkbookKind.OVERRIDES;
        }
        return WorkbookKind.MONITORING_SHEET;
    }
}
