package it.pa.monitor.intake.check;

import it.pa.monitor.intake.inbox.FileOutcome;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.sheet.MonitoringColumn;
import it.pa.monitor.intake.sheet.MonitoringRow;
import it.pa.monitor.intake.sheet.MonitoringSheet;
import it.pa.monitor.intake.sheet.SheetCell;
import it.pa.monitor.intake.store.ProcessedFile;
import it.pa.monitor.plan.IndicatorResolver;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.PlanVersion;
import it.pa.monitor.plan.UnitIndex;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.scoring.PercentScale;
import it.pa.monitor.values.ActualKind;
import it.pa.monitor.values.ActualValue;
import it.pa.monitor.values.ActualValueParser;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.HeaderName;
import it.pa.monitor.values.Period;
import it.pa.monitor.values.Target;
import it.pa.monitor.values.TargetKind;
import it.pa.monitor.values.TargetParser;
import it.pa.monitor.values.UnitOfMeasure;
import it.pa.monitor.values.WeightParser;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a monitoring sheet against the plan and the period: which ente, unit and period it is
 * for, which indicator each row is, whether each Consuntivo can be read. Errors reject the file
 * as a whole (the office fixes and resends); warnings are kept with the accepted values.
 */
public final class SheetValidator {

    /** {@code scheda_<unita>_<periodo>.xlsx}: the unit and period when the sheet does not say them. */
    private static final Pattern FILE_NAME = Pattern.compile("(?i)^scheda[_ -](.+)[_ -](\\d{4}(?:-[QTS]\\d)?)\\.xls[xm]?$");
    private static final BigDecimal PLAUSIBLE_PERCENT = BigDecimal.valueOf(1000);
    private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The {@code _meta} unit of the template for the indicators no unit answers for. */
    private static final String WHOLE_ENTE = "ENTE";
    private static final DateTimeFormatter ITALIAN_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(java.time.ZoneId.systemDefault());

    private final List<Plan> plans;
    private final Period period;
    private final Map<String, PlanVersion> versions;
    private final Function<String, Optional<String>> planFileBySha;
    private final ActualValueParser actualParser = new ActualValueParser();
    private final TargetParser targetParser = new TargetParser();
    private final Map<Plan, IndicatorResolver> resolvers = new java.util.IdentityHashMap<>();
    private final Map<Plan, UnitIndex> unitIndexes = new java.util.IdentityHashMap<>();
    /** Bounds {@link #typedTargets}: the texts past it are parsed every time, memory stays small. */
    private static final int MAX_TYPED_TARGETS = 20_000;
    /** Longer texts are parsed every time: the caches' memory stays small whatever a sheet holds. */
    private static final int MAX_CACHED_TEXT = 200;
    /** Targets typed in the sheets, by text and operator; shared by the reading threads. */
    private final Map<List<String>, Target> typedTargets = new ConcurrentHashMap<>();
    /** Period and reference-date texts that passed {@link #checkPeriod} (which adds no problem then). */
    private final Set<List<String>> rightPeriods = ConcurrentHashMap.newKeySet();

    public SheetValidator(List<Plan> plans, Period period) {
        this(plans, period, Map.of(), sha -> Optional.empty());
    }

    /**
     * @param versions      the workbook each ente's stored plan came from, by ente
     * @param planFileBySha the name of a plan workbook processed earlier, by its sha256 (to name
     *                      the plan a template was made from)
     */
    public SheetValidator(List<Plan> plans, Period period, Map<String, PlanVersion> versions,
                   Function<String, Optional<String>> planFileBySha) {
        this.plans = List.copyOf(plans);
        this.period = period;
        this.versions = Map.copyOf(versions);
        this.planFileBySha = planFileBySha;
        this.plans.forEach(p -> resolvers.put(p, IndicatorResolver.of(p)));
        this.plans.forEach(p -> unitIndexes.put(p, UnitIndex.of(p)));
    }

