package it.pa.monitor.plan.load;

import it.pa.monitor.values.HeaderName;
import java.util.List;

/** The sheets of the plan workbook (FORMATS.md §1) and their columns. */
public enum PlanSheet {
    ENTE("Ente", true,
            Column.required("Campo"), Column.required("Valore")),
    METODOLOGIA("Metodologia", false,
            Column.required("Parametro"), Column.required("Valore")),
    STRUTTURA("Struttura", true,
            Column.required("Codice"), Column.required("Nome", "Denominazione"), Column.required("Tipo"),
            Column.optional("Padre", "Unita padre"), Column.optional("Responsabile")),
    AMBITI("Ambiti", true,
            Column.required("Codice"), Column.required("Descrizione", "Ambito strategico"), Column.optional("Peso")),
    OBIETTIVI_STRATEGICI("ObiettiviStrategici", true,
            Column.required("Codice"), Column.required("Descrizione", "Obiettivo strategico"),
            Column.required("Ambito", "Ambito strategico"), Column.optional("Peso"),
            Column.optional("Prospettiva BSC", "BSC", "Prospettiva"), Column.optional("Missione"),
            Column.optional("Programma"),
            Column.optional("Risorse previste", "Risorse preventivo", "Risorse"),
            Column.optional("Risorse utilizzate", "Risorse consuntivo")),
    OBIETTIVI_OPERATIVI("ObiettiviOperativi", true,
            Column.required("Codice"), Column.required("Descrizione", "Obiettivo operativo"),
            Column.required("Obiettivo strategico", "OS", "Codice obiettivo strategico"), Column.optional("Peso"),
            Column.optional("Unita coinvolte", "Unita organizzative coinvolte", "Unita")),
    INDICATORI("Indicatori", true,
            Column.required("Obiettivo", "Codice obiettivo"), Column.required("Codice", "Codice indicatore"),
            Column.required("Nome", "Indicatore", "Nome indicatore"), Column.optional("Algoritmo"),
            Column.optional("Fonte"), Column.optional("Tipologia", "Tipo"),
            Column.optional("Unita di misura", "Unita misura", "UdM"), Column.required("Target"),
            Column.optional("Operatore"), Column.optional("Target N+1"), Column.optional("Target N+2"),
            Column.optional("Peso"), Column.optional("Cumulativo"), Column.optional("Periodicita"),
            Column.optional("Responsabile", "Unita responsabile"),
            Column.optional("Significativo", "Piu significativo", "Indicatore significativo")),
    CRUSCOTTI("Cruscotti", false,
            Column.required("Codice cruscotto", "Cruscotto"), Column.required("Dirigente"),
            Column.optional("Ruolo"), Column.required("Riferimento"), Column.optional("Peso"),
            Column.optional("Target")),
    PIRA("Pira", false,
            Column.optional("Missione"), Column.optional("Programma"), Column.required("Obiettivo"),
            Column.required("Indicatore")),
    STORICO("Storico", false,
            Column.required("Anno"), Column.required("Livello"), Column.optional("Codice"),
            Column.optional("Valore", "Consuntivo"), Column.optional("Risultato", "% raggiungimento"));

    private final String sheetName;
    private final boolean required;
    private final List<Column> columns;

    PlanSheet(String sheetName, boolean required, Column... columns) {
        this.sheetName = sheetName;
        this.required = required;
        this.columns = List.of(columns);
    }

    public String sheetName() {
        return sheetName;
    }

    boolean required() {
        return required;
    }

    List<Column> columns() {
        return columns;
    }

    Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " is not a column of " + sheetName));
    }

    /** "Obiettivi strategici" and "ObiettiviStrategici" name the same sheet. */
    boolean matches(String name) {
        return HeaderName.normalise(sheetName).equals(HeaderName.normalise(name));
    }
}
