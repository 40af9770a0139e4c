package it.pa.monitor.plan.load;

import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.UnitResolver;
import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.CodedLabel;
import it.pa.monitor.plan.tree.HistoricalResult;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.Periodicity;
import it.pa.monitor.plan.tree.PiraLink;
import it.pa.monitor.plan.tree.Scorecard;
import it.pa.monitor.plan.tree.ScorecardRow;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.plan.tree.UnitType;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.HeaderName;
import it.pa.monitor.values.ItalianNumberParser;
import it.pa.monitor.values.Target;
import it.pa.monitor.values.TargetParser;
import it.pa.monitor.values.UnitOfMeasure;
import it.pa.monitor.values.WeightParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link Plan} from the sheets of a plan workbook, reporting every cell it cannot
 * read. Cross-references between sheets are checked afterwards by {@link PlanValidator}.
 */
public final class PlanAssembler {

    /** Units in "Unità coinvolte" are separated by ';', new lines or 3+ spaces, never commas. */
    private static final Pattern UNIT_SEPARATOR = Pattern.compile("\\s*(?:;|\\R|\\s{3,})\\s*");
    /** A target that says "monitoring only" (METHOD.md), valid on a row with weight 0. */
    private static final Pattern MONITORING = Pattern.compile("(?iu)(?:solo\\s+)?monitoraggio\\.?");
    private static final Pattern REFERENCE = Pattern.compile("^([^/#]+?)(?:\\s*/\\s*([^#]+?))?(?:\\s*#\\s*(\\d+))?$");

    private final TargetParser targetParser;
    private final Consumer<Problem> problems;

    public PlanAssembler(TargetParser targetParser, Consumer<Problem> problems) {
        this.targetParser = targetParser;
        this.problems = problems;
    }

    /** The plan, or empty when the Ente sheet does not say which ente and year it is for. */
    public Optional<Plan> assemble(PlanWorkbook workbook) {
        Map<String, SheetRow> ente = keyValueRows(workbook, PlanSheet.ENTE, "Campo");
        String enteName = ente.containsKey("ente") ? ente.get("ente").text("Valore") : null;
        Integer year = ente.containsKey("anno") ? year(ente.get("anno")) : null;
        if (workbook.table(PlanSheet.ENTE).isPresent()) {
            if (enteName == null) {
                error(PlanSheet.ENTE, null, "Valore", "manca il campo «Ente» (nome dell'ente)");
            }
            if (year == null && !ente.containsKey("anno")) {
                error(PlanSheet.ENTE, null, "Valore", "manca il campo «Anno» (anno del piano, ad esempio 2025)");
            }
        }
        Periodicity periodicity = periodicity(ente);
        if (enteName == null || year == null) {
            return Optional.empty();
        }
        List<OrgUnit> units = units(workbook);
        UnitResolver unitResolver = new UnitResolver(units);
        List<Ambito> ambiti = ambiti(workbook);
        List<StrategicObjective> strategic = strategicObjectives(workbook);
        List<OperationalObjective> operational = operationalObjectives(workbook, unitResolver);
        List<Indicator> indicators = indicators(workbook, year, units, unitResolver);
        List<Scorecard> scorecards = scorecards(workbook, year);
        List<HistoricalResult> history = new StoricoRows(problems).read(workbook, enteName, year, units, ambiti,
                strategic, operational, indicators, scorecards);
        return Optional.of(new Plan(enteName, year, periodicity, methodology(workbook), units, ambiti, strategic,
                operational, indicators, scorecards, pira(workbook), history));
    }

    /** The Ente sheet's periodicity; quarterly when it has none, or one not recognised (an error). */
    private Periodicity periodicity(Map<String, SheetRow> ente) {
        SheetRow row = ente.get("periodicita");
        if (row == null || row.text("Valore") == null) {
            return Periodicity.TRIMESTRALE;
        }
        Optional<Periodicity> periodicity = Periodicity.fromText(row.text("Valore")).filter(p -> p != Periodicity.ANNUALE);
        if (periodicity.isEmpty()) {
            error(PlanSheet.ENTE, row.rowNo(), "Valore", "periodicità «" + row.text("Valore")
                    + "» non riconosciuta: usare trimestrale, quadrimestrale o semestrale");
        }
        return periodicity.orElse(Periodicity.TRIMESTRALE);
    }