    public ProcessedFile validate(InboxFile file, MonitoringSheet sheet) {
        List<Problem> problems = new ArrayList<>();
        String sheetName = sheet.sheetName();
        Map<String, String> header = sheet.headerBlock();
        Map<String, String> meta = sheet.meta();
        Matcher fromName = FILE_NAME.matcher(file.fileName());
        boolean nameMatches = fromName.matches();

        Optional<Plan> plan = plan(header.get("ente"), sheetName, problems);
        if (plan.isEmpty()) {
            return rejected(file, problems);
        }
        String declaredUnit = first(header.get("unitaorganizzativa"), header.get("unita"), meta.get("unita"),
                nameMatches ? fromName.group(1) : null);
        // The ENTE's or a cruscotto's template: no unit to check competence against.
        String unitText = declaredUnit != null && wholeEnteOrScorecard(plan.get(), declaredUnit) ? null : declaredUnit;
        UnitIndex units = unitIndexes.get(plan.get());
        if (!checkPeriod(first(header.get("periodo"), meta.get("periodo"), nameMatches ? fromName.group(2) : null),
                header.get("datadiriferimento"), sheetName, problems)
                // The template's _meta says the period too: a header edited away from it is not trusted.
                || header.get("periodo") != null && meta.get("periodo") != null
                && !checkPeriod(meta.get("periodo"), null, sheetName, problems)) {
            // Still the sender's unit, so its own workbook lists the rejection.
            String sender = unitText == null ? null : units.findUnitAsWritten(unitText).map(OrgUnit::code).orElse(null);
            return new ProcessedFile(file, FileOutcome.REJECTED, plan.get().ente(), plan.get().year(), sender,
                    sheetName, header.get("compilatoda"), List.of(), List.of(), problems, problems.get(0).message());
        }
        String unitCode = null;
        checkMetaUnit(plan.get(), units, meta.get("unita"), unitText, sheetName, problems);
        if (unitText != null) {
            Optional<OrgUnit> unit = units.findUnitAsWritten(unitText);
            if (unit.isEmpty()) {
                problems.add(Problem.cellError(sheetName, null, unitText, units.unresolvedAsWritten(unitText,
                        "unità organizzativa «" + unitText + "» non presente nel piano: indicare il codice o il nome"
                                + " dell'unità come nel piano")));
            } else {
                unitCode = unit.get().code();
            }
        }

        List<ProcessedFile.Value> values = new ArrayList<>();
        IndicatorResolver.Sequence sequence = resolvers.get(plan.get()).inOrder();
        for (MonitoringRow row : sheet.rows()) {
            validateRow(plan.get(), units, unitCode, sheetName, row, sequence, values, problems);
        }
        planVersion(plan.get(), meta.get("piano_sha256"), sheetName, problems);
        if (values.isEmpty() && problems.stream().noneMatch(Problem::isError)) {
            problems.add(Problem.cellWarning(sheetName, null, null,
                    "nessun Consuntivo compilato: il file non porta valori"));
        }
        boolean rejected = problems.stream().anyMatch(Problem::isError);
        String compiledBy = header.get("compilatoda");
        if (rejected) {
            List<Problem> errors = problems.stream().filter(Problem::isError).toList();
            return new ProcessedFile(file, FileOutcome.REJECTED, plan.get().ente(), plan.get().year(), unitCode,
                    sheetName, compiledBy, List.of(), List.of(), problems, rejectionReason(errors));
        }
        return new ProcessedFile(file, FileOutcome.ACCEPTED, plan.get().ente(), plan.get().year(), unitCode, sheetName,
                compiledBy, values, List.of(), problems, null);
    }

    /** The summary line names the first error, so the office knows where to look without the report. */
    private static String rejectionReason(List<Problem> errors) {
        Problem first = errors.get(0);
        String where = first.cell() == null ? "" : "cella " + first.cell() + (first.raw() == null ? ""
                : " «" + first.raw() + "»") + ": ";
        return (errors.size() == 1 ? "1 errore da correggere: " : errors.size() + " errori da correggere, il primo: ")
                + where + first.message();
    }

