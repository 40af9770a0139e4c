package it.pa.monitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.load.PlanLoadOutcome;
import it.pa.monitor.plan.load.PlanLoader;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.HistoricalResult;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.results.EarlierYears;
import it.pa.monitor.results.EarlierYearsRepository;
import it.pa.monitor.results.ScoreRepository;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.values.Period;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Storico sheet through the real loader and H2: bad rows are warnings located by sheet, row and
 * column and are left out, nothing else of the plan is lost; good rows and the Significativo marks
 * are stored; a year scored in the database wins over the same year typed in Storico.
 */
@SpringBootTest
@ActiveProfiles("test")
class StoricoLoadingTest {

    private static final String ENTE = "Camera di Commercio di Massa-Carrara";
    private static final Period PERIOD = Period.parse("2022");
    private static final List<String> HEADER = List.of("Anno", "Livello", "Codice", "Valore", "Risultato");

    @Autowired
    private PlanLoader loader;
    @Autowired
    private PlanRepository repository;
    @Autowired
    private ScoreRepository scores;
    @Autowired
    private EarlierYearsRepository earlierYears;
    @TempDir
    private Path inbox;

    @Test
    void badRowsAreWarningsAndLeftOutTheRestIsKept() {
        List<List<String>> storico = List.of(HEADER,
                List.of("2021", "Ente", "", "", "98,75 %"),                 // row 2: good
                List.of("2022", "Ente", "", "", "97 %"),                    // row 3: the plan's own year
                List.of("2023", "Ambito", "AS1", "", "97 %"),               // row 4: a later year
                List.of("2021", "Progetto", "P1", "", "97 %"),              // row 5: unknown level
                List.of("2021", "Ambito", "AS1", "", "ottimo"),             // row 6: unreadable result
                List.of("2021", "Ambito", "AS9", "", "90 %"),               // row 7: unknown code
                List.of("2021", "Indicatore", "OS_3.2/OC_TBS_03", "14,30", ""), // row 8: good
                List.of("2021", "Ambito", "AS2", "", ""),                   // row 9: no result for an ambito
                List.of("duemilaventi", "Ente", "", "", "90 %"),            // row 10: unreadable year
                List.of("2021", "Ambito", "AS1", "", "99,10 %"));           // row 11: good
        Path file = TranscribedPlans.writeWith("massa-carrara-2022", storico, List.of("OS_3.2/OC_TBS_03"), inbox,
                "piano-2022.xlsx");
        PlanLoadOutcome outcome = loader.load(file, PERIOD);

        assertThat(outcome.accepted()).as("%s", outcome.problems()).isTrue();
        assertThat(outcome.warnings()).filteredOn(p -> "Storico".equals(p.sheet())).containsExactly(
                warning(3, "Anno", "l'anno 2022 non è precedente a quello del piano (2022): lo storico riguarda solo"
                        + " gli anni passati; riga ignorata"),
                warning(4, "Anno", "l'anno 2023 non è precedente a quello del piano (2022): lo storico riguarda solo"
                        + " gli anni passati; riga ignorata"),
                warning(5, "Livello", "livello «Progetto» non riconosciuto (usare Ente, Ambito, Obiettivo strategico,"
                        + " Obiettivo operativo, Indicatore, Unità, Cruscotto): riga ignorata"),
                warning(6, "Risultato", "risultato «ottimo» non leggibile: scrivere una percentuale, ad esempio"
                        + " 98,50 %; riga ignorata"),
                warning(7, "Codice", "«AS9» non è un codice del piano per il livello Ambito: non può essere"
                        + " confrontato con l'anno in corso; riga ignorata"),
                warning(9, "Risultato", "per il livello Ambito serve il risultato (una percentuale): riga ignorata"),
                warning(10, "Anno", "anno «duemilaventi» non valido: scrivere l'anno con 4 cifre; riga ignorata"));

        Plan stored = repository.find(ENTE, 2022).orElseThrow();
        assertThat(stored.history()).containsExactly(
                new HistoricalResult(2021, Level.ENTE, ENTE, null, new BigDecimal("98.75"), 2),
                new HistoricalResult(2021, Level.INDICATORE, "OS_3.2/OC_TBS_03", "14,30", null, 8),
                new HistoricalResult(2021, Level.AMBITO, "AS1", null, new BigDecimal("99.1"), 11));
        // Nothing else lost: the whole Massa-Carrara tree is there.
        assertThat(stored.counts()).isEqualTo(TranscribedPlans.plan("massa-carrara-2022").counts());
        assertThat(stored.indicators()).filteredOn(Indicator::significant).extracting(i -> i.key().reference())
                .containsExactly("OS_3.2/OC_TBS_03");
    }

    @Test
    void aYearScoredInTheDatabaseWinsOverStorico() {
        List<List<String>> storico = List.of(HEADER,
                List.of("2021", "Ente", "", "", "98,75 %"),
                List.of("2021", "Ambito", "AS3", "", "99,00 %"),
                List.of("2020", "Ente", "", "", "96,20 %"));
        PlanLoadOutcome outcome = loader.load(TranscribedPlans.writeWith("massa-carrara-2022", storico, List.of(),
                inbox, "piano-2022.xlsx"), PERIOD);
        assertThat(outcome.accepted()).isTrue();
        // 2021 was run with this database (its year end): ente and AS1 only.
        scores.replace(ENTE, 2021, Period.parse("2021"), List.of(), List.of(
                new ItemResult(Level.ENTE, ENTE, null, null, new BigDecimal("97.50"), "media"),
                new ItemResult(Level.AMBITO, "AS1", ENTE, null, new BigDecimal("95.00"), "media")), Map.of());

        EarlierYears years = earlierYears.load(repository.find(ENTE, 2022).orElseThrow());

        assertThat(years.years()).containsExactly(2020, 2021);
        assertThat(years.find(2021, Level.ENTE, ENTE).orElseThrow())
                .isEqualTo(new EarlierYears.Entry(null, new BigDecimal("97.500000000000"), false));
        assertThat(years.find(2021, Level.AMBITO, "AS1").orElseThrow().fromStorico()).isFalse();
        // What the database does not hold comes from Storico.
        assertThat(years.find(2021, Level.AMBITO, "AS3").orElseThrow())
                .isEqualTo(new EarlierYears.Entry(null, new BigDecimal("99"), true));
        assertThat(years.find(2020, Level.ENTE, ENTE).orElseThrow().result()).isEqualByComparingTo("96.20");
        assertThat(years.find(2020, Level.AMBITO, "AS1")).isEmpty();
    }

    private static Problem warning(int row, String column, String message) {
        return Problem.warning("Storico", row, column, message);
    }

    @SuppressWarnings("unused")
    private static List<String> row(String... cells) {
        return new ArrayList<>(List.of(cells));
    }
}
