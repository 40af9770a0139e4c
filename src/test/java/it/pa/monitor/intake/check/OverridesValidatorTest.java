package it.pa.monitor.intake.check;

import static it.pa.monitor.intake.sheet.TestWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.ScriptWrittenFormulas;
import it.pa.monitor.intake.inbox.FileOutcome;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.WorkbookKind;
import it.pa.monitor.intake.sheet.TestWorkbooks;
import it.pa.monitor.intake.store.ProcessedFile;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.TranscribedPlans;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.values.Period;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OIV overrides workbook (FORMATS.md §3) against the Pistoia-Prato 2024 plan, which repeats
 * one indicator title twice under objective 01_03_OS01 (seed 002).
 */
public class OverridesValidatorTest {

    private static final Plan PLAN = TranscribedPlans.plan("pistoia-prato-2024");
    private static final Period PERIOD = Period.parse("2024");
    private static final String OBJECTIVE = "01_03_OS01";
    private static final String REPEATED = "Potenziamento della qualità della filiera turistica - Marchio Ospitalità"
            + " Italiana";
    private static final Object[] HEADER = {"Periodo", "Codice obiettivo", "Codice indicatore", "Livello",
            "Motivazione", "Autore", "Data"};

    @TempDir
    Path dir;

    @Test
    void theSuffixHash2PicksTheSecondRowOfACodeRepeatedUnderOneObjective() {
        ProcessedFile file = validate(row("2024", OBJECTIVE, REPEATED + "#2", "80 %", "dato parziale", "OIV", null));

        assertThat(file.outcome()).as("%s", file.problems()).isEqualTo(FileOutcome.ACCEPTED);
        assertThat(file.overrides()).singleElement().satisfies(o -> {
            assertThat(o.decision().key()).isEqualTo(new IndicatorKey(OBJECTIVE, REPEATED, 2));
            assertThat(o.decision().level()).isEqualByComparingTo("80");
        });
    }