    private void validateRow(Plan plan, UnitIndex units, String unitCode, String sheetName, MonitoringRow row,
                             IndicatorResolver.Sequence sequence,
                             List<ProcessedFile.Value> values, List<Problem> problems) {
        SheetCell codeCell = row.cell(MonitoringColumn.INDICATOR_CODE);
        SheetCell actualCell = row.cell(MonitoringColumn.ACTUAL);
        // A formula saved without its value that could not be evaluated: never a 0, never a blank. The leftmost.
        SheetCell formula = null;
        for (SheetCell cell : row.cells().values()) {
            if (cell.value().isUnevaluatedFormula() && (formula == null || cell.column() < formula.column())) {
                formula = cell;
            }
        }
        if (formula != null) {
            problems.add(Problem.cellError(sheetName, formula.address(), formula.value().text(),
                    formula.value().unevaluatedFormulaProblem()));
            return;
        }
        String code = text(codeCell.value());
        String objective = text(row.cell(MonitoringColumn.OBJECTIVE_CODE).value());
        ActualValue actual = actualParser.parse(actualCell.value(), period.year());
        if (code == null) {
            if (actual.kind() != ActualKind.EMPTY) {
                problems.add(Problem.cellError(sheetName, codeCell.address(), null,
                        "manca il codice indicatore per il valore in " + actualCell.address()));
            }
            return;
        }
        // Real plans repeat a code under one objective: rows map to its occurrences in order.
        IndicatorResolver.Resolution resolution = sequence.next(objective, code);
        switch (resolution.status()) {
            case UNKNOWN_CODE -> {
                problems.add(Problem.cellError(sheetName, codeCell.address(), code,
                        "codice indicatore «" + code + "» non presente nel piano"));
                return;
            }
            case NOT_UNDER_OBJECTIVE -> {
                problems.add(Problem.cellError(sheetName, codeCell.address(), code,
                        "l'indicatore «" + code + "» non appartiene all'obiettivo «" + objective + "» nel piano"));
                return;
            }
            case AMBIGUOUS -> {
                problems.add(Problem.cellError(sheetName, codeCell.address(), code, "il codice «" + code
                        + "» è usato da più obiettivi (" + String.join(", ", resolution.objectives())
                        + "): indicare il Codice obiettivo nella riga"));
                return;
            }
            case NO_SUCH_OCCURRENCE -> {
                problems.add(Problem.cellError(sheetName, codeCell.address(), code, "riga duplicata: l'indicatore «"
                        + resolution.objectives().get(0) + "/" + code + "» compare più volte nel foglio"));
                return;
            }
            default -> {
                // FOUND
            }
        }
        Indicator indicator = resolution.indicator();
        if (actual.kind() == ActualKind.EMPTY) {
            return; // not yet reported: not a zero
        }
        String raw = actualCell.value().text();
        if (actual.kind() == ActualKind.INVALID) {
            problems.add(Problem.cellError(sheetName, actualCell.address(), raw, actual.problem()));
            return;
        }
        String mismatch = kindMismatch(indicator.target(), actual);
        if (mismatch != null) {
            problems.add(Problem.cellError(sheetName, actualCell.address(), raw, mismatch));
            return;
        }
        plausibility(indicator, actual, sheetName, actualCell.address(), raw, problems);
        PercentScale.warning(indicator.target(), actual, plan.methodology().percentValues())
                .ifPresent(message -> problems.add(
                Problem.cellWarning(sheetName, actualCell.address(), raw, "valore «" + raw + "» " + message)));
        compareWithPlan(indicator, row, sheetName, problems);
        if (row.hidden()) {
            problems.add(Problem.cellWarning(sheetName, actualCell.address(), raw,
                    "la riga è nascosta: il valore è stato comunque acquisito"));
        }
        if (unitCode != null && !units.involves(indicator, unitCode)) {
            problems.add(Problem.cellWarning(sheetName, codeCell.address(), code, "l'indicatore «"
                    + indicator.key().reference() + "» non è di competenza dell'unità " + unitCode
                    + ": il valore è acquisito"));
        }
        values.add(new ProcessedFile.Value(indicator.key(), actual, actualCell.address(),
                text(row.cell(MonitoringColumn.NOTES).value())));
    }

