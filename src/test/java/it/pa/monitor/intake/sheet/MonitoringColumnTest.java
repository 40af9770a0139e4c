package it.pa.monitor.intake.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.intake.sheet.MonitoringColumn.Naming;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which header texts name which monitoring column (FORMATS.md §2). */
public class MonitoringColumnTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Codice obiettivo            | OBJECTIVE_CODE
            Cod. obiettivo              | OBJECTIVE_CODE
            Descrizione obiettivo       | OBJECTIVE_NAME
            Codice indicatore           | INDICATOR_CODE
            CODICE                      | INDICATOR_CODE
            Nome indicatore             | INDICATOR_NAME
            Descrizione indicatore      | INDICATOR_NAME
            Algoritmo di calcolo        | ALGORITHM
            Peso %                      | WEIGHT
            Peso indicatori             | WEIGHT
            Target 2025                 | TARGET
            Operatore                   | OPERATOR
            Consuntivo                  | ACTUAL
            Consuntivo 2025             | ACTUAL
            Risultato                   | ACTUAL
            Valore rilevato             | ACTUAL
            Valore al 30/06/2025        | ACTUAL
            Valore al 30 giugno 2025    | ACTUAL
            Note                        | NOTES
            Motivazioni                 | NOTES
            Commento                    | NOTES
            """)
    void explicitNames(String header, MonitoringColumn column) {
        assertThat(MonitoringColumn.naming(header)).contains(new Naming(column, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Indicatore", "INDICATORI", "indicatore "})
    void indicatorAloneIsTheCodeUnlessACodeColumnIsThere(String header) {
        assertThat(MonitoringColumn.naming(header))
                .contains(new Naming(MonitoringColumn.INDICATOR_CODE, MonitoringColumn.INDICATOR_NAME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Obiettivo", "OBIETTIVO:"})
    void objectiveAloneIsTheCodeUnlessACodeColumnIsThere(String header) {
        assertThat(MonitoringColumn.naming(header))
                .contains(new Naming(MonitoringColumn.OBJECTIVE_CODE, MonitoringColumn.OBJECTIVE_NAME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Target N+1", "Valore al", "Tipologia", "Performance", "Risultato atteso", "2025", ""})
    void otherHeadersNameNothing(String header) {
        assertThat(MonitoringColumn.naming(header)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({"INDICATOR_CODE, true", "ACTUAL, true", "OBJECTIVE_CODE, false", "TARGET, false"})
    void onlyTheIndicatorCodeAndTheActualAreRequired(MonitoringColumn column, boolean required) {
        assertThat(column.required()).isEqualTo(required);
    }
}