    @Test
    void rowsRepeatingACodeTheObjectiveRepeatsMapToItsRowsInOrder() {
        ProcessedFile file = validate(
                row("2024", OBJECTIVE, REPEATED, "70 %", "prima riga", "OIV", null),
                row("2024", OBJECTIVE, REPEATED, "60 %", "seconda riga", "OIV", null));

        assertThat(file.outcome()).as("%s", file.problems()).isEqualTo(FileOutcome.ACCEPTED);
        assertThat(file.overrides()).extracting(o -> o.decision().key(), o -> o.decision().level())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(new IndicatorKey(OBJECTIVE, REPEATED, 1), new BigDecimal("70")),
                        org.assertj.core.groups.Tuple.tuple(new IndicatorKey(OBJECTIVE, REPEATED, 2), new BigDecimal("60")));
    }

    @Test
    void aThirdRowForACodeTheObjectiveHasTwiceIsAnErrorThatNamesTheSuffix() {
        ProcessedFile file = validate(
                row("2024", OBJECTIVE, REPEATED, "70 %", "prima", "OIV", null),
                row("2024", OBJECTIVE, REPEATED, "60 %", "seconda", "OIV", null),
                row("2024", OBJECTIVE, REPEATED, "50 %", "terza", "OIV", null));

        assertThat(file.outcome()).isEqualTo(FileOutcome.REJECTED);
        assertThat(file.problems()).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("C4");
            assertThat(p.message()).contains("#2");
        });
    }

    @Test
    void aSuffixBeyondTheRowsOfThePlanIsRejected() {
        ProcessedFile file = validate(row("2024", OBJECTIVE, REPEATED + "#3", "80 %", "motivo", "OIV", null));

        assertThat(file.outcome()).isEqualTo(FileOutcome.REJECTED);
        assertThat(file.problems()).singleElement().satisfies(p -> assertThat(p.cell()).isEqualTo("C2"));
    }

    /**
     * An overrides file is read whole: one of more than 4 MB once expanded (here a valid file with 5 MB of an added
     * part, the sizes from the zip's directory) is rejected unread, with its size.
     */
    @Test
    void anOverridesFileTooLargeToReadWholeIsRejectedUnread() throws java.io.IOException {
        Path valid = TestWorkbooks.xlsx(dir, "rettifiche-valide.xlsx", wb -> TestWorkbooks.sheet(wb, "Rettifiche",
                HEADER, row("2024", "01_01_OS04", "Desk", "90 %", "motivo", "OIV", null)));
        assertThat(validate(valid).outcome()).isEqualTo(FileOutcome.ACCEPTED);
        byte[] attachment = new byte[5 * 1024 * 1024];
        new java.util.Random(5).nextBytes(attachment);
        Path large = TestWorkbooks.withPart(valid, dir.resolve("rettifiche-grandi.xlsx"), "xl/media/allegato.bin",
                attachment);

        ProcessedFile processed = validate(large);

        assertThat(processed.outcome()).isEqualTo(FileOutcome.REJECTED);
        assertThat(processed.problems()).singleElement().satisfies(p -> assertThat(p.message()).matches(
                "il file delle rettifiche è troppo grande \\(5,0\\d* MB una volta decompresso, al massimo 4 MB\\) e non è"
                        + " stato letto: .*"));
    }

    @Test
    void aLevelFormulaSavedWithoutItsValueIsEvaluated() {
        Path file = TestWorkbooks.xlsxAsScript(dir, "rettifiche.xlsx", wb -> TestWorkbooks.sheet(wb, "Rettifiche",
                HEADER, row("2024", OBJECTIVE, REPEATED, new TestWorkbooks.Formula("45*2"), "motivo", "OIV", null)));
        assertThat(ScriptWrittenFormulas.formulasAndCachedValues(file)).containsExactly(1, 0);

        ProcessedFile processed = validate(file);

        assertThat(processed.outcome()).as("%s", processed.problems()).isEqualTo(FileOutcome.ACCEPTED);
        assertThat(processed.overrides()).singleElement()
                .satisfies(o -> assertThat(o.decision().level()).isEqualByComparingTo("90"));
    }

    @Test
    void aFormulaThatCannotBeEvaluatedRejectsTheFileWithAnErrorOnItsCell() {
        Path file = TestWorkbooks.xlsxAsScript(dir, "rettifiche.xlsx", wb -> TestWorkbooks.sheet(wb, "Rettifiche",
                HEADER, row("2024", OBJECTIVE, REPEATED, new TestWorkbooks.Formula(" 90,00 %"), "motivo", "OIV", null)));

        ProcessedFile processed = validate(file);

        assertThat(processed.outcome()).isEqualTo(FileOutcome.REJECTED);
        assertThat(processed.overrides()).isEmpty();
        assertThat(processed.problems()).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("D2");
            assertThat(p.message()).startsWith("la formula «= 90,00 %» è stata salvata senza il suo valore");
        });
    }

    @Test
    void nonValutabileRemovesTheAchievement() {
        ProcessedFile file = validate(row("2024", "01_01_OS04", "Desk", "Non valutabile", "dato non disponibile",
                "OIV", "15/03/2025"));

        assertThat(file.outcome()).as("%s", file.problems()).isEqualTo(FileOutcome.ACCEPTED);
        assertThat(file.overrides()).singleElement().satisfies(o -> {
            assertThat(o.decision().key()).isEqualTo(new IndicatorKey("01_01_OS04", "Desk", 1));
            assertThat(o.decision().notAssessable()).isTrue();
            assertThat(o.decision().motivation()).isEqualTo("dato non disponibile");
            assertThat(o.decidedOn()).isEqualTo(java.time.LocalDate.of(2025, 3, 15));
            assertThat(o.period()).isEqualTo("2024");
        });
    }

    @Test
    void oneBadRowRejectsTheWholeFileWithAMessageOnEachBadCell() {
        ProcessedFile file = validate(
                row("2024", "01_01_OS04", "Desk", "90 %", "motivo", "OIV", null),
                row("2024", "01_01_OS04", "Desk", "90 %", null, "OIV", null),
                row("2024", "01_01_OS04", "Desk", "molto", "motivo", "OIV", null),
                row("2023", "01_01_OS04", "Desk", "90 %", "motivo", "OIV", null),
                row("2024", "01_01_OS04", "Inesistente", "90 %", "motivo", "OIV", null),
                row("2024", null, "Grado di utilizzo delle risorse", "90 %", "motivo", "OIV", null));

        assertThat(file.outcome()).isEqualTo(FileOutcome.REJECTED);
        assertThat(file.overrides()).as("nothing of a rejected file is kept").isEmpty();
        assertThat(file.problems()).extracting(p -> p.cell() + ": " + p.message()).containsExactly(
                "E3: la motivazione è obbligatoria per ogni rettifica",
                "D4: livello non valido: scrivere una percentuale (es. 90 %) oppure «Non valutabile»",
                "A5: periodo di un altro anno: il piano caricato è del 2024",
                "C6: indicatore «Inesistente» dell'obiettivo «01_01_OS04» non presente nel piano",
                "C7: il codice «Grado di utilizzo delle risorse» è usato da più obiettivi: indicare il Codice obiettivo");
    }

    ProcessedFile validate(Object[]... rows) {
        Object[][] all = new Object[rows.length + 1][];
        all[0] = HEADER;
        System.arraycopy(rows, 0, all, 1, rows.length);
        Path file = TestWorkbooks.xlsx(dir, "rettifiche-2024.xlsx", wb -> TestWorkbooks.sheet(wb, "Rettifiche", all));
        return validate(file);
    }

    ProcessedFile validate(Path file) {
        try {
            InboxFile inbox = new InboxFile(file.toString(), file.getFileName().toString(), "0".repeat(64),
                    WorkbookKind.OVERRIDES, Files.size(file), Instant.now());
            return new OverridesValidator(List.of(PLAN), PERIOD).validate(inbox);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
