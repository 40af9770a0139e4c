package it.pa.monitor.plan;

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

    /** The plan of a transcription folder, e.g. {@code tno-2022}; fails on any error in it. */
    public static Plan plan(String name) {
        List<PlanProblem> problems = new ArrayList<>();
        try (Workbook workbook = PlanFixture.load(name).toWorkbook()) {
            PlanWorkbook tables = new PlanWorkbookReader().read(workbook, problems::add);
            Plan plan = new PlanAssembler(new TargetParser(), problems::add).assemble(tables).orElseThrow();
            if (problems.stream().anyMatch(PlanProblem::isError)) {
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
