package it.pa.monitor.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A file's problems are kept bounded: the errors first, and a last line counting those left out. */
class ProblemsTest {

    @Test
    void aFileWithinTheLimitKeepsItsProblemsAsTheyAre() {
        List<Problem> problems = List.of(Problem.cellWarning("Rilevazione", "H9", "1", "a"),
                Problem.cellError("Rilevazione", "H10", "x", "b"));
        assertThat(Problems.capped(problems, 2)).isSameAs(problems);
    }

    /**
     * 300 problems, 5 of them errors, capped at 10: the 5 errors and the first 5 warnings in the order found, then a
     * warning of the whole file (every error is shown) counting the 290 warnings left out.
     */
    @Test
    void theErrorsAreKeptBeforeTheWarningsAndTheRestIsCounted() {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String cell = "H" + (10 + i);
            problems.add(i % 60 == 59 ? Problem.cellError("Rilevazione", cell, "x", "errore " + i)
                    : Problem.cellWarning("Rilevazione", cell, "1", "avviso " + i));
        }
        List<Problem> capped = Problems.capped(problems.stream().map(p -> p.inFile("scheda.xlsx")).toList(), 10);

        assertThat(capped).hasSize(11);
        assertThat(capped.subList(0, 10)).extracting(Problem::message).containsExactly("avviso 0", "avviso 1",
                "avviso 2", "avviso 3", "avviso 4", "errore 59", "errore 119", "errore 179", "errore 239",
                "errore 299");
        Problem summary = capped.get(10);
        assertThat(summary.isError()).isFalse();
        assertThat(summary.file()).isEqualTo("scheda.xlsx");
        assertThat(summary.sheet()).isNull();
        assertThat(summary.message()).startsWith("Il file ha 300 problemi (5 errori): ne sono elencati 10, scelti prima"
                + " tra gli errori; gli altri 290 (tutti avvisi) non sono elencati.");
    }

    /** With more errors than the limit, only errors are shown and the last line is an error counting the others. */
    @Test
    void errorsLeftOutMakeTheLastLineAnError() {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            problems.add(Problem.cellError("Rilevazione", "C" + (9 + i), "z", "codice " + i));
        }
        problems.add(0, Problem.cellWarning("Rilevazione", "B2", "", "unità scritta diversamente"));
        List<Problem> capped = Problems.capped(problems, Problems.MAX_PER_SHEET);

        assertThat(capped).hasSize(201);
        assertThat(capped.subList(0, 200)).allMatch(Problem::isError);
        assertThat(capped.get(199).message()).isEqualTo("codice 199");
        assertThat(capped.get(200).isError()).isTrue();
        assertThat(capped.get(200).message()).startsWith("Il file ha 2.501 problemi (2.500 errori): ne sono elencati"
                + " 200, scelti prima tra gli errori; gli altri 2.301 (di cui 2.300 errori) non sono elencati.");
    }

    /**
     * The errors a capped list stands for are the ones its last line counts (2 500 here, beside a warning), also for
     * a list read back as stored; any other list has the errors it holds, a last line of the whole file included.
     */
    @Test
    void theErrorsOfACappedListAreTheOnesItsLastLineCounts() {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            problems.add(Problem.cellError("Rilevazione", "C" + (9 + i), "z", "codice " + i));
        }
        problems.add(Problem.cellWarning("Rilevazione", "B2", "", "unità scritta diversamente"));
        List<Problem> capped = Problems.capped(problems, Problems.MAX_PER_SHEET);
        assertThat(capped).hasSize(201);
        assertThat(Problems.errors(capped)).isEqualTo(2_500);
        assertThat(Problems.errors(capped.stream().map(p -> p.inFile("scheda.xlsx")).toList())).isEqualTo(2_500);

        List<Problem> three = List.of(Problem.cellError("Rilevazione", "C9", "z", "codice"),
                Problem.cellWarning("Rilevazione", "B2", "", "unità"),
                Problem.fileError("il file ha un foglio in più"));
        assertThat(Problems.errors(three)).isEqualTo(2);
        assertThat(Problems.errors(List.of())).isZero();
    }
}
