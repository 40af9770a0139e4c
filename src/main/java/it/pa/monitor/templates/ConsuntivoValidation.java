package it.pa.monitor.templates;

import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.values.ItalianFormat;
import it.pa.monitor.values.TargetKind;
import it.pa.monitor.values.UnitOfMeasure;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;

/**
 * The data validation of one Consuntivo cell, by target kind (FORMATS.md §2 "Templates"): a
 * number, a date, or Realizzato / Non realizzato / N.C.; N.C. is always allowed, so numbers and
 * dates are checked with a formula (a plain decimal or date rule would refuse the text "N.C.").
 */
final class ConsuntivoValidation {

    /** What the cell accepts. */
    enum Kind {
        NUMBER, DATE, YES_NO, FREE
    }

    static final String[] YES_NO_CHOICES = {"Realizzato", "Non realizzato", "N.C."};
    /** Excel's limits: 32 characters for titles, 255 for messages. */
    private static final int TITLE_MAX = 32;
    private static final int TEXT_MAX = 255;

    private ConsuntivoValidation() {
    }

    /** The kind by target; a monitoring-only target falls back on the unit of measure. */
    static Kind kind(Indicator indicator) {
        TargetKind target = indicator.target().kind();
        if (target == TargetKind.NUMERIC) {
            return Kind.NUMBER;
        }
        if (target == TargetKind.DEADLINE) {
            return Kind.DATE;
        }
        if (target == TargetKind.YES_NO) {
            return Kind.YES_NO;
        }
        if (indicator.unit() == null) {
            return Kind.FREE;
        }
        return indicator.unit() == UnitOfMeasure.DATE ? Kind.DATE
                : indicator.unit() == UnitOfMeasure.YES_NO ? Kind.YES_NO : Kind.NUMBER;
    }

    /** Adds the validation of the Consuntivo cell at (row, column), 0-based. */
    static void add(Sheet sheet, int row, int column, Indicator indicator, int year, String referenceDate) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        String cell = new CellReference(row, column).formatAsString(false);
        String nc = "UPPER(TRIM(" + cell + "))=\"N.C.\",UPPER(TRIM(" + cell + "))=\"N.D.\"";
        Kind kind = kind(indicator);
        String target = indicator.target().raw().isBlank() ? "-" : indicator.target().raw();
        String unit = indicator.unit() == null ? "" : " (" + indicator.unit().label() + ")";
        DataValidationConstraint constraint;
        String prompt;
        String error;
        switch (kind) {
            case NUMBER -> {
                constraint = helper.createCustomConstraint("OR(ISNUMBER(" + cell + ")," + nc + ")");
                prompt = "Target: " + target + unit + ". Scrivere un numero (es. 12 oppure 95,5; per le percentuali"
                        + " 95,5%). N.C. se il valore non è calcolabile.";
                error = "Il target è numerico (" + target + "): scrivere un numero, ad esempio 0 se nulla è stato"
                        + " fatto, oppure N.C. se il valore non è calcolabile.";
            }
            case DATE -> {
                String date = "AND(ISNUMBER(" + cell + ")," + cell + ">=DATE(" + (year - 1) + ",1,1)," + cell
                        + "<=DATE(" + (year + 1) + ",12,31))";
                constraint = helper.createCustomConstraint("OR(" + date + ",UPPER(TRIM(" + cell
                        + "))=\"NON REALIZZATO\",UPPER(TRIM(" + cell + "))=\"REALIZZATO\"," + nc + ")");
                prompt = "Target: " + target + ". Scrivere la data di realizzazione (gg/mm/aaaa), solo se entro il "
                        + referenceDate + "; altrimenti lasciare vuoto o scrivere Non realizzato. N.C. se non"
                        + " valutabile.";
                error = "Il target è una scadenza (" + target + "): scrivere la data di realizzazione (es. 18/12/"
                        + year + ") oppure Non realizzato, o N.C. se non valutabile.";
            }
            case YES_NO -> {
                constraint = helper.createExplicitListConstraint(YES_NO_CHOICES);
                prompt = "Target: " + target + ". Scegliere Realizzato, Non realizzato oppure N.C. (non valutabile).";
                error = "Scegliere dall'elenco: Realizzato, Non realizzato oppure N.C.";
            }
            default -> {
                constraint = helper.createCustomConstraint("TRUE");
                prompt = "Indicatore di solo monitoraggio (target: " + target + "). Scrivere il valore rilevato"
                        + unit + ", oppure N.C.";
                error = "Valore non accettato.";
            }
        }
        DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(row, row, column, column));
        validation.setEmptyCellAllowed(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createPromptBox(cut("Consuntivo al " + referenceDate, TITLE_MAX), cut(prompt, TEXT_MAX));
        validation.setShowPromptBox(true);
        validation.createErrorBox("Valore non valido", cut(error, TEXT_MAX));
        validation.setShowErrorBox(kind != Kind.FREE);
        if (kind == Kind.YES_NO) {
            validation.setSuppressDropDownArrow(false);
        }
        sheet.addValidationData(validation);
    }

    /** The date, as the templates show it. */
    static String italian(java.time.LocalDate date) {
        return ItalianFormat.date(date);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
