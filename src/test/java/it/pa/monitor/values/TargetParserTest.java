package it.pa.monitor.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetParserTest {

    private static final String GENERIC_HINT =
            "Scrivere un operatore e un valore, ad esempio \">= 95 %\" o \"Entro 30/06/2025\".";

    private final TargetParser parser = new TargetParser();

    /** Real spellings from the seed documents; the CSV gives file and line of each one. */
    @ParameterizedTest(name = "[{index}] {0}: \"{2}\" op=\"{3}\"")
    @CsvFileSource(resources = "/values/seed-targets.csv", delimiter = '|', numLinesToSkip = 1)
    void readsRealSeedSpellings(String source, int year, String raw, String operatorColumn, TargetKind kind,
                                Operator operator, boolean explicit, BigDecimal value, UnitOfMeasure unit,
                                LocalDate deadline) {
        Target target = parser.parse(raw, operatorColumn, year);

        assertTarget(target, kind, operator, explicit, value, unit, deadline);
        assertThat(target.raw()).isEqualTo(raw);
        assertThat(target.isParsed()).isTrue();
    }

    /** Real cells that are prose, typos or several years at once: kept raw and flagged, never guessed. */
    @ParameterizedTest(name = "[{index}] {0}: \"{2}\" op=\"{3}\"")
    @CsvFileSource(resources = "/values/seed-targets-unparseable.csv", delimiter = '|', numLinesToSkip = 1)
    void refusesRealSeedProse(String source, int year, String raw, String operatorColumn) {
        Target target = parser.parse(raw, operatorColumn, year);

        assertUnparseable(target, raw == null ? "" : raw);
    }

    /** The examples of FORMATS.md §4, one by one. */
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            ≥ 95,00 %        | NUMERIC  | GE   | true  | 95.00  | PERCENT | null
            >= 95%           | NUMERIC  | GE   | true  | 95     | PERCENT | null
            > 1,00 N.        | NUMERIC  | GT   | true  | 1.00   | NUMBER  | null
            ≤ 1,90 gg        | NUMERIC  | LE   | true  | 1.90   | DAYS    | null
            <= 1,9           | NUMERIC  | LE   | true  | 1.9    | null    | null
            < 530.097 N.     | NUMERIC  | LT   | true  | 530097 | NUMBER  | null
            = 100,00 %       | NUMERIC  | EQ   | true  | 100.00 | PERCENT | null
            = 1 N.           | NUMERIC  | EQ   | true  | 1      | NUMBER  | null
            Entro 30/06/2025 | DEADLINE | LE   | true  | null   | DATE    | 2025-06-30
            entro il 15 maggio | DEADLINE | LE | true  | null   | DATE    | 2025-05-15
            = sì             | YES_NO   | null | false | null   | YES_NO  | null
            SI/NO            | YES_NO   | null | false | null   | YES_NO  | null
            realizzazione    | YES_NO   | null | false | null   | YES_NO  | null
            95               | NUMERIC  | EQ   | false | 95     | null    | null
            """)
    void readsFormatsSection4Examples(String raw, TargetKind kind, Operator operator, boolean explicit,
                                      BigDecimal value, UnitOfMeasure unit, LocalDate deadline) {
        assertTarget(parser.parse(raw, 2025), kind, operator, explicit, value, unit, deadline);
    }

    /** Operator spellings: Unicode, ASCII, spaced, HTML, LaTeX and Italian words. */
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ≥ 10          | GE
            ⩾ 10          | GE
            >= 10         | GE
            => 10         | GE
            > = 10        | GE
            >=10          | GE
            &gt;= 10      | GE
            &GT;=10       | GE
            &ge; 10       | GE
            &#8805; 10    | GE
            \\geq 10      | GE
            \\ge 10       | GE
            $\\geq$ 10    | GE
            $\\geq 10$    | GE
            almeno 10     | GE
            Almeno il 10  | GE
            non inferiore a 10 | GE
            non inferiore al 10 | GE
            minimo 10     | GE
            min 10        | GE
            min. 10       | GE
            maggiore o uguale a 10 | GE
            > 10          | GT
            &gt; 10       | GT
            maggiore di 10 | GT
            superiore a 10 | GT
            più di 10     | GT
            Più di 10     | GT
            ≤ 10          | LE
            <= 10         | LE
            =< 10         | LE
            < = 10        | LE
            &lt;= 10      | LE
            &le; 10       | LE
            \\leq 10      | LE
            \\le 10       | LE
            $\\leq 10$    | LE
            non superiore a 10 | LE
            massimo 10    | LE
            max 10        | LE
            al massimo 10 | LE
            < 10          | LT
            &lt; 10       | LT
            inferiore a 10 | LT
            minore di 10  | LT
            meno di 10    | LT
            = 10          | EQ
            pari a 10     | EQ
            uguale a 10   | EQ
            """)
    void readsEveryOperatorSpelling(String raw, Operator expected) {
        Target target = parser.parse(raw, 2025);

        assertTarget(target, TargetKind.NUMERIC, expected, true, new BigDecimal("10"), null, null);
    }

    /** Values with units glued or spaced, before or after, negative and bracketed. */
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            95%            | EQ    | false | 95        | PERCENT
            >= 95%         | GE    | true  | 95        | PERCENT
            >= 95,00 %     | GE    | true  | 95.00     | PERCENT
            <= 1,90 gg     | LE    | true  | 1.90      | DAYS
            ≤ 1,90gg       | LE    | true  | 1.90      | DAYS
            <= 30 giorni   | LE    | true  | 30        | DAYS
            entro 30 gg    | LE    | true  | 30        | DAYS
            entro 30gg     | LE    | true  | 30        | DAYS
            entro 5 gg.    | LE    | true  | 5         | DAYS
            entro 24 h     | LE    | true  | 24        | HOURS
            >= € 153.000   | GE    | true  | 153000    | EURO
            >= 153.000 €   | GE    | true  | 153000    | EURO
            <= 153.000,50 euro | LE | true | 153000.50 | EURO
            € 153.000      | EQ    | false | 153000    | EURO
            24 h           | EQ    | false | 24        | HOURS
            > 1,00 N.      | GT    | true  | 1.00      | NUMBER
            < 530.097 N.   | LT    | true  | 530097    | NUMBER
            >= N. 12       | GE    | true  | 12        | NUMBER
            N. 12          | EQ    | false | 12        | NUMBER
            >= 12 nr       | GE    | true  | 12        | NUMBER
            >= 1.234.567   | GE    | true  | 1234567   | null
            >= 1,234.56    | GE    | true  | 1234.56   | null
            >= 12.07       | GE    | true  | 12.07     | null
            - 17,64        | EQ    | false | -17.64    | null
            >= -17,64      | GE    | true  | -17.64    | null
            <= - 5 %       | LE    | true  | -5        | PERCENT
            ≥ −5 %         | GE    | true  | -5        | PERCENT
            (30.300,00)    | EQ    | false | -30300.00 | null
            >= (30.300,00) € | GE  | true  | -30300.00 | EURO
            +3             | EQ    | false | 3         | null
            >= 0,005 %     | GE    | true  | 0.005     | PERCENT
            """)
    void readsValuesAndUnits(String raw, Operator operator, boolean explicit, BigDecimal value, UnitOfMeasure unit) {
        assertTarget(parser.parse(raw, 2025), TargetKind.NUMERIC, operator, explicit, value, unit, null);
    }

    /** Deadline spellings; the plan year fills in a missing year. */
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Entro 30/06/2025        | true  | 2025-06-30
            entro il 30/06/2025     | true  | 2025-06-30
            ENTRO IL 30/06/2025     | true  | 2025-06-30
            Entro il 15 maggio      | true  | 2025-05-15
            entro il 1° marzo       | true  | 2025-03-01
            entro l'8 marzo         | true  | 2025-03-08
            15-feb                  | false | 2025-02-15
            15 feb                  | false | 2025-02-15
            15-Feb-2024             | false | 2024-02-15
            24-dic                  | false | 2025-12-24
            15 febbraio 2025        | false | 2025-02-15
            15 settembre            | false | 2025-09-15
            30.06.2025              | false | 2025-06-30
            30-06-2025              | false | 2025-06-30
            31/12/2025              | false | 2025-12-31
            30/06/25                | false | 2025-06-30
            31/12                   | false | 2025-12-31
            entro il 31/12          | true  | 2025-12-31
            entro 31/5              | true  | 2025-05-31
            entro il 31.12          | true  | 2025-12-31
            entro 28/02/ 2022       | true  | 2022-02-28
            entro giugno            | true  | 2025-06-30
            entro fine febbraio     | true  | 2025-02-28
            entro febbraio 2024     | true  | 2024-02-29
            <= 31/12/2025           | true  | 2025-12-31
            ≤ 31.01.2025            | true  | 2025-01-31
            = 31/01/2025            | true  | 2025-01-31
            &lt;= 15/12/2025        | true  | 2025-12-15
            """)
    void readsDeadlines(String raw, boolean explicit, LocalDate expected) {
        assertTarget(parser.parse(raw, 2025), TargetKind.DEADLINE, Operator.LE, explicit, null, UnitOfMeasure.DATE,
                expected);
    }

    /** Yes/no spellings, including the decision that "100% realizzazione" is a yes/no target. */
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"= sì", "= si", "=sì", "sì", "Sì", "SI", "si", "SÌ", "SI/NO", "Si/No", "si / no",
        "sì/no", "s/n", "realizzazione", "Realizzazione", "Realizzato", "realizzata", "100% realizzazione",
        "realizzazione 100%", ">= sì", "= s&igrave;"})
    void readsYesNo(String raw) {
        Target target = parser.parse(raw, 2025);

        assertTarget(target, TargetKind.YES_NO, null, false, null, UnitOfMeasure.YES_NO, null);
        assertThat(target.raw()).isEqualTo(raw);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"n.d.", "N.D.", "nd", "ND", "n/d", "N.C.", "n.c.", "NC", "-", "--", "—", " n.d. "})
    void readsNotAvailable(String raw) {
        Target target = parser.parse(raw, 2025);

        assertTarget(target, TargetKind.NOT_AVAILABLE, null, false, null, null, null);
        assertThat(target.isParsed()).isTrue();
        assertThat(target.raw()).isEqualTo(raw);
    }

    /** Blanks, non-breaking spaces and footnote stars around the text do not matter; raw is kept as is. */
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"  >= 95 %  ", "\u00A0>=\u00A095\u00A0%\u00A0", ">= 95 %*", "*>= 95 %", ">= 95 % **",
        "\t>=   95   %\t", ">=\u202F95\u202F%"})
    void ignoresSpacesAndFootnoteMarkers(String raw) {
        Target target = parser.parse(raw, 2025);

        assertTarget(target, TargetKind.NUMERIC, Operator.GE, true, new BigDecimal("95"), UnitOfMeasure.PERCENT,
                null);
        assertThat(target.raw()).isEqualTo(raw);
    }

    /** Operator in its own "Operatore" column. */
    @ParameterizedTest(name = "op \"{1}\" + \"{0}\"")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            4          | >=      | NUMERIC  | GE   | 4    | null    | null
            80%        | ≥       | NUMERIC  | GE   | 80   | PERCENT | null
            80%        | &gt;=   | NUMERIC  | GE   | 80   | PERCENT | null
            3          | almeno  | NUMERIC  | GE   | 3    | null    | null
            3          | Almeno  | NUMERIC  | GE   | 3    | null    | null
            10         | <=      | NUMERIC  | LE   | 10   | null    | null
            10 gg      | massimo | NUMERIC  | LE   | 10   | DAYS    | null
            100%       | =       | NUMERIC  | EQ   | 100  | PERCENT | null
            >= 4       | >=      | NUMERIC  | GE   | 4    | null    | null
            >= 4       | ≥       | NUMERIC  | GE   | 4    | null    | null
            30 gg      | entro   | NUMERIC  | LE   | 30   | DAYS    | null
            30/06/2025 | entro   | DEADLINE | LE   | null | DATE    | 2025-06-30
            30/06/2025 | <=      | DEADLINE | LE   | null | DATE    | 2025-06-30
            15 maggio  | entro   | DEADLINE | LE   | null | DATE    | 2025-05-15
            si         | =       | YES_NO   | null | null | YES_NO  | null
            n.d.       | >=      | NOT_AVAILABLE | null | null | null | null
            95 %       | '   '   | NUMERIC  | EQ   | 95   | PERCENT | null
            """)
    void readsSeparateOperatorColumn(String raw, String operatorColumn, TargetKind kind, Operator operator,
                                     BigDecimal value, UnitOfMeasure unit, LocalDate deadline) {
        Target target = parser.parse(raw, operatorColumn, 2025);

        boolean explicit = operator != null && !operatorColumn.isBlank();
        assertTarget(target, kind, operator, explicit, value, unit, deadline);
        assertThat(target.raw()).isEqualTo(raw);
    }

    @Test
    void treatsMissingOperatorColumnAsNoOperator() {
        assertTarget(parser.parse("95 %", null, 2025), TargetKind.NUMERIC, Operator.EQ, false,
                new BigDecimal("95"), UnitOfMeasure.PERCENT, null);
        assertTarget(parser.parse("95 %", "-", 2025), TargetKind.NUMERIC, Operator.EQ, false,
                new BigDecimal("95"), UnitOfMeasure.PERCENT, null);
    }

    /** Anything else is UNPARSEABLE: raw kept, Italian explanation, nothing guessed. */
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Miglioramento rispetto al 2021", ">= ", ">=", "abc", "≥ abc", "12,3,4", ">= 1.2.3",
        "31/02/2025", "Entro 31/02/2025", "entro il 30 febbraio", ">= 30/06/2025", "> 30/06/2025", "entro 30",
        "entro 30 N.", "<= sì", "no", "95 aziende", ">= 95 kg", "€ 5 %", ">= 5 data", "Entro fine anno",
        "entro il 2013", "1) almeno 2", ">=8 >=8 >=8", "100% rinnovi"})
    void refusesUnreadableText(String raw) {
        Target target = parser.parse(raw, 2025);

        assertUnparseable(target, raw);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u00A0"})
    void reportsAMissingTarget(String raw) {
        Target target = parser.parse(raw, 2025);

        assertThat(target.kind()).isEqualTo(TargetKind.UNPARSEABLE);
        assertThat(target.raw()).isEqualTo(raw == null ? "" : raw);
        assertThat(target.problem()).startsWith("Target mancante").contains(GENERIC_HINT);
        assertThat(target.isParsed()).isFalse();
    }

    @Test
    void usesTheMessageOfTheBriefForPlainProse() {
        Target target = parser.parse("xyz", 2025);

        assertThat(target.problem()).isEqualTo("Target non interpretabile: \"xyz\". " + GENERIC_HINT);
    }

    @Test
    void explainsWhatIsWrongInItalian() {
        assertThat(parser.parse(">=", 2025).problem()).contains("manca il valore dopo l'operatore");
        assertThat(parser.parse("31/02/2025", 2025).problem()).contains("la data \"31/02/2025\" non esiste");
        assertThat(parser.parse(">= 30/06/2025", 2025).problem()).contains("una scadenza si scrive");
        assertThat(parser.parse("entro 30", 2025).problem()).contains("dopo \"entro\" scrivere una data");
        assertThat(parser.parse("entro 30 arile", 2022).problem()).contains("dopo \"entro\" scrivere una data");
        assertThat(parser.parse(">= 95 kg", 2025).problem()).contains("unità di misura \"kg\" non riconosciuta");
        assertThat(parser.parse("<= sì", 2025).problem()).contains("un target sì/no si scrive");
        assertThat(parser.parse("", ">=", 2025).problem()).contains("manca il valore");
    }

    @Test
    void refusesAnOperatorColumnThatContradictsTheCell() {
        Target target = parser.parse("<= 5", ">=", 2025);

        assertUnparseable(target, "<= 5");
        assertThat(target.problem()).contains("la colonna Operatore indica \">=\"").contains("\"<=\"");
    }

    @Test
    void refusesAnUnknownOperatorColumn() {
        Target target = parser.parse("5", "circa", 2025);

        assertUnparseable(target, "5");
        assertThat(target.problem()).contains("operatore \"circa\" non riconosciuto");
    }

    @Test
    void keepsTheScaleOfTheTypedValue() {
        assertThat(parser.parse(">= 95,00 %", 2025).value()).isEqualTo(new BigDecimal("95.00"));
    }

    @Test
    void usesThePlanYearOnlyWhenTheDateHasNone() {
        assertThat(parser.parse("entro il 15 maggio", 2022).deadline()).isEqualTo(LocalDate.of(2022, 5, 15));
        assertThat(parser.parse("entro il 15 maggio 2024", 2022).deadline()).isEqualTo(LocalDate.of(2024, 5, 15));
        assertThat(parser.parse("29/02", 2024).deadline()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertUnparseable(parser.parse("29/02", 2025), "29/02");
    }

    @Test
    void readsLowerIsBetterOperatorsAsSuch() {
        assertThat(parser.parse("<= 1,9 gg", 2025).operator().higherIsBetter()).isFalse();
        assertThat(parser.parse("= 100 %", 2025).operator().higherIsBetter()).isTrue();
    }

    private static void assertTarget(Target target, TargetKind kind, Operator operator, boolean explicit,
                                     BigDecimal value, UnitOfMeasure unit, LocalDate deadline) {
        assertThat(target.kind()).as("kind (problem: %s)", target.problem()).isEqualTo(kind);
        assertThat(target.operator()).as("operator").isEqualTo(operator);
        assertThat(target.explicitOperator()).as("explicitOperator").isEqualTo(explicit);
        if (value == null) {
            assertThat(target.value()).as("value").isNull();
        } else {
            assertThat(target.value()).as("value").isEqualByComparingTo(value);
        }
        assertThat(target.unit()).as("unit").isEqualTo(unit);
        assertThat(target.deadline()).as("deadline").isEqualTo(deadline);
        assertThat(target.problem()).as("problem").isNull();
    }

    private static void assertUnparseable(Target target, String raw) {
        assertThat(target.kind()).as("kind of \"%s\"", raw).isEqualTo(TargetKind.UNPARSEABLE);
        assertThat(target.raw()).isEqualTo(raw);
        assertThat(target.isParsed()).isFalse();
        assertThat(target.operator()).isNull();
        assertThat(target.value()).isNull();
        assertThat(target.deadline()).isNull();
        assertThat(target.problem()).isNotBlank();
        if (!raw.isBlank()) {
            assertThat(target.problem()).startsWith("Target non interpretabile: \"" + raw.strip() + "\"");
        }
    }
}
