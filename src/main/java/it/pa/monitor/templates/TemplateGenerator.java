package it.pa.monitor.templates;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.PlanVersion;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.results.ReportedValues;
import it.pa.monitor.values.Period;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Writes the monitoring templates of a period from the stored plan of its year (FORMATS.md §2
 * "Templates"): one {@code scheda_<unità>_<periodo>.xlsx} per unit, cruscotto or the ente.
 */
@Service
public class TemplateGenerator {

    private final PlanRepository plans;
    private final ReportedValues values;

    public TemplateGenerator(PlanRepository plans, ReportedValues values) {
        this.plans = plans;
        this.values = values;
    }

    /** The default folder: {@code input-templates/<periodo>/}. */
    public static Path defaultOutput(Period period) {
        return Path.of("input-templates", period.code());
    }

    /**
     * Writes the templates of {@code period} into {@code outputDir} (created if missing): all of
     * them, or only the one of {@code unitCode} (a unit code or name, a cruscotto code, or
     * {@code ENTE}). With several enti in the database, each ente's go into a sub-folder named after it.
     *
     * @return the files written, in unit order
     * @throws TemplateException when there is no plan for the year, the unit is unknown or has no
     *                           indicator, or the folder cannot be written; the message is one sentence
     */
    public List<Path> generate(Period period, Path outputDir, Optional<String> unitCode) {
        return generate(period, outputDir, unitCode, TemplateFormat.XLSX);
    }

    /** As {@link #generate(Period, Path, Optional)}, in the given file format. */
    public List<Path> generate(Period period, Path outputDir, Optional<String> unitCode, TemplateFormat format) {
        List<String> enti = plans.entiWithPlan(period.year());
        if (enti.isEmpty()) {
            throw new TemplateException("Nessun piano registrato per il " + period.year() + ": caricare prima il piano"
                    + " (depositare piano-" + period.year() + ".xlsx nella cartella di arrivo ed eseguire run --period "
                    + period.code() + ").");
        }
        List<Path> written = new ArrayList<>();
        for (String ente : enti) {
            Plan plan = plans.find(ente, period.year()).orElseThrow();
            Path folder = enti.size() == 1 ? outputDir : outputDir.resolve(safeName(ente));
            written.addAll(generate(plan, period, folder, unitCode, format));
        }
        return written;
    }

    private List<Path> generate(Plan plan, Period period, Path folder, Optional<String> unitCode,
                                TemplateFormat format) {
        List<UnitTemplate> templates = TemplateRouting.route(plan);
        if (unitCode.isPresent()) {
            templates = List.of(select(plan, templates, unitCode.get().strip()));
        }
        String sha = plans.version(plan.ente(), plan.year()).map(PlanVersion::sha256).orElse("");
        Map<IndicatorKey, List<ReportedValues.Reported>> history = values.history(plan.ente(), plan.year());
        Set<LocalDate> withValues = new HashSet<>();
        Map<IndicatorKey, Map<LocalDate, String>> earlier = new HashMap<>();
        history.forEach((key, reported) -> reported.forEach(r -> {
            LocalDate date = r.period().referenceDate();
            withValues.add(date);
            earlier.computeIfAbsent(key, k -> new HashMap<>()).put(date, r.value().raw());
        }));
        List<LocalDate> dates = EarlierPeriods.of(period, plan.periodicity(), withValues);
        TemplateWorkbook.Context context = new TemplateWorkbook.Context(plan.ente(), period, sha,
                objectiveNames(plan), dates, earlier);
        createFolder(folder);
        List<Path> written = new ArrayList<>();
        for (UnitTemplate template : templates) {
            Path file = folder.resolve("scheda_" + safeName(template.code()) + "_" + period.code()
                    + format.extension());
            try {
                if (format == TemplateFormat.ODS) {
                    writeOds(file, template, context);
                } else {
                    TemplateWorkbook.write(file, template, context);
                }
            } catch (IOException e) {
                throw new TemplateException("Impossibile scrivere " + file.toAbsolutePath().normalize() + ": " + reason(e),
                        e);
            }
            written.add(file);
        }
        return written;
    }

    /** The .xlsx template, built aside, then written as .ods (see {@link OdsTemplate}). */
    private static void writeOds(Path file, UnitTemplate template, TemplateWorkbook.Context context)
            throws IOException {
        Path xlsx = file.resolveSibling("." + file.getFileName() + ".xlsx.tmp");
        try {
            TemplateWorkbook.write(xlsx, template, context);
            try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(xlsx.toFile())) {
                OdsTemplate.write(workbook, file);
            } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                throw new IOException(e);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(xlsx);
        }
    }

    private static UnitTemplate select(Plan plan, List<UnitTemplate> templates, String wanted) {
        String code = plan.findUnit(wanted).map(u -> u.code()).orElse(wanted);
        Optional<UnitTemplate> match = templates.stream().filter(t -> t.code().equalsIgnoreCase(code)).findFirst();
        if (match.isPresent()) {
            return match.get();
        }
        List<String> sameName = plan.index().units().sameName(wanted);
        if (!sameName.isEmpty()) {
            throw new TemplateException("«" + wanted + "» è il nome di più unità del piano " + plan.year()
                    + " (" + String.join(", ", sameName) + "): indicare il codice dell'unità.");
        }
        if (plan.findUnit(wanted).isPresent()) {
            throw new TemplateException("L'unità " + code + " non risponde di alcun indicatore del piano "
                    + plan.year() + ": non c'è un modello da scrivere.");
        }
        throw new TemplateException("L'unità «" + wanted + "» non è nel piano " + plan.year() + " di " + plan.ente()
                + ": indicarne una tra " + templates.stream().map(UnitTemplate::code).collect(Collectors.joining(", "))
                + ".");
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new TemplateException("Impossibile creare la cartella " + folder.toAbsolutePath().normalize() + ": "
                    + reason(e), e);
        }
        if (!Files.isWritable(folder)) {
            throw new TemplateException("La cartella " + folder.toAbsolutePath().normalize()
                    + " non è scrivibile: indicarne un'altra con --output.");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permesso negato.";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            // The operating system's words, in English on most servers: the usual ones said in Italian.
            String reason = f.getReason().strip();
            return switch (reason.toLowerCase(Locale.ROOT)) {
                case "not a directory" -> "un elemento del percorso è un file, non una cartella.";
                case "is a directory" -> "è una cartella, non un file.";
                case "no space left on device" -> "spazio esaurito sul disco.";
                case "read-only file system" -> "il disco è in sola lettura.";
                case "file exists" -> "esiste già un file con quel nome.";
                case "permission denied", "operation not permitted" -> "permesso negato.";
                default -> reason.toLowerCase(Locale.ROOT) + ".";
            };
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "." : " " + e.getMessage() + ".");
    }

    /** The OS, OO and cruscotto descriptions by code, for the Obiettivo column. */
    private static Map<String, String> objectiveNames(Plan plan) {
        Map<String, String> names = new HashMap<>();
        plan.strategicObjectives().forEach(o -> names.put(o.code(), o.description()));
        plan.operationalObjectives().forEach(o -> names.put(o.code(), o.description()));
        plan.scorecards().forEach(s -> names.putIfAbsent(s.code(), "Obiettivi individuali - " + s.dirigente()
                + (s.role() == null ? "" : " (" + s.role() + ")")));
        return names;
    }

    /** A code or name usable in a file name on every system. */
    private static String safeName(String text) {
        return text.replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
    }
}