    private static boolean wholeEnteOrScorecard(Plan plan, String unitText) {
        return unitText.equalsIgnoreCase(WHOLE_ENTE)
                || plan.scorecards().stream().anyMatch(s -> s.code().equalsIgnoreCase(unitText));
    }

    /** The unit in {@code _meta} must be in the plan and be the one the header block names. */
    private static void checkMetaUnit(Plan plan, UnitIndex units, String metaUnit, String unitText, String sheet,
                                      List<Problem> problems) {
        if (metaUnit == null || metaUnit.isBlank() || wholeEnteOrScorecard(plan, metaUnit.strip())) {
            return;
        }
        Optional<OrgUnit> fromMeta = units.findUnit(metaUnit.strip());
        if (fromMeta.isEmpty()) {
            problems.add(Problem.cellError(sheet, null, metaUnit, units.unresolved(metaUnit,
                    "la scheda è stata preparata per l'unità «" + metaUnit.strip() + "», che non è nel piano "
                            + plan.year() + " in vigore: usare il modello aggiornato")));
            return;
        }
        Optional<OrgUnit> fromHeader = unitText == null ? Optional.empty()
                : units.findUnitAsWritten(unitText);
        if (fromHeader.isPresent() && !fromHeader.get().code().equals(fromMeta.get().code())) {
            problems.add(Problem.cellError(sheet, null, unitText, "l'unità organizzativa «" + unitText
                    + "» non è quella per cui è stata preparata la scheda (" + fromMeta.get().code()
                    + "): usare la scheda dell'unità"));
        }
    }

    /**
     * A template made from another version of the plan (FORMATS.md §2 {@code _meta}): its rows
     * are matched to the plan in force; when they all still exist the values are accepted with a
     * warning naming the change, otherwise the unknown codes are errors and this says why.
     */
    private void planVersion(Plan plan, String templateSha, String sheet, List<Problem> problems) {
        PlanVersion current = versions.get(plan.ente());
        if (templateSha == null || templateSha.isBlank() || current == null
                || templateSha.strip().equalsIgnoreCase(current.sha256())) {
            return;
        }
        String older = planFileBySha.apply(templateSha.strip()).map(name -> "«" + name + "» ").orElse("");
        String change = "la scheda è stata preparata su una versione precedente del piano " + plan.year() + " ("
                + older + "sha256 " + abbreviated(templateSha.strip()) + "), sostituita da «" + current.sourceFile()
                + "» caricato il " + ITALIAN_TIME.format(current.loadedAt()) + " (sha256 "
                + abbreviated(current.sha256()) + ")";
        if (problems.stream().anyMatch(Problem::isError)) {
            problems.add(Problem.cellError(sheet, null, null, change + ": correggere le righe segnalate"
                    + " oppure compilare il modello aggiornato (comando templates)"));
        } else {
            problems.add(Problem.cellWarning(sheet, null, null, change + ": i codici degli indicatori"
                    + " della scheda sono ancora nel piano in vigore e i valori sono stati acquisiti"));
        }
    }

    private static String abbreviated(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }

