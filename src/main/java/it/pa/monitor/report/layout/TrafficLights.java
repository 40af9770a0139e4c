package it.pa.monitor.report.layout;

import it.pa.monitor.plan.Methodology;
import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * The bands as a traffic light on result cells: conditional formatting green at or above the
 * "raggiunto" threshold, yellow between, red below the "non raggiunto" one (METHOD.md), so the
 * colours follow the numbers if a user edits them.
 */
public final class TrafficLights {

    private TrafficLights() {
    }

    /** Colours the result cells of {@code range} (fractions, e.g. 0.9933) with the methodology's thresholds. */
    public static void apply(Sheet sheet, CellRangeAddress range, Methodology methodology) {
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        String upper = fraction(methodology.thresholdAchieved().subtract(methodology.tolerance()));
        String lower = fraction(methodology.thresholdNotAchieved().subtract(methodology.tolerance()));
        // Formula rules relative to the range's first cell: an empty (not computable) cell stays uncoloured.
        String cell = new CellReference(range.getFirstRow(), range.getFirstColumn(), false, false).formatAsString();
        ConditionalFormattingRule green = formatting.createConditionalFormattingRule(
                "AND(ISNUMBER(" + cell + ")," + cell + ">=" + upper + ")");
        fill(green, IndexedColors.LIGHT_GREEN);
        ConditionalFormattingRule yellow = formatting.createConditionalFormattingRule(
                "AND(ISNUMBER(" + cell + ")," + cell + ">=" + lower + "," + cell + "<" + upper + ")");
        fill(yellow, IndexedColors.LIGHT_YELLOW);
        ConditionalFormattingRule red = formatting.createConditionalFormattingRule(
                "AND(ISNUMBER(" + cell + ")," + cell + "<" + lower + ")");
        fill(red, IndexedColors.ROSE);
        formatting.addConditionalFormatting(new CellRangeAddress[] {range},
                new ConditionalFormattingRule[] {green, yellow, red});
    }

    private static void fill(ConditionalFormattingRule rule, IndexedColors color) {
        var pattern = rule.createPatternFormatting();
        pattern.setFillBackgroundColor(color.getIndex());
        pattern.setFillPattern(FillPatternType.SOLID_FOREGROUND.getCode());
    }

    /** A threshold in points as the fraction the cells hold, as a formula literal. */
    private static String fraction(BigDecimal points) {
        return points.divide(BigDecimal.valueOf(100), MathContext.DECIMAL64).stripTrailingZeros().toPlainString();
    }
}
