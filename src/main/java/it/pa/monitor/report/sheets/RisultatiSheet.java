package it.pa.monitor.report.sheets;

import it.pa.monitor.plan.Band;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.Scorecard;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.Cells;
import it.pa.monitor.report.layout.PrintSetup;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.report.layout.TrafficLights;
import it.pa.monitor.report.layout.WrappedRows;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.ItemResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.springframework.stereotype.Component;

/**
 * The "Risultati" sheet: a flat table of every result of the period (ente, ambiti, objectives,
 * indicators, units, scorecards), one row each, for filters and pivot tables. Streams.
 */
@Component
public class RisultatiSheet extends ReportSheet {

    static final String NAME = "Risultati";
    static final List<String> HEADERS = List.of("Periodo", "Livello", "Codice", "Descrizione", "Padre", "Peso",
            "Risultato", "Valutazione");
    static final int RESULT_COLUMN = 6;

    /** One line of the table, before it is written. */
    private record Line(Level level, String code, String description, String parent, BigDecimal weight,
                        BigDecimal achievement, String evaluation, int order) {
    }

    public RisultatiSheet() {
        super(NAME, Mode.STREAMED);
    }

    @Override
    void fill(Sheet sheet, ReportData data, ReportStyles styles) {
        int[] widths = widths();
        Cells.headerRow(sheet, 0, HEADERS, styles.header(), widths);
        int rowIndex = 1;
        String period = data.period().code();
        WrappedRows.Fitter fitter = new WrappedRows.Fitter(widths);
        int[] next = {rowIndex};
        forEachLine(data, line -> {
            Row row = sheet.createRow(next[0]++);
            Cells.text(row, 0, period, styles.text());
            Cells.text(row, 1, line.level().label(), styles.text());
            Cells.text(row, 2, line.code(), styles.wrapped());
            Cells.text(row, 3, line.description(), styles.wrapped());
            Cells.text(row, 4, line.parent(), styles.wrapped());
            Cells.percent(row, 5, line.weight(), styles.percent());
            Cells.percent(row, RESULT_COLUMN, line.achievement(), styles.percent());
            Cells.text(row, 7, line.evaluation(), styles.text());
            fitter.fit(row);
        });
        rowIndex = next[0];
        int last = Math.max(1, rowIndex - 1);
        sheet.setAutoFilter(new CellRangeAddress(0, last, 0, HEADERS.size() - 1));
        TrafficLights.apply(sheet, new CellRangeAddress(1, last, RESULT_COLUMN, RESULT_COLUMN), data.methodology());
        PrintSetup.apply(sheet, 1, widths);
    }

    /**
     * The lines grouped by level (ente, ambiti, OS, OO, indicators, units, scorecards); ambiti,
     * objectives and indicators in the plan's order, units and scorecards as scored. Indicator lines
     * are made one at a time in plan order (a regional plan has hundreds of thousands): only the other
     * levels are collected and sorted.
     */
    private static void forEachLine(ReportData data, Consumer<Line> out) {
        Plan plan = data.plan();
        Descriptions descriptions = new Descriptions(plan);
        List<Line> items = new ArrayList<>();
        int sequence = 0;
        for (ItemResult item : data.current().items()) {
            boolean ente = item.level() == Level.ENTE;
            items.add(new Line(item.level(), item.code(), descriptions.of(item.level(), item.code()),
                    ente ? null : item.parentCode(), item.weight(), item.achievement(),
                    evaluation(data, item.achievement(), null),
                    descriptions.order(item.level(), item.code(), sequence++)));
        }
        items.sort(Comparator.comparing(Line::level).thenComparingInt(Line::order));
        items.stream().filter(line -> line.level().compareTo(Level.INDICATORE) < 0).forEach(out);
        for (Indicator indicator : plan.indicators()) {
            data.current().indicator(indicator.key()).ifPresent(result -> out.accept(line(data, result,
                    indicator.name())));
        }
        // Results of indicators the plan no longer lists: after the plan's, as scored.
        for (IndicatorResult result : data.current().indicators()) {
            if (plan.index().indicator(result.key()).isEmpty()) {
                out.accept(line(data, result, null));
            }
        }
        items.stream().filter(line -> line.level().compareTo(Level.INDICATORE) > 0).forEach(out);
    }

    private static Line line(ReportData data, IndicatorResult indicator, String name) {
        IndicatorKey key = indicator.key();
        return new Line(Level.INDICATORE, key.reference(), name, key.objectiveCode(), indicator.weight(),
                indicator.achievement(), evaluation(data, indicator.achievement(), indicator), 0);
    }

    /** The band of a result, or why there is none (the indicator's status). */
    private static String evaluation(ReportData data, BigDecimal achievement, IndicatorResult indicator) {
        Band band = data.methodology().band(achievement);
        if (band != null) {
            return band.label();
        }
        return indicator == null ? "non calcolabile" : indicator.status().label();
    }

    /** The plan's descriptions and order of every coded item. */
    private static final class Descriptions {

        private final Map<String, String> descriptions = new HashMap<>();
        private final Map<String, Integer> positions = new HashMap<>();

        Descriptions(Plan plan) {
            put(Level.ENTE, plan.ente(), "Performance di ente", 0);
            int i = 0;
            for (Ambito a : plan.ambiti()) {
                put(Level.AMBITO, a.code(), a.description(), i++);
            }
            for (StrategicObjective o : plan.strategicObjectives()) {
                put(Level.OBIETTIVO_STRATEGICO, o.code(), o.description(), i++);
            }
            for (OperationalObjective o : plan.operationalObjectives()) {
                put(Level.OBIETTIVO_OPERATIVO, o.code(), o.description(), i++);
            }
            for (OrgUnit u : plan.units()) {
                // Units keep the scoring order (each area followed by its own units).
                descriptions.put(key(Level.UNITA, u.code()), u.name());
            }
            for (Scorecard s : plan.scorecards()) {
                String role = s.role() == null || s.role().isBlank() ? "" : " – " + s.role();
                descriptions.put(key(Level.CRUSCOTTO, s.code()), (s.dirigente() == null ? "" : s.dirigente()) + role);
            }
        }

        String of(Level level, String code) {
            return descriptions.get(key(level, code));
        }

        /** The plan position when the plan lists the item, else after the listed ones in scoring order. */
        int order(Level level, String code, int sequence) {
            Integer position = positions.get(key(level, code));
            return position != null ? position : 1_000_000 + sequence;
        }

        private void put(Level level, String code, String description, int position) {
            descriptions.put(key(level, code), description);
            positions.put(key(level, code), position);
        }

        private static String key(Level level, String code) {
            return level.name() + "|" + code;
        }
    }

    /** Column widths in characters (a new array each time: arrays are mutable). */
    private static int[] widths() {
        return new int[] {9, 20, 32, 70, 24, 9, 11, 22};
    }
}