    private static String kindMismatch(Target target, ActualValue actual) {
        ActualKind kind = actual.kind();
        if (kind == ActualKind.NOT_COMPUTABLE) {
            return null;
        }
        boolean percent = kind == ActualKind.NUMBER && actual.unit() == UnitOfMeasure.PERCENT;
        return switch (target.kind()) {
            case NUMERIC -> kind == ActualKind.NUMBER ? null
                    : "il target è numerico (" + target.raw() + "): scrivere un numero, ad esempio 0 se nulla è stato fatto";
            case DEADLINE -> kind == ActualKind.DATE || kind == ActualKind.YES || kind == ActualKind.NO || percent ? null
                    : "il target è una scadenza (" + target.raw() + "): scrivere la data di realizzazione (es. "
                    + "18/12/2025) oppure «Non realizzato»";
            case YES_NO -> kind != ActualKind.NUMBER || percent ? null
                    : "il target è sì/no (" + target.raw() + "): scrivere Sì, No, Realizzato o Non realizzato";
            default -> null;
        };
    }

    private void plausibility(Indicator indicator, ActualValue actual, String sheet, String cell, String raw,
                              List<Problem> problems) {
        if (actual.kind() == ActualKind.NUMBER && actual.unit() == UnitOfMeasure.PERCENT
                && actual.number().abs().compareTo(PLAUSIBLE_PERCENT) > 0) {
            problems.add(Problem.cellWarning(sheet, cell, raw, "percentuale fuori scala ("
                    + raw + "): verificare il valore"));
        }
        if (actual.kind() == ActualKind.DATE && !period.isYearEnd() && actual.date().isAfter(period.referenceDate())) {
            // METHOD.md "Interim periods": the office typed the planned date; scoring treats it as not yet done.
            problems.add(Problem.cellWarning(sheet, cell, raw, "data di realizzazione "
                    + actual.date().format(ITALIAN_DATE) + " successiva alla data di riferimento "
                    + period.referenceDate().format(ITALIAN_DATE) + ": l'indicatore è considerato non ancora realizzato"));
        }
        if (actual.kind() == ActualKind.DATE && Math.abs(actual.date().getYear() - period.year()) > 1) {
            problems.add(Problem.cellWarning(sheet, cell, raw, "data lontana dall'anno " + period.year()
                    + " (" + actual.date().format(ITALIAN_DATE) + "): verificare il valore"));
        }
        UnitOfMeasure expected = indicator.unit() != null ? indicator.unit() : indicator.target().unit();
        if (actual.kind() == ActualKind.NUMBER && actual.unit() != null && expected != null
                && expected != UnitOfMeasure.DATE && expected != UnitOfMeasure.YES_NO && actual.unit() != expected) {
            problems.add(Problem.cellWarning(sheet, cell, raw, "unità di misura «" + actual.unit().label()
                    + "» diversa da quella del piano «" + expected.label() + "»"));
        }
    }

    private void compareWithPlan(Indicator indicator, MonitoringRow row, String sheet,
                                 List<Problem> problems) {
        SheetCell targetCell = row.cell(MonitoringColumn.TARGET);
        String targetText = text(targetCell.value());
        if (targetText != null) {
            Target typed = typedTarget(targetText, text(row.cell(MonitoringColumn.OPERATOR).value()));
            Target planned = indicator.target();
            boolean same = typed.kind() == planned.kind() && typed.operator() == planned.operator()
                    && Objects.equals(typed.deadline(), planned.deadline())
                    && (typed.value() == null ? planned.value() == null
                    : planned.value() != null && typed.value().compareTo(planned.value()) == 0);
            if (!same) {
                problems.add(Problem.cellWarning(sheet, targetCell.address(), targetText,
                        "target diverso dal piano («" + planned.raw() + "»): vale quello del piano"));
            }
        }
        SheetCell weightCell = row.cell(MonitoringColumn.WEIGHT);
        if (!weightCell.value().isBlank() && indicator.weight() != null) {
            Optional<BigDecimal> weight = WeightParser.parse(weightCell.value());
            if (weight.isEmpty() || weight.get().subtract(indicator.weight()).abs().compareTo(new BigDecimal("0.005")) > 0) {
                problems.add(Problem.cellWarning(sheet, weightCell.address(), weightCell.value().text(),
                        "peso diverso dal piano (" + indicator.weight().stripTrailingZeros().toPlainString()
                                + "): vale quello del piano"));
            }
        }
    }