    private Integer year(SheetRow row) {
        CellValue cell = row.cell("Valore");
        Optional<BigDecimal> number = cell.isNumeric() ? Optional.of(cell.number()) : ItalianNumberParser.parse(cell.text());
        if (number.isPresent() && number.get().stripTrailingZeros().scale() <= 0
                && number.get().intValue() >= 2000 && number.get().intValue() <= 2100) {
            return number.get().intValue();
        }
        error(PlanSheet.ENTE, row.rowNo(), "Valore", "anno «" + cell.text() + "» non valido: scrivere l'anno con 4 cifre");
        return null;
    }

    private Map<String, SheetRow> keyValueRows(PlanWorkbook workbook, PlanSheet sheet, String keyColumn) {
        Map<String, SheetRow> rows = new LinkedHashMap<>();
        workbook.table(sheet).ifPresent(table -> table.rows().forEach(row -> {
            String key = HeaderName.normalise(row.text(keyColumn));
            if (!key.isEmpty()) {
                rows.putIfAbsent(key, row);
            }
        }));
        return rows;
    }

    /**
     * The Metodologia sheet parsed once, here: an unreadable value keeps its default and is a
     * warning on its cell; scoring and the report use the parsed record.
     */
    private Methodology methodology(PlanWorkbook workbook) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, Integer> rows = new HashMap<>();
        workbook.table(PlanSheet.METODOLOGIA).ifPresent(table -> table.rows().forEach(row -> {
            String name = row.text("Parametro");
            String value = row.text("Valore");
            if (name == null || value == null) {
                error(PlanSheet.METODOLOGIA, row.rowNo(), name == null ? "Parametro" : "Valore",
                        "parametro incompleto: servono sia il nome sia il valore");
                return;
            }
            String key = name.strip().toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
            if (parameters.putIfAbsent(key, value) != null) {
                error(PlanSheet.METODOLOGIA, row.rowNo(), "Parametro", "parametro «" + name + "» ripetuto");
            } else {
                rows.put(key, row.rowNo());
            }
        }));
        List<Problem> warnings = new ArrayList<>();
        Methodology methodology = Methodology.from(parameters, (key, message) -> warnings.add(Problem.warning(
                PlanSheet.METODOLOGIA.sheetName(), rows.get(key), "Valore", message)));
        warnings.stream().sorted(java.util.Comparator.comparing(Problem::row)).forEach(problems);
        return methodology;
    }

    private List<OrgUnit> units(PlanWorkbook workbook) {
        List<OrgUnit> units = new ArrayList<>();
        workbook.table(PlanSheet.STRUTTURA).ifPresent(table -> table.rows().forEach(row -> {
            String code = required(PlanSheet.STRUTTURA, row, "Codice");
            String name = required(PlanSheet.STRUTTURA, row, "Nome");
            String typeText = required(PlanSheet.STRUTTURA, row, "Tipo");
            UnitType type = typeText == null ? null : UnitType.fromText(typeText).orElse(null);
            if (typeText != null && type == null) {
                error(PlanSheet.STRUTTURA, row.rowNo(), "Tipo", "tipo di unità «" + typeText
                        + "» non riconosciuto: usare Area, Servizio, Ufficio o Esterno");
            }
            if (code != null && name != null && type != null) {
                units.add(new OrgUnit(code, name, type, row.text("Padre"), row.text("Responsabile"), row.rowNo()));
            }
        }));
        return units;
    }

    private List<Ambito> ambiti(PlanWorkbook workbook) {
        List<Ambito> ambiti = new ArrayList<>();
        workbook.table(PlanSheet.AMBITI).ifPresent(table -> table.rows().forEach(row -> {
            String code = required(PlanSheet.AMBITI, row, "Codice");
            String description = required(PlanSheet.AMBITI, row, "Descrizione");
            BigDecimal weight = weight(PlanSheet.AMBITI, row);
            if (code != null && description != null) {
                ambiti.add(new Ambito(code, description, weight, row.rowNo()));
            }
        }));
        return ambiti;
    }

    private List<StrategicObjective> strategicObjectives(PlanWorkbook workbook) {
        List<StrategicObjective> objectives = new ArrayList<>();
        PlanSheet sheet = PlanSheet.OBIETTIVI_STRATEGICI;
        workbook.table(sheet).ifPresent(table -> table.rows().forEach(row -> {
            String code = required(sheet, row, "Codice");
            String description = required(sheet, row, "Descrizione");
            String ambito = required(sheet, row, "Ambito");
            BigDecimal weight = weight(sheet, row);
            BigDecimal planned = amount(sheet, row, "Risorse previste");
            BigDecimal used = amount(sheet, row, "Risorse utilizzate");
            if (code != null && description != null && ambito != null) {
                objectives.add(new StrategicObjective(code, description, ambito, weight, row.text("Prospettiva BSC"),
                        CodedLabel.parse(row.text("Missione")), CodedLabel.parse(row.text("Programma")),
                        planned, used, row.rowNo()));
            }
        }));
        return objectives;
    }

    private List<OperationalObjective> operationalObjectives(PlanWorkbook workbook, UnitResolver unitResolver) {
        List<OperationalObjective> objectives = new ArrayList<>();
        PlanSheet sheet = PlanSheet.OBIETTIVI_OPERATIVI;
        workbook.table(sheet).ifPresent(table -> table.rows().forEach(row -> {
            String code = required(sheet, row, "Codice");
            String description = required(sheet, row, "Descrizione");
            String strategic = required(sheet, row, "Obiettivo strategico");
            BigDecimal weight = weight(sheet, row);
            List<String> unitCodes = new ArrayList<>();
            String involved = row.text("Unita coinvolte");
            if (involved != null) {
                for (String token : UNIT_SEPARATOR.split(involved)) {
                    if (token.isBlank()) {
                        continue;
                    }
                    Optional<String> unit = unitResolver.resolve(token);
                    if (unit.isEmpty()) {
                        error(sheet, row.rowNo(), "Unita coinvolte", unitResolver.unresolved(token, "unità «"
                                + token.strip() + "» non presente nel foglio Struttura (indicare il codice o il nome esatto)"));
                    } else if (!unitCodes.contains(unit.get())) {
                        unitCodes.add(unit.get());
                    }
                }
            }
            if (code != null && description != null && strategic != null) {
                objectives.add(new OperationalObjective(code, description, strategic, weight, unitCodes, row.rowNo()));
            }
        }));
        return objectives;
    }

    /**
     * The indicators: those assembled while the Indicatori sheet was read ({@link #indicatorsAhead}), their
     * problems reported here, where they always were; else assembled from the sheet's rows now.
     */
    private List<Indicator> indicators(PlanWorkbook workbook, int year, List<OrgUnit> units,
                                       UnitResolver unitResolver) {
        Optional<IndicatorRows> ahead = workbook.indicatorsAhead();
        if (ahead.isPresent()) {
            IndicatorRows assembled = ahead.get();
            if (assembled.year() != year || !assembled.units().equals(units)) {
                throw new IllegalStateException("indicators assembled ahead for another year or structure");
            }
            assembled.held().forEach(problems);
            return assembled.indicators();
        }
        IndicatorRows rows = new IndicatorRows(this, year, units, unitResolver, List.of());
        workbook.table(PlanSheet.INDICATORI).ifPresent(table -> table.rows().forEach(rows::add));
        return rows.indicators();
    }

    /**
     * What assembles the Indicatori rows one at a time while the sheet is read (the reader's second thread parses
     * it, this one is mostly waiting then), so that the plan step does not assemble 60 000 indicators after the
     * reading and memory never holds the sheet's rows: empty when the sheets read before it (Ente, Struttura) give
     * no plan, then the rows are kept and assembled as usual. Its problems wait for {@link #assemble} to report
     * them in their usual place; nothing is reported meanwhile.
     */
    static Optional<IndicatorRows> indicatorsAhead(TargetParser targetParser, PlanWorkbook sheetsBefore) {
        return indicatorsAhead(targetParser, sheetsBefore, null);
    }

    /** As {@link #indicatorsAhead(TargetParser, PlanWorkbook)}, the indicators handed to {@code storedAhead} as well. */
    static Optional<IndicatorRows> indicatorsAhead(TargetParser targetParser, PlanWorkbook sheetsBefore,
                                                   IndicatorRows.StoredAhead storedAhead) {
        PlanAssembler quiet = new PlanAssembler(targetParser, problem -> { });
        Map<String, SheetRow> ente = quiet.keyValueRows(sheetsBefore, PlanSheet.ENTE, "Campo");
        String enteName = ente.containsKey("ente") ? ente.get("ente").text("Valore") : null;
        Integer year = ente.containsKey("anno") ? quiet.year(ente.get("anno")) : null;
        if (enteName == null || year == null) {
            return Optional.empty();
        }
        List<OrgUnit> units = quiet.units(sheetsBefore);
        List<Problem> held = new ArrayList<>();
        PlanAssembler holding = new PlanAssembler(targetParser, held::add);
        return Optional.of(new IndicatorRows(holding, enteName, year, quiet.periodicity(ente), units,
                new UnitResolver(units), held, storedAhead));
    }

    /** Assembles the next row of the Indicatori sheet into {@code rows}. */
    void addIndicator(IndicatorRows rows, SheetRow row) {
        PlanSheet sheet = PlanSheet.INDICATORI;
        String objective = required(sheet, row, "Obiettivo");
        String code = required(sheet, row, "Codice");
        String name = required(sheet, row, "Nome");
        String targetText = row.text("Target");
        BigDecimal weight = weight(sheet, row);
        boolean weightZero = weight != null && weight.signum() == 0;
        boolean monitoringWord = targetText != null && MONITORING.matcher(targetText.strip()).matches();
        Target target = null;
        if (weightZero && (targetText == null || monitoringWord)) {
            target = Target.notAvailable(targetText == null ? "" : targetText); // monitoring only (METHOD.md)
        } else if (targetText == null) {
            error(sheet, row.rowNo(), "Target", "target mancante: scrivere operatore e valore, ad esempio «>= 95 %»"
                    + " (un indicatore di solo monitoraggio ha peso 0)");
        } else if (monitoringWord) {
            error(sheet, row.rowNo(), "Target", "«" + targetText.strip() + "» vale solo per un indicatore di solo"
                    + " monitoraggio, con peso 0: indicare il peso 0 oppure un target, ad esempio «>= 95 %»");
        } else {
            String operator = row.text("Operatore");
            target = rows.parsedTargets.computeIfAbsent(Arrays.asList(targetText, operator),
                    texts -> targetParser.parse(targetText, operator, rows.year()));
            if (!target.isParsed()) {
                error(sheet, row.rowNo(), "Target", target.problem());
            }
        }
        UnitOfMeasure unit = unitOfMeasure(row, target);
        Boolean cumulative = yesNo(sheet, row, "Cumulativo");
        Boolean significant = yesNo(sheet, row, "Significativo");
        String periodicity = row.text("Periodicita");
        if (periodicity != null && Periodicity.fromText(periodicity).isEmpty()) {
            error(sheet, row.rowNo(), "Periodicita", "periodicità «" + periodicity
                    + "» non riconosciuta: usare trimestrale, quadrimestrale, semestrale o annuale");
        }
        String responsible = row.text("Responsabile");
        String responsibleCode = null;
        if (responsible != null) {
            responsibleCode = rows.unitResolver.resolve(responsible).orElse(null);
            if (responsibleCode == null) {
                error(sheet, row.rowNo(), "Responsabile", rows.unitResolver.unresolved(responsible,
                        "unità responsabile «" + responsible + "» non presente nel foglio Struttura"));
            }
        }
        if (objective != null && code != null && name != null && target != null) {
            int occurrence = rows.occurrences.merge(objective + "\u0000" + code, 1, Integer::sum);
            rows.indicators.add(new Indicator(new IndicatorKey(objective, code, occurrence), name, row.text("Algoritmo"),
                    row.text("Fonte"), row.text("Tipologia"), unit, target, row.text("Target N+1"),
                    row.text("Target N+2"), weight, Boolean.TRUE.equals(cumulative),
                    periodicity == null ? null : Periodicity.fromText(periodicity).map(Periodicity::label).orElse(null),
                    responsibleCode, row.rowNo(), Boolean.TRUE.equals(significant)));
        }
    }

    private UnitOfMeasure unitOfMeasure(SheetRow row, Target target) {
        String text = row.text("Unita di misura");
        if (text == null) {
            return target == null ? null : target.unit();
        }
        Optional<UnitOfMeasure> unit = UnitOfMeasure.fromText(text);
        if (unit.isEmpty()) {
            error(PlanSheet.INDICATORI, row.rowNo(), "Unita di misura", "unità di misura «" + text
                    + "» non riconosciuta: usare N., %, gg, h, €, data o si/no");
        }
        return unit.orElse(null);
    }

    /**
     * The optional Target of a scorecard row: only for a row that references an objective (an
     * indicator has its own target), and a number the objective's result is compared with.
     */
    private Target scorecardTarget(SheetRow row, String reference, boolean referencesIndicator, int year) {
        String text = row.text("Target");
        if (text == null) {
            return null;
        }
        PlanSheet sheet = PlanSheet.CRUSCOTTI;
        if (referencesIndicator) {
            error(sheet, row.rowNo(), "Target", "il Target di una riga del cruscotto vale solo quando la riga richiama"
                    + " un obiettivo: «" + reference + "» richiama un indicatore, che ha già il suo target nel foglio"
                    + " Indicatori (togliere il Target o richiamare l'obiettivo)");
            return null;
        }
        Target target = targetParser.parse(text, year);
        if (!target.isParsed()) {
            error(sheet, row.rowNo(), "Target", target.problem());
            return null;
        }
        if (target.kind() != it.pa.monitor.values.TargetKind.NUMERIC || !target.operator().higherIsBetter()
                || target.value().signum() <= 0) {
            error(sheet, row.rowNo(), "Target", "target «" + text + "» non valido per un obiettivo: scrivere la"
                    + " percentuale di risultato attesa, ad esempio «>= 95 %»");
            return null;
        }
        return target;
    }

    private List<Scorecard> scorecards(PlanWorkbook workbook, int year) {
        Map<String, List<ScorecardRow>> rowsByCode = new LinkedHashMap<>();
        Map<String, SheetRow> headers = new LinkedHashMap<>();
        PlanSheet sheet = PlanSheet.CRUSCOTTI;
        workbook.table(sheet).ifPresent(table -> table.rows().forEach(row -> {
            String code = required(sheet, row, "Codice cruscotto");
            String dirigente = required(sheet, row, "Dirigente");
            String reference = required(sheet, row, "Riferimento");
            BigDecimal weight = weight(sheet, row);
            if (code == null || dirigente == null || reference == null) {
                return;
            }
            SheetRow first = headers.putIfAbsent(code, row);
            if (first != null && !dirigente.equals(first.text("Dirigente"))) {
                error(sheet, row.rowNo(), "Dirigente", "il cruscotto " + code + " è già assegnato a «"
                        + first.text("Dirigente") + "» (riga " + first.rowNo() + ")");
            }
            Matcher m = REFERENCE.matcher(reference.strip());
            if (!m.matches()) {
                error(sheet, row.rowNo(), "Riferimento", "riferimento «" + reference
                        + "» non valido: usare OBIETTIVO/INDICATORE, OBIETTIVO/INDICATORE#2 oppure il codice di un obiettivo");
                return;
            }
            int occurrence = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
            Target target = scorecardTarget(row, reference.strip(), m.group(2) != null, year);
            rowsByCode.computeIfAbsent(code, c -> new ArrayList<>())
                    .add(new ScorecardRow(reference.strip(), m.group(1).strip(),
                            m.group(2) == null ? null : m.group(2).strip(), occurrence, weight, row.rowNo(), target));
        }));
        List<Scorecard> scorecards = new ArrayList<>();
        headers.forEach((code, row) -> scorecards.add(new Scorecard(code, row.text("Dirigente"), row.text("Ruolo"),
                rowsByCode.getOrDefault(code, List.of()), row.rowNo())));
        return scorecards;
    }

    private List<PiraLink> pira(PlanWorkbook workbook) {
        List<PiraLink> links = new ArrayList<>();
        PlanSheet sheet = PlanSheet.PIRA;
        workbook.table(sheet).ifPresent(table -> table.rows().forEach(row -> {
            String objective = required(sheet, row, "Obiettivo");
            String indicator = required(sheet, row, "Indicatore");
            if (objective == null || indicator == null) {
                return;
            }
            Matcher m = REFERENCE.matcher(indicator.strip());
            if (!m.matches()) {
                error(sheet, row.rowNo(), "Indicatore", "riferimento «" + indicator
                        + "» non valido: usare OBIETTIVO/INDICATORE");
                return;
            }
            // "OS_2.4/OC_Int_01" or just "OC_Int_01", then the row's objective is meant.
            IndicatorKey key = m.group(2) == null
                    ? new IndicatorKey(objective, m.group(1).strip(), m.group(3) == null ? 1 : Integer.parseInt(m.group(3)))
                    : new IndicatorKey(m.group(1).strip(), m.group(2).strip(),
                            m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
            links.add(new PiraLink(CodedLabel.parse(row.text("Missione")), CodedLabel.parse(row.text("Programma")),
                    objective, key, row.rowNo()));
        }));
        return links;
    }

    private String required(PlanSheet sheet, SheetRow row, String column) {
        String text = row.text(column);
        if (text == null) {
            error(sheet, row.rowNo(), column, "valore obbligatorio mancante");
        }
        return text;
    }

    private BigDecimal weight(PlanSheet sheet, SheetRow row) {
        if (sheet.columns().stream().noneMatch(c -> c.name().equals("Peso"))) {
            return null;
        }
        CellValue cell = row.cell("Peso");
        if (cell.isBlank()) {
            return null;
        }
        Optional<BigDecimal> weight = WeightParser.parse(cell);
        if (weight.isEmpty() || weight.get().signum() < 0) {
            error(sheet, row.rowNo(), "Peso", "peso «" + cell.text()
                    + "» non valido: scrivere una percentuale, ad esempio 25 o 16,70%");
            return null;
        }
        return weight.get();
    }

    private BigDecimal amount(PlanSheet sheet, SheetRow row, String column) {
        CellValue cell = row.cell(column);
        if (cell.isBlank()) {
            return null;
        }
        if (cell.isNumeric()) {
            return cell.number();
        }
        String text = cell.text().replace("€", "").replaceAll("(?i)euro", "").strip();
        Optional<BigDecimal> amount = ItalianNumberParser.parse(text);
        if (amount.isEmpty()) {
            error(sheet, row.rowNo(), column, "importo «" + cell.text() + "» non valido: scrivere un numero in euro");
        }
        return amount.orElse(null);
    }

    private Boolean yesNo(PlanSheet sheet, SheetRow row, String column) {
        String text = row.text(column);
        if (text == null) {
            return null;
        }
        return switch (HeaderName.normalise(text)) {
            case "si", "s", "x", "vero", "true", "1" -> true;
            case "no", "n", "falso", "false", "0" -> false;
            default -> {
                error(sheet, row.rowNo(), column, "valore «" + text + "» non valido: scrivere sì oppure no");
                yield null;
            }
        };
    }

    private void error(PlanSheet sheet, Integer row, String column, String message) {
        problems.accept(Problem.error(sheet.sheetName(), row, column, message));
    }
}
