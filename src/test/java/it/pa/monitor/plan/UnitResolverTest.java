package it.pa.monitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.UnitType;
import it.pa.monitor.values.HeaderName;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Units found by code or by name as offices type it. A number at the end of a name is part of it: the benchmark's
 * plan of 4 000 uffici has "Ufficio Statistica e prezzi 1901" and "… 1916", and the trailing year that header
 * matching takes off ("Target 2025") made the sheets of 185 uffici (U1915–U2099) count as sent by another one.
 */
class UnitResolverTest {

    private final UnitResolver resolver = new UnitResolver(List.of(
            new OrgUnit("U1901", "Ufficio Statistica e prezzi 1901", UnitType.UFFICIO, null, null, 1),
            new OrgUnit("U1916", "Ufficio Statistica e prezzi 1916", UnitType.UFFICIO, null, null, 2),
            new OrgUnit("EXPO", "Progetto Expo 2015", UnitType.UFFICIO, null, null, 3),
            new OrgUnit("RAG", "Unità Ragioneria", UnitType.UFFICIO, null, null, 4)));

    @Test
    void aNameEndingInAYearLikeNumberIsItsOwnUnit() {
        assertThat(resolver.resolve("Ufficio Statistica e prezzi 1916")).contains("U1916");
        assertThat(resolver.resolve("Ufficio Statistica e prezzi 1901")).contains("U1901");
        assertThat(resolver.resolve("UFFICIO STATISTICA E PREZZI  1916")).contains("U1916");
        assertThat(resolver.resolve("Progetto Expo 2015")).contains("EXPO");
        assertThat(resolver.resolve("Progetto Expo")).isEmpty();
        assertThat(resolver.resolve("Ufficio Statistica e prezzi")).isEmpty();
    }

    @Test
    void codesAndNamesWithAnotherCaseAccentsOrPunctuationStillResolve() {
        assertThat(resolver.resolve(" U1916 ")).contains("U1916");
        assertThat(resolver.resolve("unita' ragioneria")).contains("RAG");
        assertThat(resolver.resolve("UNITÀ RAGIONERIA")).contains("RAG");
    }

    @Test
    void aNameTwoUnitsShareButForCaseOrAccentsFindsNeitherAndSaysWhich() {
        UnitResolver shared = new UnitResolver(List.of(
                new OrgUnit("SEG1", "Segreteria", UnitType.UFFICIO, "A1", null, 1),
                new OrgUnit("SEG2", "SEGRETERIA", UnitType.UFFICIO, "A2", null, 2),
                new OrgUnit("RAG", "Unità Ragioneria", UnitType.UFFICIO, null, null, 3)));
        assertThat(shared.resolve("segreteria")).isEmpty();
        assertThat(shared.resolve("Segreteria")).isEmpty();
        assertThat(shared.resolve("SEG2")).contains("SEG2");
        assertThat(shared.resolve("Unita ragioneria")).contains("RAG");
        assertThat(shared.sameName(" Segreteria ")).containsExactly("SEG1", "SEG2");
        assertThat(shared.sameName("Unità Ragioneria")).isEmpty();
        assertThat(shared.unresolved("segreteria", "altro")).isEqualTo(
                "«segreteria» è il nome di più unità del piano (SEG1, SEG2): indicare il codice dell'unità");
        assertThat(shared.unresolved("Ufficio Marte", "altro")).isEqualTo("altro");
    }

    @Test
    void aNameOfNoLettersOrDigitsNamesNothing() {
        UnitResolver dashes = new UnitResolver(List.of(
                new OrgUnit("X1", "—", UnitType.UFFICIO, null, null, 1),
                new OrgUnit("X2", "-", UnitType.UFFICIO, null, null, 2)));
        assertThat(dashes.resolve("-")).isEmpty();
        assertThat(dashes.resolve(" ")).isEmpty();
        assertThat(dashes.sameName("-")).isEmpty();
        assertThat(dashes.resolve("X2")).contains("X2");
    }

    @Test
    void headersStillLoseTheirTrailingYearNamesKeepIt() {
        assertThat(HeaderName.normalise("Target 2025")).isEqualTo(HeaderName.normalise("Target"));
        assertThat(HeaderName.nameKey("Target 2025")).isNotEqualTo(HeaderName.nameKey("Target"));
        assertThat(HeaderName.nameKey("Unità  di Misura")).isEqualTo(HeaderName.normalise("unita di misura"));
    }
}
