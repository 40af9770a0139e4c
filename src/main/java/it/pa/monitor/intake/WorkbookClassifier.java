package it.pa.monitor.intake;

import it.pa.monitor.values.HeaderName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells a plan, a monitoring sheet and an overrides workbook apart by their sheet names. */
@Component
public class WorkbookClassifier {

    public WorkbookKind classify(Path file) {
        List<String> names;
        try {
            names = SheetNames.of(file).stream().map(HeaderName::normalise).toList();
        } catch (IOException | RuntimeException e) {
            return WorkbookKind.UNKNOWN;
        }
        if (names.contains("indicatori")) {
            return WorkbookKind.PLAN;
        }
        if (names.contains("rettifiche")) {
            return WorkbookKind.OVERRIDES;
        }
        if (names.contains("rilevazione")) {
            return WorkbookKind.MONITORING_SHEET;
        }
        return WorkbookKind.UNKNOWN;
    }
}
