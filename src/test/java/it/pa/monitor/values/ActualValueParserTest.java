package it.pa.monitor.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActualValueParserTest {

    private static final String ACCEPTED = "Scrivere un numero (es. 1.635,50), una percentuale (95,83 %), "
            + "una data (18/12/2025), Sì/No, Realizzato/Non realizzato oppure N.C.";

    private final ActualValueParser parser = new ActualValueParser();

    /** Real spellings from the seed reports; the CSV gives file and line of each one. */
    @ParameterizedTest(name = "[{index}] {5}: \"{0}\"")
    @CsvFileSource(resources = "/values/seed-actuals.csv", delimiter = '|', numLinesToSkip = 1)
    void readsRealSeedSpellings(String raw, ActualKind kind, BigDecimal number, UnitOfMeasure unit, LocalDate date,
                                String source) {
        ActualValue value = parser.parse(CellValue.text(raw), yearOf(source));

        assertActual(value, kind, number, unit, date);
        assertThat(value.raw()).isEqualTo(raw);
    }

    /** Real cells that are prose, several values or a month without a day: kept raw and flagged, never guessed. */
    @ParameterizedTest(name = "[{index}] {1}: \"{0}\"")
    @CsvFileSource(resources = "/values/seed-actuals-invalid.csv", delimiter = '|', numLinesToSkip = 1)
    void refusesRealSeedProse(String raw, String source) {
        ActualValue value = parser.parse(CellValue.text(raw), yearOf(source));

        assertInvalidQuoting(value, raw);
    }

    /** Every spelling FORMATS.md §2 lists as accepted, typed in a text cell. */
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            8              | NUMBER         | 8         | null    | null
            1.635,50       | NUMBER         | 1635.50   | null    | null
            1635.5         | NUMBER         | 1635.5    | null    | null
            - 17,64        | NUMBER         | -17.64    | null    | null
            (30.300,00)    | NUMBER         | -30300.00 | null    | null
            -33,84 %       | NUMBER         | -33.84    | PERCENT | null
            95,83 %        | NUMBER         | 95.83     | PERCENT | null
            95,83%         | NUMBER         | 95.83     | PERCENT | null
            14,00 N.       | NUMBER         | 14.00     | NUMBER  | null
            14,00N.        | NUMBER         | 14.00     | NUMBER  | null
            N. 12          | NUMBER         | 12        | NUMBER  | null
            2,06 gg        | NUMBER         | 2.06      | DAYS    | null
            2,06gg         | NUMBER         | 2.06      | DAYS    | null
            24 h           | NUMBER         | 24        | HOURS   | null
            24h            | NUMBER         | 24        | HOURS   | null
            € 153.000      | NUMBER         | 153000    | EURO    | null
            €153.000       | NUMBER         | 153000    | EURO    | null
            153.000 €      | NUMBER         | 153000    | EURO    | null
            153.000,50€    | NUMBER         | 153000.50 | EURO    | null
            18/12/2025     | DATE           | null      | DATE    | 2025-12-18
            18-12-2025     | DATE           | null      | DATE    | 2025-12-18
            18.12.2025     | DATE           | null      | DATE    | 2025-12-18
            18/12/25       | DATE           | null      | DATE    | 2025-12-18
            18.12.25       | DATE           | null      | DATE    | 2025-12-18
            2/12/2025      | DATE           | null      | DATE    | 2025-12-02
            15-feb         | DATE           | null      | DATE    | 2025-02-15
            02-feb         | DATE           | null      | DATE    | 2025-02-02
            7 marzo        | DATE           | null      | DATE    | 2025-03-07
            7 marzo 2024   | DATE           | null      | DATE    | 2024-03-07
            Sì             | YES            | null      | YES_NO  | null
            Si             | YES            | null      | YES_NO  | null
            SI             | YES            | null      | YES_NO  | null
            No             | NO             | null      | YES_NO  | null
            Realizzato     | YES            | null      | YES_NO  | null
            Non realizzato | NO             | null      | YES_NO  | null
            N.C.           | NOT_COMPUTABLE | null      | null    | null
            N.D.           | NOT_COMPUTABLE | null      | null    | null
            n.d.           | NOT_COMPUTABLE | null      | null    | null
            Non valutabile | NOT_COMPUTABLE | null      | null    | null
            """)
    void readsTheSpellingsOfTheFormat(String raw, ActualKind kind, BigDecimal number, UnitOfMeasure unit,
                                      LocalDate date) {
        ActualValue value = parser.parse(CellValue.text(raw), 2025);

        assertActual(value, kind, number, unit, date);
        assertThat(value.raw()).isEqualTo(raw);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Sì", "sì", "SÌ", "Si", "si", "SI", "sí", "si'", "SI'", "si’", "Realizzato", "realizzato",
        "REALIZZATO", "Realizzata", "realizzati", "realizzato.", "Fatto", "fatta", "Completato", "Eseguito",
        "Effettuato"})
    void readsDoneInAnyCaseWithOrWithoutAccents(String raw) {
        ActualValue value = parser.parse(CellValue.text(raw), 2025);

        assertActual(value, ActualKind.YES, null, UnitOfMeasure.YES_NO, null);
        assertThat(value.raw()).isEqualTo(raw);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"No", "NO", "no", "no.", "Non realizzato", "non realizzato", "NON REALIZZATO",
        "Non realizzata", "Non  realizzato", "non fatto", "Non completato", "Non eseguito"})
    void readsNotDoneInAnyCase(String raw) {
        assertActual(parser.parse(CellValue.text(raw), 2025), ActualKind.NO, null, UnitOfMeasure.YES_NO, null);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"N.C.", "N.C", "n.c.", "NC", "nc", "N.D.", "n.d.", "N.D", "nd", "ND", "n. d.", "N/D",
        "N/A", "n/a", "N.A.", "Non valutabile", "non valutabile", "NON VALUTABILE", "Non calcolabile",
        "Non disponibile", "Non applicabile"})
    void readsNotComputable(String raw) {
        ActualValue value = parser.parse(CellValue.text(raw), 2025);

        assertActual(value, ActualKind.NOT_COMPUTABLE, null, null, null);
        assertThat(value.raw()).isEqualTo(raw);
    }

    @Test
    void readsADottedPairWithoutYearAsANumberAndWithYearAsADate() {
        assertActual(parser.parse(CellValue.text("12.07"), 2025), ActualKind.NUMBER, new BigDecimal("12.07"), null,
                null);
        assertActual(parser.parse(CellValue.text("12.07.2025"), 2025), ActualKind.DATE, null, UnitOfMeasure.DATE,
                LocalDate.of(2025, 7, 12));
        assertActual(parser.parse(CellValue.text("18.12.2025"), 2025), ActualKind.DATE, null, UnitOfMeasure.DATE,
                LocalDate.of(2025, 12, 18));
    }

    @Test
    void readsADotBeforeThreeDigitsAsTheItalianThousandsSeparator() {
        assertActual(parser.parse(CellValue.text("1.635"), 2025), ActualKind.NUMBER, new BigDecimal("1635"), null,
                null);
        assertActual(parser.parse(CellValue.text("1.635 N."), 2025), ActualKind.NUMBER, new BigDecimal("1635"),
                UnitOfMeasure.NUMBER, null);
    }

    @Test
    void takesTheYearOfThePeriodOnlyWhenTheDateHasNone() {
        assertThat(parser.parse(CellValue.text("15-feb"), 2022).date()).isEqualTo(LocalDate.of(2022, 2, 15));
        assertThat(parser.parse(CellValue.text("15-feb"), 2025).date()).isEqualTo(LocalDate.of(2025, 2, 15));
        assertThat(parser.parse(CellValue.text("15 febbraio 2024"), 2022).date()).isEqualTo(LocalDate.of(2024, 2, 15));
        assertThat(parser.parse(CellValue.text("18/12/2024"), 2022).date()).isEqualTo(LocalDate.of(2024, 12, 18));
        assertThat(parser.parse(CellValue.text("29-feb"), 2024).date()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void keepsTheRawTextAsTypedButReadsThroughNonBreakingSpacesAndTheUnicodeMinus() {
        ActualValue value = parser.parse(CellValue.text("\u2212\u00A017,64\u00A0%"), 2025);

        assertActual(value, ActualKind.NUMBER, new BigDecimal("-17.64"), UnitOfMeasure.PERCENT, null);
        assertThat(value.raw()).isEqualTo("\u2212\u00A017,64\u00A0%");
    }

    // ---------------------------------------------------------------- cells

    @Test
    void readsANumericCellAsThatExactNumberWithoutUnit() {
        CellValue cell = new CellValue("1.635,5", new BigDecimal("1635.5"), false, null, null);

        ActualValue value = parser.parse(cell, 2025);

        assertThat(value.kind()).isEqualTo(ActualKind.NUMBER);
        assertThat(value.number()).isEqualTo(new BigDecimal("1635.5"));
        assertThat(value.unit()).isNull();
        assertThat(value.raw()).isEqualTo("1.635,5");
    }

    @Test
    void readsANumericCellWithoutShownTextAndKeepsItsPlainNumberAsRaw() {
        ActualValue value = parser.parse(new CellValue("", new BigDecimal("-0.1"), false, null, null), 2025);

        assertActual(value, ActualKind.NUMBER, new BigDecimal("-0.1"), null, null);
        assertThat(value.raw()).isEqualTo("-0.1");
    }

    @Test
    void readsAPercentFormattedCellInPercentagePoints() {
        CellValue cell = new CellValue("95,83%", new BigDecimal("0.9583"), true, null, null);

        ActualValue value = parser.parse(cell, 2025);

        assertActual(value, ActualKind.NUMBER, new BigDecimal("95.83"), UnitOfMeasure.PERCENT, null);
        assertThat(value.number()).isEqualTo(new BigDecimal("95.83"));
        assertThat(value.raw()).isEqualTo("95,83%");
    }

    @Test
    void readsANegativePercentFormattedCell() {
        CellValue cell = new CellValue("-33,84%", new BigDecimal("-0.3384"), true, null, null);

        assertActual(parser.parse(cell, 2025), ActualKind.NUMBER, new BigDecimal("-33.84"), UnitOfMeasure.PERCENT,
                null);
    }

    @Test
    void readsADateCellWhateverItsDisplayFormat() {
        CellValue shown = new CellValue("18-dic-25", null, false, LocalDate.of(2025, 12, 18), null);
        CellValue hidden = new CellValue("", null, false, LocalDate.of(2025, 12, 18), null);

        assertActual(parser.parse(shown, 2025), ActualKind.DATE, null, UnitOfMeasure.DATE, LocalDate.of(2025, 12, 18));
        assertThat(parser.parse(shown, 2025).raw()).isEqualTo("18-dic-25");
        assertThat(parser.parse(hidden, 2025).raw()).isEqualTo("18/12/2025");
    }

    @Test
    void readsTheCachedValueOfAFormulaLikeAnyOtherCell() {
        // The reader hands over the cached result: a number for =B2/C2, text for =SE(...;"Sì";"No").
        CellValue number = new CellValue("0,53", new BigDecimal("0.5263157894736842"), false, null, null);
        CellValue text = CellValue.text("Sì");

        assertActual(parser.parse(number, 2025), ActualKind.NUMBER, new BigDecimal("0.5263157894736842"), null, null);
        assertActual(parser.parse(text, 2025), ActualKind.YES, null, UnitOfMeasure.YES_NO, null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"#DIV/0!", "#VALORE!", "#RIF!", "#N/D", "#VALUE!"})
    void flagsAFormulaErrorAsInvalid(String error) {
        ActualValue value = parser.parse(new CellValue(error, null, false, null, error), 2025);

        assertThat(value.kind()).isEqualTo(ActualKind.INVALID);
        assertThat(value.raw()).isEqualTo(error);
        assertThat(value.problem())
                .isEqualTo("La cella contiene un errore di formula (" + error + "): scrivere il valore rilevato.");
    }

    @Test
    void flagsAnErrorCellEvenWithoutShownText() {
        ActualValue value = parser.parse(new CellValue("", null, false, null, "#DIV/0!"), 2025);

        assertThat(value.kind()).isEqualTo(ActualKind.INVALID);
        assertThat(value.raw()).isEqualTo("#DIV/0!");
    }

    @Test
    void readsABlankCellAsNotYetReportedNotAsZero() {
        for (CellValue blank : new CellValue[] {CellValue.EMPTY, CellValue.text(null), CellValue.text("   "),
            new CellValue("\u00A0", null, false, null, null)}) {
            ActualValue value = parser.parse(blank, 2025);

            assertActual(value, ActualKind.EMPTY, null, null, null);
            assertThat(value.isReported()).isFalse();
            assertThat(value.isValid()).isTrue();
        }
        assertThat(parser.parse(null, 2025).kind()).isEqualTo(ActualKind.EMPTY);
        assertThat(parser.parse(CellValue.text("0"), 2025).kind()).isEqualTo(ActualKind.NUMBER);
    }

    // ---------------------------------------------------------------- invalid

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"circa 30", "12 o 13", "30 (stima)", ">= 5", "> 5", "<3", "= 5", "abc", "N.", "-", "--",
        "SI/NO", "sì/no", "Si, realizzato", "realizzato al 100%", "in corso", "?", "x", "5,5,5", "1,2.3", "€",
        "5 + 3", "1/3 + 1", "(-5)", "entro il 15 maggio", "non", "forse"})
    void refusesAnythingElseQuotingTheTextAndListingWhatIsAccepted(String raw) {
        ActualValue value = parser.parse(CellValue.text(raw), 2025);

        assertInvalidQuoting(value, raw);
        assertThat(value.problem()).isEqualTo("Valore non riconosciuto: \"" + raw + "\". " + ACCEPTED);
    }

    @Test
    void explainsTheExampleOfTheBrief() {
        assertThat(parser.parse(CellValue.text("circa 30"), 2025).problem()).isEqualTo(
                "Valore non riconosciuto: \"circa 30\". Scrivere un numero (es. 1.635,50), una percentuale (95,83 %), "
                        + "una data (18/12/2025), Sì/No, Realizzato/Non realizzato oppure N.C.");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            51 acquisti    | unità di misura "acquisti" non riconosciuta
            12 pz          | unità di misura "pz" non riconosciuta
            5 data         | unità di misura "data" non riconosciuta
            100%%          | unità di misura "%%" non riconosciuta
            € 5 %          | due unità di misura diverse
            31/02/2025     | la data non esiste
            29-feb         | la data non esiste
            32.01.2025     | la data non esiste
            24/12          | se è una data manca l'anno
            1/2            | se è una data manca l'anno
            30-06          | se è una data manca l'anno
            5-6            | altrimenti scrivere un solo valore
            10 - 12        | altrimenti scrivere un solo valore
            giugno         | manca il giorno
            fine giugno    | manca il giorno
            """)
    void explainsWhatIsWrongWhenTheTextIsCloseToAValue(String raw, String explanation) {
        ActualValue value = parser.parse(CellValue.text(raw), 2025);

        assertInvalidQuoting(value, raw);
        assertThat(value.problem()).contains(explanation);
    }

    @Test
    void quotesTheTextWithoutTheNonBreakingSpacesAroundIt() {
        ActualValue value = parser.parse(CellValue.text("circa\u00A030\u00A0"), 2025);

        assertThat(value.raw()).isEqualTo("circa\u00A030\u00A0");
        assertThat(value.problem()).startsWith("Valore non riconosciuto: \"circa 30\".");
    }

    // ---------------------------------------------------------------- helpers

    /** The period year of each seed report: the TNO 2022 report, the PT-PO 2024 monitoring, the Lucca 2013 report. */
    private static int yearOf(String source) {
        return switch (source.substring(0, 4)) {
            case "000_" -> 2022;
            case "002_" -> 2024;
            case "003_" -> 2013;
            default -> throw new IllegalArgumentException("unknown seed: " + source);
        };
    }

    private static void assertActual(ActualValue value, ActualKind kind, BigDecimal number, UnitOfMeasure unit,
                                     LocalDate date) {
        assertThat(value.kind()).as("kind of %s", value).isEqualTo(kind);
        if (number == null) {
            assertThat(value.number()).as("number of %s", value).isNull();
        } else {
            assertThat(value.number()).as("number of %s", value).isEqualByComparingTo(number);
        }
        assertThat(value.unit()).as("unit of %s", value).isEqualTo(unit);
        assertThat(value.date()).as("date of %s", value).isEqualTo(date);
        assertThat(value.problem()).as("problem of %s", value).isNull();
        assertThat(value.isValid()).isTrue();
    }

    private static void assertInvalidQuoting(ActualValue value, String raw) {
        assertThat(value.kind()).as("kind of %s", value).isEqualTo(ActualKind.INVALID);
        assertThat(value.raw()).isEqualTo(raw);
        assertThat(value.number()).isNull();
        assertThat(value.date()).isNull();
        assertThat(value.unit()).isNull();
        assertThat(value.isValid()).isFalse();
        assertThat(value.problem()).startsWith("Valore non riconosciuto: \"" + raw.strip() + "\"");
    }
}
