package it.pa.monitor.report.layout;

import it.pa.monitor.plan.Methodology;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCfRule;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTColor;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTConditionalFormatting;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTDxf;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTPatternFill;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCfType;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STPatternType;

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
        Rules rules = Rules.of(methodology);
        String cell = Rules.firstCell(range);
        ConditionalFormattingRule green = formatting.createConditionalFormattingRule(rules.green(cell));
        fill(green, IndexedColors.LIGHT_GREEN);
        ConditionalFormattingRule yellow = formatting.createConditionalFormattingRule(rules.yellow(cell));
        fill(yellow, IndexedColors.LIGHT_YELLOW);
        ConditionalFormattingRule red = formatting.createConditionalFormattingRule(rules.red(cell));
        fill(red, IndexedColors.ROSE);
        formatting.addConditionalFormatting(new CellRangeAddress[] {range},
                new ConditionalFormattingRule[] {green, yellow, red});
    }

    /**
     * The three rules' formulas, relative to a range's first cell, for both ways of adding them: an empty (not
     * computable) cell stays uncoloured.
     */
    private record Rules(String upper, String lower) {

        static Rules of(Methodology methodology) {
            return new Rules(fraction(methodology.thresholdAchieved().subtract(methodology.tolerance())),
                    fraction(methodology.thresholdNotAchieved().subtract(methodology.tolerance())));
        }

        static String firstCell(CellRangeAddress range) {
            return new CellReference(range.getFirstRow(), range.getFirstColumn(), false, false).formatAsString();
        }

        String green(String cell) {
            return "AND(ISNUMBER(" + cell + ")," + cell + ">=" + upper + ")";
        }

        String yellow(String cell) {
            return "AND(ISNUMBER(" + cell + ")," + cell + ">=" + lower + "," + cell + "<" + upper + ")";
        }

        String red(String cell) {
            return "AND(ISNUMBER(" + cell + ")," + cell + "<" + lower + ")";
        }
    }

    /**
     * Traffic lights on many ranges of one sheet (a card per objective): the same rules as
     * {@link #apply}, but each range costs the same however many the sheet already has (POI's
     * {@code addConditionalFormatting} counts every rule of the sheet to number the next one).
     * Nothing else may add conditional formatting to the sheet while this is in use.
     */
    public static final class OnSheet {

        private final XSSFSheet sheet;
        private final StylesTable dxfs;
        private final Rules rules;
        /** The green, yellow and red fills' dxf ids once made, when the ranges share them; null when each has its own. */
        private final long[] sharedFills;
        private int priority;

        /** Each range gets its own three fills, as POI's path makes them. */
        public OnSheet(Sheet sheet, Methodology methodology) {
            this(sheet, methodology, false);
        }

        /**
         * All the ranges of the sheet refer to {@code fills}, made beforehand ({@link Fills#make}): a workbook filled
         * again and again (a unit's after another's) keeps one set of fills instead of three more per range.
         */
        public OnSheet(Sheet sheet, Methodology methodology, Fills fills) {
            this(sheet, methodology, true);
            sharedFills[0] = fills.green();
            sharedFills[1] = fills.yellow();
            sharedFills[2] = fills.red();
        }

        /**
         * All the ranges of the sheet refer to one set of three fills, made at the first range: the
         * same colours, without three more entries in the workbook's styles per range (a card per
         * objective made styles.xml grow with the plan).
         */
        public static OnSheet sharingFills(Sheet sheet, Methodology methodology) {
            return new OnSheet(sheet, methodology, true);
        }

        private OnSheet(Sheet sheet, Methodology methodology, boolean shareFills) {
            this.sharedFills = shareFills ? new long[] {-1, -1, -1} : null;
            this.sheet = Cells.drawingSheet(sheet);
            this.dxfs = this.sheet.getWorkbook().getStylesSource();
            this.rules = Rules.of(methodology);
            int rules = 0;
            for (CTConditionalFormatting formatting : this.sheet.getCTWorksheet().getConditionalFormattingArray()) {
                rules += formatting.sizeOfCfRuleArray();
            }
            this.priority = rules + 1;
        }

        /** Colours the result cells of {@code range} as {@link TrafficLights#apply} does. */
        public void apply(CellRangeAddress range) {
            String cell = Rules.firstCell(range);
            CTConditionalFormatting formatting = sheet.getCTWorksheet().addNewConditionalFormatting();
            formatting.setSqref(List.of(range.formatAsString()));
            rule(formatting, rules.green(cell), 0, IndexedColors.LIGHT_GREEN);
            rule(formatting, rules.yellow(cell), 1, IndexedColors.LIGHT_YELLOW);
            rule(formatting, rules.red(cell), 2, IndexedColors.ROSE);
        }

        /** The rule and its fill as POI writes them for a formula rule with a solid background. */
        private void rule(CTConditionalFormatting formatting, String formula, int band, IndexedColors color) {
            CTCfRule rule = formatting.addNewCfRule();
            rule.addFormula(formula);
            rule.setType(STCfType.EXPRESSION);
            rule.setDxfId(fill(band, color));
            rule.setPriority(priority++);
        }

        /** The dxf id of the band's fill: a new one, or the sheet's shared one (made the first time). */
        private long fill(int band, IndexedColors color) {
            if (sharedFills != null && sharedFills[band] >= 0) {
                return sharedFills[band];
            }
            long id = newFill(dxfs, color);
            if (sharedFills != null) {
                sharedFills[band] = id;
            }
            return id;
        }
    }

    /** The green, yellow and red fills' dxf ids in a workbook's styles, for {@link OnSheet#OnSheet(Sheet, Methodology, Fills)}. */
    public record Fills(long green, long yellow, long red) {

        /** The three fills, made now in {@code sheet}'s workbook, as the traffic lights make them. */
        public static Fills make(Sheet sheet) {
            StylesTable dxfs = Cells.drawingSheet(sheet).getWorkbook().getStylesSource();
            return new Fills(newFill(dxfs, IndexedColors.LIGHT_GREEN), newFill(dxfs, IndexedColors.LIGHT_YELLOW),
                    newFill(dxfs, IndexedColors.ROSE));
        }
    }

    /** A new solid background fill of {@code color} among the workbook's dxfs, as POI writes it; its id. */
    private static long newFill(StylesTable dxfs, IndexedColors color) {
        CTDxf dxf = CTDxf.Factory.newInstance();
        long id = dxfs.putDxf(dxf) - 1L;
        CTColor background = CTColor.Factory.newInstance();
        background.setIndexed(color.getIndex());
        CTPatternFill pattern = dxf.addNewFill().addNewPatternFill();
        pattern.setBgColor(background);
        pattern.setPatternType(STPatternType.Enum.forInt(FillPatternType.SOLID_FOREGROUND.getCode() + 1));
        return id;
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
