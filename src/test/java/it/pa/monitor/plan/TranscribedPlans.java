package it.pa.monitor.plan;

import it.pa.monitor.plan.load.PlanAssembler;
import it.pa.monitor.plan.load.PlanWorkbook;
import it.pa.monitor.plan.load.PlanWorkbookReader;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.TargetParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The plans transcribed from the seed reports, read through the real workbook reader and
 * assembler (no database), and their published values from {@code Consuntivi.tsv}.
 */
public final class TranscribedPlans {

    private TranscribedPlans() {
    }

    /**
     * The plan of a transcription folder, e.g. {@code tno-2022}; fails on any error in it and on any
     * problem in its Metodologia (the transcriptions' parameters must all be readable).
     */
    public static Plan plan(String name) {
        List<Problem> problems = new ArrayList<>();
        try (Workbook workbook = PlanFixture.load(name).toWorkbook()) {
            PlanWorkbook tables = new PlanWorkbookReader().read(workbook, problems::add);
            Plan plan = new PlanAssembler(new TargetParser(), problems::add).assemble(tables).orElseThrow();
            if (problems.stream().anyMatch(p -> p.isError() || "Metodologia".equals(p.sheet()))) {
                throw new IllegalStateException(name + ": " + problems);
            }
            return plan;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The plan of a transcription with a {@code Storico} sheet (header row first) and the indicators
     * {@code significant} ({@code OBJ/CODE}) marked in a {@code Significativo} column; warnings go to
     * {@code problems}, an error fails.
     */
    public static Plan planWith(String name, List<List<String>> storico, List<String> significant,
                                List<Problem> problems) {
        try (Workbook workbook = withStorico(name, storico, significant).toWorkbook()) {
            PlanWorkbook tables = new PlanWorkbookReader().read(workbook, problems::add);
            Plan plan = new PlanAssembler(new TargetParser(), problems::add).assemble(tables).orElseThrow();
            if (problems.stream().anyMatch(Problem::isError)) {
                throw new IllegalStateException(name + ": " + problems);
            }
            return plan;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the transcribed plan as a plan workbook, e.g. to drop it in an inbox. */
    public static void writeWorkbook(String name, java.nio.file.Path file) {
        try (Workbook workbook = PlanFixture.load(name).toWorkbook();
             var out = Files.newOutputStream(file)) {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same, written as a plan workbook for the loader. */
    public static java.nio.file.Path writeWith(String name, List<List<String>> storico, List<String> significant,
                                               java.nio.file.Path folder, String fileName) {
        return withStorico(name, storico, significant).writeTo(folder, fileName);
    }

    private static PlanFixture withStorico(String name, List<List<String>> storico, List<String> significant) {
        PlanFixture fixture = PlanFixture.load(name).sheet("Storico", storico).addColumn("Indicatori", "Significativo");
        for (String reference : significant) {
            String[] parts = reference.split("/", 2);
            List<java.util.Map<String, String>> rows = fixture.rows("Indicatori");
            int index = -1;
            for (int i = 0; i < rows.size() && index < 0; i++) {
                if (rows.get(i).get("Obiettivo").equals(parts[0]) && rows.get(i).get("Codice").equals(parts[1])) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new IllegalArgumentException("no indicator " + reference);
            }
            fixture.set("Indicatori", index, "Significativo", "sì");
        }
        return fixture;
    }

    /** One published line of {@code Consuntivi.tsv}. */
    public record Published(IndicatorKey key, String actual, String achievement, String source) {
    }

    /** The published actual values and achievements, in file order, keyed like the plan's indicators. */
    public static List<Published> published(String name) {
        List<Published> rows = new ArrayList<>();
        Map<String, Integer> occurrences = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(PlanFixture.folder(name).resolve("Consuntivi.tsv"),
                    StandardCharsets.UTF_8);
            List<String> header = List.of(lines.get(0).split("\t", -1));
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                String objective = cells[header.indexOf("Obiettivo")];
                String code = cells[header.indexOf("Codice")];
                int occurrence = occurrences.merge(objective + "/" + code, 1, Integer::sum);
                rows.add(new Published(new IndicatorKey(objective, code, occurrence),
                        cells[header.indexOf("Consuntivo")], cells[header.indexOf("Raggiungimento pubblicato")],
                        cells[header.indexOf("Fonte")]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
