package it.pa.monitor.plan.load;

import it.pa.monitor.plan.UnitResolver;
import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.HistoricalResult;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.Scorecard;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.ItalianNumberParser;
import it.pa.monitor.values.WeightParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the optional {@code Storico} sheet against the rest of the plan. A row that cannot be used
 * (a year not before the plan's, an unknown level, a code the plan does not know, an unreadable
 * result) is a warning with its sheet, row and column and is left out: nothing else of the plan is lost.
 */
public final class StoricoRows {

    private static final Pattern REFERENCE = Pattern.compile("^([^/#]+?)\\s*/\\s*([^#]+?)(?:\\s*#\\s*(\\d+))?$");
    private static final String SHEET = PlanSheet.STORICO.sheetName();

    private final Consumer<Problem> problems;

    StoricoRows(Consumer<Problem> problems) {
        this.problems = problems;
    }

    List<HistoricalResult> read(PlanWorkbook workbook, String ente, int planYear, List<OrgUnit> units,
                                List<Ambito> ambiti, List<StrategicObjective> strategic,
                                List<OperationalObjective> operational, List<Indicator> indicators,
                                List<Scorecard> scorecards) {
        Optional<SheetTable> table = workbook.table(PlanSheet.STORICO);
        if (table.isEmpty()) {
            return List.of();
        }
        Map<Level, Set<String>> known = new HashMap<>();
        known.put(Level.AMBITO, codes(ambiti.stream().map(Ambito::code).toList()));
        known.put(Level.OBIETTIVO_STRATEGICO, codes(strategic.stream().map(StrategicObjective::code).toList()));
        known.put(Level.OBIETTIVO_OPERATIVO,
                codes(operational.stream().map(OperationalObjective::code).toList()));
        known.put(Level.UNITA, codes(units.stream().map(OrgUnit::code).toList()));
        known.put(Level.CRUSCOTTO, codes(scorecards.stream().map(Scorecard::code).toList()));
        Set<IndicatorKey> indicatorKeys = new HashSet<>(indicators.stream().map(Indicator::key).toList());
        UnitResolver unitResolver = new UnitResolver(units);

        List<HistoricalResult> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (SheetRow row : table.get().rows()) {
            Integer year = year(row, planYear);
            if (year == null) {
                continue;
            }
            String levelText = row.text("Livello");
            Optional<Level> level = levelText == null ? Optional.empty() : Level.fromText(levelText);
            if (level.isEmpty()) {
                warn(row, "Livello", "livello «" + (levelText == null ? "" : levelText) + "» non riconosciuto (usare "
                        + Level.labels() + "): riga ignorata");
                continue;
            }
            String code = code(row, level.get(), ente, known, indicatorKeys, unitResolver);
            if (code == null) {
                continue;
            }
            CellValue resultCell = row.cell("Risultato");
            BigDecimal result = null;
            if (!resultCell.isBlank()) {
                result = resultCell.error() == null ? WeightParser.parse(resultCell).orElse(null) : null;
                if (result == null) {
                    warn(row, "Risultato", "risultato «" + resultCell.text()
                            + "» non leggibile: scrivere una percentuale, ad esempio 98,50 %; riga ignorata");
                    continue;
                }
            }
            String value = row.text("Valore");
            if (level.get() != Level.INDICATORE && result == null) {
                warn(row, "Risultato", "per il livello " + level.get().label()
                        + " serve il risultato (una percentuale): riga ignorata");
                continue;
            }
            if (value == null && result == null) {
                warn(row, "Risultato", "per un indicatore serve il valore o il risultato: riga ignorata");
                continue;
            }
            Integer first = seen.putIfAbsent(year + "\u0000" + level.get() + "\u0000" + code, row.rowNo());
            if (first != null) {
                warn(row, "Codice", "«" + code + "» per il " + year + " è già alla riga " + first + ": riga ignorata");
                continue;
            }
            rows.add(new HistoricalResult(year, level.get(), code, value, result, row.rowNo()));
        }
        return rows;
    }

    private Integer year(SheetRow row, int planYear) {
        CellValue cell = row.cell("Anno");
        Optional<BigDecimal> number = cell.isNumeric() ? Optional.of(cell.number()) : ItalianNumberParser.parse(cell.text());
        if (number.isEmpty() || number.get().stripTrailingZeros().scale() > 0 || number.get().intValue() < 1900) {
            warn(row, "Anno", "anno «" + cell.text() + "» non valido: scrivere l'anno con 4 cifre; riga ignorata");
            return null;
        }
        int year = number.get().intValue();
        if (year >= planYear) {
            warn(row, "Anno", "l'anno " + year + " non è precedente a quello del piano (" + planYear
                    + "): lo storico riguarda solo gli anni passati; riga ignorata");
            return null;
        }
        return year;
    }

    /** The code as the results use it, or null (with a warning) when the plan does not know it. */
    private String code(SheetRow row, Level level, String ente, Map<Level, Set<String>> known,
                        Set<IndicatorKey> indicatorKeys, UnitResolver unitResolver) {
        String code = row.text("Codice");
        if (level == Level.ENTE) {
            return ente; // one ente per plan: the code may be left empty
        }
        if (code == null) {
            warn(row, "Codice", "codice mancante per il livello " + level.label() + ": riga ignorata");
            return null;
        }
        String resolved = switch (level) {
            case INDICATORE -> indicator(code, indicatorKeys);
            case UNITA -> unitResolver.resolve(code).orElse(null);
            default -> known.get(level).contains(code) ? code : null;
        };
        if (resolved == null) {
            String notInPlan = "«" + code + "» non è " + (level == Level.INDICATORE
                    ? "un indicatore del piano (scrivere OBIETTIVO/INDICATORE)" : "un codice del piano per il livello "
                    + level.label()) + ": non può essere confrontato con l'anno in corso";
            warn(row, "Codice", (level == Level.UNITA ? unitResolver.unresolved(code, notInPlan) : notInPlan)
                    + "; riga ignorata");
        }
        return resolved;
    }

    private static String indicator(String code, Set<IndicatorKey> keys) {
        Matcher m = REFERENCE.matcher(code.strip());
        if (!m.matches()) {
            return null;
        }
        IndicatorKey key = new IndicatorKey(m.group(1).strip(), m.group(2).strip(),
                m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
        return keys.contains(key) ? key.reference() : null;
    }

    private static Set<String> codes(List<String> codes) {
        return new HashSet<>(codes);
    }

    private void warn(SheetRow row, String column, String message) {
        problems.accept(Problem.warning(SHEET, row.rowNo(), column, message));
    }
}
