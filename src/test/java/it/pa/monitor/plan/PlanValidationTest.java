package it.pa.monitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.ScriptWrittenFormulas;
import it.pa.monitor.plan.load.PlanLoadOutcome;
import it.pa.monitor.plan.load.PlanLoader;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.HistoricalResult;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.Period;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Each validation error of the plan, fed as a broken copy of the TNO 2022 plan: the plan is
 * rejected with a located Italian message and the plan stored before stays exactly as it was.
 */
@SpringBootTest
@ActiveProfiles("test")
class PlanValidationTest {

    private static final String ENTE = "CCIAA di Toscana Nord Ovest";
    private static final Period PERIOD = Period.parse("2022");

    @Autowired
    private PlanLoader loader;
    @Autowired
    private PlanRepository repository;
    @TempDir
    private Path inbox;

    private Plan stored;

    @BeforeEach
    void storeTheGoodPlan() {
        PlanLoadOutcome good = loader.load(PlanFixture.load("tno-2022").writeTo(inbox, "piano-buono.xlsx"), PERIOD);
        assertThat(good.accepted()).as("the unedited plan loads: %s", good.problems()).isTrue();
        stored = repository.find(ENTE, 2022).orElseThrow();
    }

    @Test
    void missingRequiredSheet() {
        assertRejected(plan -> plan.removeSheet("Ambiti"),
                Problem.error("Ambiti", null, null, "manca il foglio obbligatorio «Ambiti»"));
    }

    @Test
    void missingRequiredColumn() {
        assertRejected(plan -> plan.removeColumn("Indicatori", "Target"),
                Problem.error("Indicatori", 1, "Target",
                        "manca la colonna obbligatoria «Target» nella riga di intestazione"));
    }

    @Test
    void duplicateStrategicObjectiveCode() {
        // Third data row (Excel row 4) given the code of the first.
        assertRejected(plan -> plan.set("ObiettiviStrategici", 2, "Codice", "OS_2.3"),
                Problem.error("ObiettiviStrategici", 4, "Codice",
                        "codice «OS_2.3» duplicato (già usato alla riga 2)"));
    }

    @Test
    void strategicObjectiveInUnknownAmbito() {
        assertRejected(plan -> plan.set("ObiettiviStrategici", 0, "Ambito", "AS9"),
                Problem.error("ObiettiviStrategici", 2, "Ambito",
                        "ambito «AS9» non presente nel foglio Ambiti"));
    }

    @Test
    void operationalObjectiveOfUnknownStrategicObjective() {
        assertRejected(plan -> plan.addRow("ObiettiviOperativi", "OO_2.9.1", "Progetto senza padre", "OS_2.9", "100", ""),
                Problem.error("ObiettiviOperativi", 2, "Obiettivo strategico",
                        "obiettivo strategico «OS_2.9» non presente nel foglio ObiettiviStrategici"));
    }

    @Test
    void indicatorOfUnknownObjective() {
        assertRejected(plan -> plan.set("Indicatori", 0, "Obiettivo", "OS_9.9"),
                Problem.error("Indicatori", 2, "Obiettivo",
                        "obiettivo «OS_9.9» non presente né tra gli obiettivi strategici, né tra gli operativi, "
                                + "né tra i cruscotti"));
    }

    @Test
    void unitWithUnknownParent() {
        assertRejected(plan -> plan.set("Struttura", 0, "Padre", "DIR"),
                Problem.error("Struttura", 2, "Padre",
                        "unità padre «DIR» non presente nel foglio Struttura"));
    }

    @Test
    void operationalObjectiveWithUnknownUnit() {
        assertRejected(plan -> plan.addRow("ObiettiviOperativi", "OO_2.3.1", "Webinar PID", "OS_2.3", "100",
                        "Ufficio Marte"),
                Problem.error("ObiettiviOperativi", 2, "Unita coinvolte",
                        "unità «Ufficio Marte» non presente nel foglio Struttura (indicare il codice o il nome esatto)"));
    }