    /**
     * The target as typed in the sheet, parsed once per distinct text and operator: sheets repeat the plan's
     * targets ("&gt;= 95 %", "= sì"). The parse depends on nothing else (the year is the validator's).
     */
    private Target typedTarget(String targetText, String operatorText) {
        List<String> key = Arrays.asList(targetText, operatorText);
        Target known = typedTargets.get(key);
        if (known != null) {
            return known;
        }
        Target parsed = targetParser.parse(targetText, operatorText, period.year());
        if (typedTargets.size() < MAX_TYPED_TARGETS && cacheable(targetText) && cacheable(operatorText)) {
            typedTargets.putIfAbsent(key, parsed);
        }
        return parsed;
    }

    private static boolean cacheable(String text) {
        return text == null || text.length() <= MAX_CACHED_TEXT;
    }

    private Optional<Plan> plan(String enteText, String sheet, List<Problem> problems) {
        if (plans.isEmpty()) {
            problems.add(Problem.cellError(sheet, null, null, "nessun piano caricato per l'anno "
                    + period.year() + ": caricare prima il piano"));
            return Optional.empty();
        }
        if (enteText == null) {
            if (plans.size() == 1) {
                return Optional.of(plans.get(0));
            }
            problems.add(Problem.cellError(sheet, "B1", null,
                    "indicare l'ente nel campo «Ente»: sono caricati i piani di più enti"));
            return Optional.empty();
        }
        Optional<Plan> match = plans.stream()
                .filter(p -> HeaderName.normalise(p.ente()).equals(HeaderName.normalise(enteText))).findFirst();
        if (match.isEmpty()) {
            problems.add(Problem.cellError(sheet, null, enteText, "il file è dell'ente «" + enteText
                    + "», ma il piano " + period.year() + " caricato è di «" + plans.get(0).ente() + "»"));
        }
        return match;
    }

    private boolean checkPeriod(String periodText, String referenceText, String sheet,
                                List<Problem> problems) {
        // Every sheet of a run says the same period: texts found right once are not parsed again.
        List<String> key = Arrays.asList(periodText, referenceText);
        if (rightPeriods.contains(key)) {
            return true;
        }
        if (checkPeriodTexts(periodText, referenceText, sheet, problems)) {
            if (rightPeriods.size() < MAX_TYPED_TARGETS && cacheable(periodText) && cacheable(referenceText)) {
                rightPeriods.add(key);
            }
            return true;
        }
        return false;
    }

    private boolean checkPeriodTexts(String periodText, String referenceText, String sheet,
                                     List<Problem> problems) {
        if (periodText != null) {
            Period declared;
            try {
                declared = Period.parse(periodText);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.cellError(sheet, null, periodText, "periodo «" + periodText
                        + "» non valido: scrivere ad esempio " + period.code()));
                return false;
            }
            if (!declared.equals(period)) {
                problems.add(Problem.cellError(sheet, null, periodText, "il file è per il periodo "
                        + declared.code() + ", l'elaborazione è per il periodo " + period.code()));
                return false;
            }
        }
        if (referenceText != null) {
            ActualValue date = actualParser.parse(CellValue.text(referenceText), period.year());
            if (date.kind() == ActualKind.DATE && !date.date().equals(period.referenceDate())) {
                problems.add(Problem.cellError(sheet, null, referenceText, "data di riferimento "
                        + referenceText + " diversa da quella del periodo " + period.code() + " ("
                        + period.referenceDate().format(ITALIAN_DATE) + ")"));
                return false;
            }
        }
        return true;
    }

    private static ProcessedFile rejected(InboxFile file, List<Problem> problems) {
        return ProcessedFile.rejected(file, problems.get(0).message(), problems);
    }

    private static String text(CellValue value) {
        return value == null || value.text().isBlank() ? null : value.text().strip();
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return null;
    }

}
