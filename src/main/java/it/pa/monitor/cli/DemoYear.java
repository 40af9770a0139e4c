package it.pa.monitor.cli;

import it.pa.monitor.run.MonitorRun;
import it.pa.monitor.run.RunParameters;
import it.pa.monitor.run.RunReport;
import it.pa.monitor.results.PeriodScoring;
import it.pa.monitor.templates.TemplateGenerator;
import it.pa.monitor.values.Period;
import it.pa.monitor.values.ItalianFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The demo year: the bundled 2022 plan and the sheets the offices send each quarter (jar
 * resources under {@code /demo/}), run quarter by quarter in a working folder as a planning office
 * would: load the plan, write the templates, drop the quarter's arrivals in the inbox, run.
 */
@Component
class DemoYear {

    static final String RESOURCES = "/demo/";
    static final String PLAN = "piano-2022.xlsx";
    static final List<Period> QUARTERS = List.of(Period.parse("2022-Q1"), Period.parse("2022-Q2"),
            Period.parse("2022-Q3"), Period.parse("2022-Q4"));
    /** Receipt times in {@code arrivi.tsv} are the office's local time. */
    private static final ZoneId OFFICE_TIME = ZoneId.of("Europe/Rome");

    /** One file of a quarter's arrivals list. */
    record Arrival(String file, LocalDateTime receivedAt, String note) {
    }

    /** What one quarter's run gave. */
    record QuarterResult(Period period, boolean completed, BigDecimal enteResult, List<Path> workbooks) {
    }

    private final MonitorRun monitorRun;
    private final TemplateGenerator templates;

    DemoYear(MonitorRun monitorRun, TemplateGenerator templates) {
        this.monitorRun = monitorRun;
        this.templates = templates;
    }

    /** Runs the four quarters in {@code dir}; returns each quarter's result, printing as it goes. */
    List<QuarterResult> run(Path dir, PrintWriter out) throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path output = dir.resolve("output");
        Path templateRoot = dir.resolve("input-templates");

        out.printf("== Piano: %s depositato in %s ==%n", PLAN, inbox);
        copy(RESOURCES + PLAN, inbox.resolve(PLAN), null);
        RunReport planRun = monitorRun.run(new RunParameters(QUARTERS.get(0), inbox, output));
        // The plan's run writes a first-quarter workbook with no values yet; the quarter's run rewrites it.
        new RunSummary(planRun, List.of()).print(out);
        if (!planRun.completed() || planRun.plans().stream().noneMatch(p -> p.accepted())) {
            out.println("La dimostrazione si ferma: il piano non è stato caricato.");
            return List.of();
        }

        List<QuarterResult> results = new ArrayList<>();
        for (Period period : QUARTERS) {
            out.println();
            out.printf("== %s (data di riferimento %s) ==%n", period.code(),
                    ItalianFormat.date(period.referenceDate()));
            Path templateFolder = templateRoot.resolve(period.code());
            List<Path> written = templates.generate(period, templateFolder, Optional.empty());
            out.printf("Modelli: %d file in %s%n", written.size(), templateFolder);
            List<Arrival> arrivals = arrivals(period);
            out.printf("File depositati nella cartella di arrivo: %d%n", arrivals.size());
            for (Arrival arrival : arrivals) {
                copy(RESOURCES + period.code() + "/" + arrival.file(), inbox.resolve(arrival.file()),
                        arrival.receivedAt());
                out.printf("  %s  %s%s%n", ItalianFormat.dateTime(arrival.receivedAt()), arrival.file(),
                        arrival.note().isEmpty() ? "" : "  (" + arrival.note() + ")");
            }
            RunReport report = monitorRun.run(new RunParameters(period, inbox, output));
            List<Path> workbooks = report.workbooks();
            new RunSummary(report, workbooks).print(out);
            BigDecimal ente = report.scores().stream().map(PeriodScoring.Outcome::enteResult)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            results.add(new QuarterResult(period, report.completed(), ente, workbooks));
            out.flush();
        }
        recap(dir, inbox, output, results, out);
        return results;
    }

    private static void recap(Path dir, Path inbox, Path output, List<QuarterResult> results, PrintWriter out) {
        out.println();
        out.printf("== Anno dimostrativo 2022 in %s ==%n", dir);
        for (QuarterResult r : results) {
            out.printf("  %s  ente %-9s %s%n", r.period().code(),
                    r.enteResult() == null ? "-" : RunSummary.percent(r.enteResult()),
                    r.workbooks().isEmpty() ? "(nessuna relazione)" : r.workbooks().get(0));
        }
        out.printf("Schede accettate: %s%n", inbox.resolve("archivio"));
        out.printf("Schede scartate: %s (i rapporti degli errori in %s/<periodo>/scarti)%n", inbox.resolve("scarti"),
                output);
        out.printf("Modelli inviati agli uffici: %s%n", dir.resolve("input-templates"));
        out.flush();
    }

    /** The quarter's {@code arrivi.tsv}: file, time of receipt, what the file is. */
    static List<Arrival> arrivals(Period period) throws IOException {
        List<Arrival> arrivals = new ArrayList<>();
        try (InputStream in = resource(RESOURCES + period.code() + "/arrivi.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    String[] cells = line.split("\t", -1);
                    arrivals.add(new Arrival(cells[0], LocalDateTime.parse(cells[1]), cells.length > 2 ? cells[2] : ""));
                }
            }
        }
        return arrivals;
    }

    /** Copies a bundled file; its time becomes the time of receipt, which orders intake. */
    private static void copy(String resource, Path target, LocalDateTime receivedAt) throws IOException {
        try (InputStream in = resource(resource)) {
            Files.copy(in, target);
        }
        if (receivedAt != null) {
            Files.setLastModifiedTime(target, FileTime.from(receivedAt.atZone(OFFICE_TIME).toInstant()));
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DemoYear.class.getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("manca nel programma il file della dimostrazione " + name));
        }
        return in;
    }
}