    @Test
    void operationalObjectiveNamingAUnitTwoUnitsShareIsAnErrorListingBoth() {
        // Two offices whose names differ only in case: which one the objective means, only a code can say.
        assertRejected(plan -> plan
                        .addRow("Struttura", "PID1", "Punto Impresa Digitale", "Ufficio", "SG", "")
                        .addRow("Struttura", "PID2", "PUNTO IMPRESA DIGITALE", "Ufficio", "SG", "")
                        .addRow("ObiettiviOperativi", "OO_2.3.1", "Webinar PID", "OS_2.3", "100",
                                "Punto impresa digitale"),
                Problem.error("ObiettiviOperativi", 2, "Unita coinvolte",
                        "«Punto impresa digitale» è il nome di più unità del piano (PID1, PID2): indicare"
                                + " il codice dell'unità"));
    }

    @Test
    void unitsSharingANameLoadWithAWarningOnTheLaterRowNamingTheEarlierUnit() {
        PlanFixture plan = PlanFixture.load("tno-2022");
        // Struttura's header is row 1: the fixture's units take rows 2..n+1, the two added ones the next two.
        int firstAdded = plan.rows("Struttura").size() + 2;
        Path file = plan
                .addRow("Struttura", "PID1", "Punto Impresa Digitale", "Ufficio", "SG", "")
                .addRow("Struttura", "PID2", " punto impresa  digitale ", "Ufficio", "SG", "")
                .writeTo(inbox, "piano-nomi.xlsx");
        PlanLoadOutcome outcome = loader.load(file, PERIOD);

        assertThat(outcome.accepted()).as("%s", outcome.problems()).isTrue();
        assertThat(outcome.warnings()).filteredOn(p -> "Struttura".equals(p.sheet())).containsExactly(
                Problem.warning("Struttura", firstAdded + 1, "Nome", "il nome «punto impresa  digitale» è anche"
                        + " quello dell'unità PID1 (riga " + firstAdded + "): le schede di monitoraggio e il piano"
                        + " devono indicare queste unità con il codice"));
    }

    @Test
    void indicatorWhoseResponsibleIsANameTwoUnitsShareIsAnErrorListingBoth() {
        assertRejected(plan -> plan
                        .addRow("Struttura", "PID1", "Punto Impresa Digitale", "Ufficio", "SG", "")
                        .addRow("Struttura", "PID2", "Punto impresa digitale", "Ufficio", "SG", "")
                        .set("Indicatori", 1, "Responsabile", "punto impresa digitale"),
                Problem.error("Indicatori", 3, "Responsabile",
                        "«punto impresa digitale» è il nome di più unità del piano (PID1, PID2): indicare"
                                + " il codice dell'unità"));
    }

    @Test
    void aStoricoRowNamingAUnitTwoUnitsShareIsLeftOutWithAWarningListingBoth() {
        Path file = PlanFixture.load("tno-2022")
                .addRow("Struttura", "PID1", "Punto Impresa Digitale", "Ufficio", "SG", "")
                .addRow("Struttura", "PID2", "Punto impresa digitale", "Ufficio", "SG", "")
                .sheet("Storico", List.of(List.of("Anno", "Livello", "Codice", "Valore", "Risultato"),
                        List.of("2021", "Unità", "punto impresa digitale", "", "95 %"),
                        List.of("2021", "Unità", "PID2", "", "97 %")))
                .writeTo(inbox, "piano-storico.xlsx");
        PlanLoadOutcome outcome = loader.load(file, PERIOD);

        assertThat(outcome.accepted()).as("%s", outcome.problems()).isTrue();
        assertThat(outcome.warnings()).filteredOn(p -> "Storico".equals(p.sheet())).containsExactly(
                Problem.warning("Storico", 2, "Codice", "«punto impresa digitale» è il nome di più unità del piano"
                        + " (PID1, PID2): indicare il codice dell'unità; riga ignorata"));
        assertThat(repository.find(ENTE, 2022).orElseThrow().history()).extracting(HistoricalResult::code)
                .containsExactly("PID2");
    }

    @Test
    void indicatorWithUnknownResponsibleUnit() {
        assertRejected(plan -> plan.set("Indicatori", 1, "Responsabile", "UFF_X"),
                Problem.error("Indicatori", 3, "Responsabile",
                        "unità responsabile «UFF_X» non presente nel foglio Struttura"));
    }

    @Test
    void scorecardRowReferencingNoIndicator() {
        assertRejected(plan -> plan.set("Cruscotti", 0, "Riferimento", "OS_2.3/OC_TD_09"),
                Problem.error("Cruscotti", 2, "Riferimento",
                        "riferimento «OS_2.3/OC_TD_09» non trovato: nessun indicatore con quell'obiettivo e quel "
                                + "codice nel foglio Indicatori"));
    }

    @Test
    void scorecardRowReferencingTheSecondRowOfACodeThatAppearsOnce() {
        assertRejected(plan -> plan.set("Cruscotti", 0, "Riferimento", "OS_2.3/OC_TD_01#2"),
                Problem.error("Cruscotti", 2, "Riferimento",
                        "riferimento «OS_2.3/OC_TD_01#2» non trovato: nessun indicatore con quell'obiettivo e quel "
                                + "codice nel foglio Indicatori"));
    }

    @Test
    void unparseableTarget() {
        assertRejected(plan -> plan.set("Indicatori", 0, "Target", "Miglioramento rispetto al 2021"),
                problem -> problem.sheet().equals("Indicatori") && Integer.valueOf(2).equals(problem.row())
                        && "Target".equals(problem.column()) && problem.isError()
                        && problem.message().startsWith("Target non interpretabile: \"Miglioramento rispetto al 2021\""));
    }

    @Test
    void unknownUnitOfMeasure() {
        assertRejected(plan -> plan.set("Indicatori", 0, "Unita di misura", "pezzi"),
                Problem.error("Indicatori", 2, "Unita di misura",
                        "unità di misura «pezzi» non riconosciuta: usare N., %, gg, h, €, data o si/no"));
    }

    @Test
    void weightThatIsNotANumber() {
        assertRejected(plan -> plan.set("Ambiti", 1, "Peso", "metà"),
                Problem.error("Ambiti", 3, "Peso",
                        "peso «metà» non valido: scrivere una percentuale, ad esempio 25 o 16,70%"));
    }

    @Test
    void planOfAnotherYear() throws IOException {
        Path file = PlanFixture.load("tno-2022").writeTo(inbox, "piano.xlsx");
        PlanLoadOutcome outcome = loader.load(file, Period.parse("2023-Q1"));
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.errors()).contains(Problem.error("Ente", null, "Valore",
                "il piano è per l'anno 2022 ma l'elaborazione è per il periodo 2023-Q1: inviare il piano dell'anno 2023"));
        assertThat(repository.find(ENTE, 2022)).contains(stored);
    }

    @Test
    void textFileRenamedAsWorkbook() throws IOException {
        Path file = Files.writeString(inbox.resolve("piano.xlsx"), "Codice;Nome\nOS_1;Prova\n");
        PlanLoadOutcome outcome = loader.load(file, PERIOD);
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.errors()).singleElement().satisfies(p ->
                assertThat(p.message()).startsWith("il file non è una cartella di lavoro leggibile (formati accettati: .xlsx, .xlsm, .xls, .ods"));
        assertThat(repository.find(ENTE, 2022)).contains(stored);
    }

    @Test
    void weightsOffByMoreThanRoundingAreAWarningNotARejection() {
        // OS_2.3 has four indicators at 25: one raised to 30 sums to 105.
        PlanFixture plan = PlanFixture.load("tno-2022").set("Indicatori", 0, "Peso", "30");
        PlanLoadOutcome outcome = loader.load(plan.writeTo(inbox, "piano.xlsx"), PERIOD);
        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.warnings()).contains(Problem.warning("Indicatori", 2, "Peso",
                "i pesi degli indicatori di OS_2.3 sommano a 105,00 invece di 100: i risultati saranno calcolati "
                        + "in proporzione ai pesi indicati"));
        assertThat(repository.find(ENTE, 2022).orElseThrow().indicators().get(0).weight()).isEqualByComparingTo("30");
    }

    @Test
    void weightsRoundedToTwoDecimalsRaiseNoWarning() {
        // 33,33 + 33,33 + 33,34 and 24,98 + 25 + 25 + 25 = 99,98: both within the 0,05 tolerance.
        PlanFixture plan = PlanFixture.load("tno-2022")
                .set("Indicatori", 0, "Peso", "24,98")
                .set("Ambiti", 0, "Peso", "33,33%").set("Ambiti", 1, "Peso", "66,67%");
        PlanLoadOutcome outcome = loader.load(plan.writeTo(inbox, "piano.xlsx"), PERIOD);
        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.warnings()).noneMatch(p -> "Peso".equals(p.column()));
    }

    @Test
    void aFormulaSavedWithoutItsValueIsEvaluatedNotReadAsZero() {
        // As a script writes it: "=10*3" with an empty cached value. Evaluated, the weight is 30.
        Path file = ScriptWrittenFormulas.dropCachedValues(PlanFixture.load("tno-2022")
                .formula("Indicatori", 0, "Peso", "10*3").writeTo(inbox, "piano.xlsx"));
        assertThat(ScriptWrittenFormulas.formulasAndCachedValues(file)).containsExactly(1, 0);

        PlanLoadOutcome outcome = loader.load(file, PERIOD);

        assertThat(outcome.accepted()).as("%s", outcome.problems()).isTrue();
        assertThat(repository.find(ENTE, 2022).orElseThrow().indicators().get(0).weight()).isEqualByComparingTo("30");
    }

    @Test
    void aTargetThatAScriptTurnedIntoAFormulaIsAnErrorOnItsCellNotATargetOfZero() {
        // openpyxl writes the text "= 100,00 %" as the formula " 100,00 %" with no value: Excel's grammar
        // reads "100,00 %" as a union of two numbers, which has no value to compute.
        Path file = ScriptWrittenFormulas.dropCachedValues(PlanFixture.load("tno-2022")
                .formula("Indicatori", 0, "Target", " 100,00 %").writeTo(inbox, "piano.xlsx"));
        assertThat(ScriptWrittenFormulas.formulasAndCachedValues(file)).containsExactly(1, 0);

        PlanLoadOutcome outcome = loader.load(file, PERIOD);

        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.errors()).filteredOn(p -> Integer.valueOf(2).equals(p.row()) && "Target".equals(p.column()))
                .singleElement().satisfies(p -> {
                    assertThat(p.sheet()).isEqualTo("Indicatori");
                    assertThat(p.message()).startsWith("la formula «= 100,00 %» è stata salvata senza il suo valore")
                            .contains("anteponendo un apostrofo");
                });
        assertThat(repository.find(ENTE, 2022)).as("the stored plan is unchanged").contains(stored);
    }

    private void assertRejected(UnaryOperator<PlanFixture> edit, Problem expected) {
        assertRejected(edit, expected::equals);
    }

    private void assertRejected(UnaryOperator<PlanFixture> edit, java.util.function.Predicate<Problem> expected) {
        Path file = edit.apply(PlanFixture.load("tno-2022")).writeTo(inbox, "piano-errato.xlsx");
        PlanLoadOutcome outcome = loader.load(file, PERIOD);
        assertThat(outcome.accepted()).as("rejected").isFalse();
        assertThat(outcome.errors()).as("errors").anyMatch(expected);
        assertThat(repository.find(ENTE, 2022)).as("the stored plan is unchanged").contains(stored);
    }
}
