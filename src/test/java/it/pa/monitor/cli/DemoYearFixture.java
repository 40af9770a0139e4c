package it.pa.monitor.cli;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.PlanFixture;
import it.pa.monitor.plan.TranscribedPlans;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.values.ItalianNumberParser;
import it.pa.monitor.values.Period;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The demo year bundled in the jar ({@code src/main/resources/demo/}): the Massa-Carrara 2022
 * plan and the monitoring sheets the offices send for 2022-Q1..Q4, with the mistakes every
 * quarter brings. Year-end values are the published ones ({@code Consuntivi.tsv}); interim values
 * come from {@code src/test/resources/demo/valori-2022.tsv}. Each quarter's folder has an
 * {@code arrivi.tsv}: file, time of receipt (the demo sets it as the file's time, which is the
 * order intake reads them in) and what the file is.
 *
 * <p>The demo plan is the bundled sample plan with two differences, both for a quarterly demo:
 * {@code Periodicita} is {@code trimestrale} (the report monitors by four-month period) and the
 * count indicators (unit {@code N.}) are {@code Cumulativo}, so interim targets are pro-rated and
 * {@code Andamento} projects them. Neither changes a year-end result.
 */
final class DemoYearFixture {

    static final String TRANSCRIPTION = "massa-carrara-2022";
    static final String ENTE = "Camera di Commercio di Massa-Carrara";
    static final List<String> QUARTERS = List.of("2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4");
    static final String PLAN_FILE = "piano-2022.xlsx";
    static final String OVERRIDES_FILE = "rettifiche-2022.xlsx";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, String> COMPILERS = Map.of(
            "ENTE", "Ufficio Programmazione e controllo", "CR01", "Segreteria generale", "CR02", "Dirigente Area 1",
            "ISR", "Istituto di Studi e Ricerche",
            "S_AG", "Servizio AA.GG. e Risorse umane", "S_PRO", "Servizio Promozione",
            "S_RF", "Servizio Risorse finanziarie", "S_RI", "Servizio Registro Imprese",
            "S_RM", "Servizio Regolazione del Mercato");

    /** One file as it arrives: name, time of receipt, what it is (Italian, shown in the arrivals list). */
    record Delivery(String file, LocalDateTime receivedAt, String note) {
    }

    private final Plan plan = TranscribedPlans.plan(TRANSCRIPTION);
    /** Values per indicator and quarter, as an office types them. */
    private final Map<IndicatorKey, Map<String, String>> values = new LinkedHashMap<>();
    private final Map<IndicatorKey, String> notes = new LinkedHashMap<>();

    DemoYearFixture() {
        readInterimValues();
        for (TranscribedPlans.Published published : TranscribedPlans.published(TRANSCRIPTION)) {
            values.get(published.key()).put("2022-Q4", published.actual());
        }
    }

    /** The demo plan: the sample plan, quarterly, with the count indicators cumulative. */
    static PlanFixture plan() {
        PlanFixture fixture = PlanFixture.load(TRANSCRIPTION);
        List<Map<String, String>> ente = fixture.rows("Ente");
        for (int i = 0; i < ente.size(); i++) {
            if (ente.get(i).get("Campo").equals("Periodicita")) {
                fixture.set("Ente", i, "Valore", "trimestrale");
            }
        }
        List<Map<String, String>> indicators = fixture.rows("Indicatori");
        for (int i = 0; i < indicators.size(); i++) {
            if (indicators.get(i).get("Unita di misura").equals("N.")) {
                fixture.set("Indicatori", i, "Cumulativo", "sì");
            }
        }
        return fixture;
    }

    /** Writes the plan and the four quarters' folders under {@code root}. */
    void writeTo(Path root) throws IOException {
        Files.createDirectories(root);
        plan().writeTo(root, PLAN_FILE);
        for (String quarter : QUARTERS) {
            Path folder = Files.createDirectories(root.resolve(quarter));
            List<Delivery> deliveries = switch (quarter) {
                case "2022-Q1" -> firstQuarter(folder);
                case "2022-Q2" -> secondQuarter(folder);
                case "2022-Q3" -> thirdQuarter(folder);
                default -> fourthQuarter(folder);
            };
            List<String> lines = new ArrayList<>(List.of("File\tRicevuto\tNota"));
            deliveries.forEach(d -> lines.add(d.file() + "\t" + d.receivedAt() + "\t" + d.note()));
            Files.write(folder.resolve("arrivi.tsv"), lines, StandardCharsets.UTF_8);
        }
    }

    private List<Delivery> firstQuarter(Path folder) {
        String q = "2022-Q1";
        List<Delivery> d = new ArrayList<>();
        d.add(sheet(folder, "ENTE", q, at(q, 4, 4, 10, 2), "indicatori dell'ente (ufficio pianificazione)", UnaryOperator.identity()));
        d.add(sheet(folder, "CR01", q, at(q, 4, 4, 12, 0), "", UnaryOperator.identity()));
        d.add(sheet(folder, "CR02", q, at(q, 4, 4, 12, 30), "", UnaryOperator.identity()));
        d.add(sheet(folder, "S_AG", q, at(q, 4, 5, 9, 30), "", UnaryOperator.identity()));
        d.add(copy(folder, d.get(3), "scheda_S_AG_2022-Q1 - Copia.xlsx", at(q, 4, 5, 9, 31),
                "la stessa scheda inviata due volte"));
        d.add(sheet(folder, "S_PRO", q, at(q, 4, 6, 11, 15), "", UnaryOperator.identity()));
        d.add(sheet(folder, "S_RF", q, at(q, 4, 7, 16, 40), "", UnaryOperator.identity()));
        d.add(sheet(folder, "S_RI", q, at(q, 4, 7, 17, 5), "", UnaryOperator.identity()));
        d.add(sheet(folder, "S_RM", q, at(q, 4, 8, 12, 0), "numero scritto male (70,3,7 %)",
                typo("OO_2.2.2", "PC_Port", "70,3,7 %")));
        d.add(resend(folder, "S_RM", q, q, at(q, 4, 11, 8, 45), "scheda corretta dopo la segnalazione"));
        // ISR's sheet for 2022-Q1 arrives after the run: it is in the 2022-Q2 folder.
        return d;
    }

    private List<Delivery> secondQuarter(Path folder) {
        String q = "2022-Q2";
        List<Delivery> d = new ArrayList<>();
        d.add(sheet(folder, "ISR", "2022-Q1", at("2022-Q1", 4, 20, 9, 0),
                "scheda del 2022-Q1 arrivata in ritardo", UnaryOperator.identity()));
        d.add(sheet(folder, "ENTE", q, at(q, 7, 4, 9, 40), "", UnaryOperator.identity()));
        d.add(sheet(folder, "CR01", q, at(q, 7, 4, 11, 0), "", UnaryOperator.identity()));
        d.add(sheet(folder, "CR02", q, at(q, 7, 4, 11, 30), "", UnaryOperator.identity()));
        d.add(sheet(folder, "ISR", q, at(q, 7, 4, 15, 20), "", UnaryOperator.identity()));
        d.add(sheet(folder, "S_AG", q, at(q, 7, 5, 10, 0), "", UnaryOperator.identity()));
        d.add(sheet(folder, "S_PRO", q, at(q, 7, 6, 12, 30), "numero scritto male (41,2,3 %), non corretta in tempo",
                typo("OO_1.2.2", "Ind_Sint_Prog_20", "41,2,3 %")));
        d.add(sheetFor(folder, "S_RF", q, "2022-Q3", "scheda_S_RF_2022-Q2.xlsx", at(q, 7, 6, 16, 0),
                "scheda con il periodo sbagliato (2022-Q3)"));
        d.add(resend(folder, "S_RF", q, q, at(q, 7, 8, 9, 10), "scheda corretta dopo la segnalazione"));
        d.add(sheet(folder, "S_RI", q, at(q, 7, 7, 11, 0), "", UnaryOperator.identity()));
        d.add(sheet(folder, "S_RM", q, at(q, 7, 7, 14, 25), "", UnaryOperator.identity()));
        return d;
    }

    private List<Delivery> thirdQuarter(Path folder) {
        String q = "2022-Q3";
        List<Delivery> d = new ArrayList<>();
        d.add(resend(folder, "S_PRO", "2022-Q2", "2022-Q2", at("2022-Q2", 7, 25, 10, 0),
                "scheda corretta del 2022-Q2 arrivata in ritardo"));
        d.add(sheet(folder, "ENTE", q, at(q, 10, 3, 9, 5), "numero scritto male (12,3,4 %)",
                typo("OS_3.1", "D1.3_04.1", "12,3,4 %")));
        d.add(resend(folder, "ENTE", q, q, at(q, 10, 4, 8, 50), "scheda corretta dopo la segnalazione"));
        d.add(sheet(folder, "CR01", q, at(q, 10, 4, 10, 0), "", UnaryOperator.identity()));
        d.add(sheet(folder, "CR02", q, at(q, 10, 4, 10, 30), "", UnaryOperator.identity()));
        d.add(sheet(folder, "ISR", q, at(q, 10, 4, 12, 0), "", UnaryOperator.identity()));
        d.add(sheet(folder, "S_AG", q, at(q, 10, 5, 9, 15), "", UnaryOperator.identity()));
        d.add(sheet(folder, "S_PRO", q, at(q, 10, 5, 15, 45), "", UnaryOperator.identity()));
        d.add(sheet(folder, "S_RI", q, at(q, 10, 6, 10, 30), "", UnaryOperator.identity()));
        d.add(copy(folder, d.get(d.size() - 1), "scheda_S_RI_2022-Q3 (1).xlsx", at(q, 10, 6, 10, 32),
                "la stessa scheda inviata due volte"));
        d.add(sheet(folder, "S_RM", q, at(q, 10, 7, 11, 10), "", UnaryOperator.identity()));
        // S_RF's sheet for 2022-Q3 arrives after the run: it is in the 2022-Q4 folder.
        return d;
    }

    private List<Delivery> fourthQuarter(Path folder) {
        String q = "2022-Q4";
        List<Delivery> d = new ArrayList<>();
        d.add(sheet(folder, "S_RF", "2022-Q3", at("2022-Q3", 10, 20, 9, 0),
                "scheda del 2022-Q3 arrivata in ritardo", UnaryOperator.identity()));
        d.add(sheet(folder, "ENTE", q, at(q, 1, 9, 10, 0), "", UnaryOperator.identity()));
        d.add(sheet(folder, "CR01", q, at(q, 1, 9, 10, 30), "", UnaryOperator.identity()));
        d.add(sheet(folder, "CR02", q, at(q, 1, 9, 11, 0), "", UnaryOperator.identity()));
        d.add(sheet(folder, "ISR", q, at(q, 1, 9, 11, 30), "", UnaryOperator.identity()));
        d.add(copy(folder, d.get(d.size() - 1), "scheda_ISR_2022-Q4 (inviata di nuovo).xlsx", at(q, 1, 12, 9, 0),
                "la stessa scheda inviata due volte"));
        d.add(sheet(folder, "S_AG", q, at(q, 1, 10, 9, 20), "", UnaryOperator.identity()));
        d.add(sheetFor(folder, "S_PRO", q, "2022-Q3", "scheda_S_PRO_2022-Q4.xlsx", at(q, 1, 10, 14, 0),
                "scheda con il periodo sbagliato (2022-Q3)"));
        d.add(resend(folder, "S_PRO", q, q, at(q, 1, 11, 9, 30), "scheda corretta dopo la segnalazione"));
        d.add(sheet(folder, "S_RF", q, at(q, 1, 11, 11, 0), "", UnaryOperator.identity()));
        d.add(sheet(folder, "S_RI", q, at(q, 1, 11, 16, 10), "", UnaryOperator.identity()));
        d.add(sheet(folder, "S_RM", q, at(q, 1, 12, 10, 45), "numero scritto male (12,3,4)",
                typo("OO_3.2.2", "N_ControlApparPagam", "12,3,4")));
        d.add(resend(folder, "S_RM", q, q, at(q, 1, 13, 9, 0), "scheda corretta dopo la segnalazione"));
        d.add(overrides(folder, at(q, 2, 10, 12, 0)));
        return d;
    }

    /** A unit's sheet for a quarter, its values edited by {@code edit}. */
    private Delivery sheet(Path folder, String unit, String quarter, LocalDateTime at, String note,
                           UnaryOperator<Map<IndicatorKey, String>> edit) {
        String file = "scheda_" + unit + "_" + quarter + ".xlsx";
        write(folder.resolve(file), unit, quarter, quarter, at, edit.apply(valuesOf(unit, quarter)));
        return new Delivery(file, at, note);
    }

    /** A unit's sheet with the values of {@code quarter} but the header of {@code declared}. */
    private Delivery sheetFor(Path folder, String unit, String quarter, String declared, String file,
                              LocalDateTime at, String note) {
        write(folder.resolve(file), unit, quarter, declared, at, valuesOf(unit, quarter));
        return new Delivery(file, at, note);
    }

    /** The corrected sheet an office sends again after its first one was rejected. */
    private Delivery resend(Path folder, String unit, String quarter, String declared, LocalDateTime at,
                            String note) {
        String file = "scheda_" + unit + "_" + quarter + " (corretta).xlsx";
        write(folder.resolve(file), unit, quarter, declared, at, valuesOf(unit, quarter));
        return new Delivery(file, at, note);
    }

    private static Delivery copy(Path folder, Delivery original, String file, LocalDateTime at, String note) {
        try {
            Files.copy(folder.resolve(original.file()), folder.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Delivery(file, at, note);
    }

    private UnaryOperator<Map<IndicatorKey, String>> typo(String objective, String code, String typed) {
        IndicatorKey key = new IndicatorKey(objective, code, 1);
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("no indicator " + key);
        }
        return map -> {
            map.put(key, typed);
            return map;
        };
    }

    /**
     * The values a template's holder fills in. The templates route an indicator to its responsible
     * unit, to every unit its operational objective involves, else to its cruscotto, else to ENTE;
     * a value is typed once, by the responsible unit or else the first unit involved.
     */
    private Map<IndicatorKey, String> valuesOf(String unit, String quarter) {
        Map<IndicatorKey, String> result = new LinkedHashMap<>();
        for (Indicator indicator : plan.indicators()) {
            if (holder(indicator).equals(unit)) {
                result.put(indicator.key(), values.get(indicator.key()).get(quarter));
            }
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("no indicator for unit " + unit);
        }
        return result;
    }

    private String holder(Indicator indicator) {
        if (indicator.responsibleUnitCode() != null) {
            return indicator.responsibleUnitCode();
        }
        return plan.operationalObjectives().stream().filter(o -> o.code().equals(indicator.objectiveCode()))
                .flatMap(o -> o.unitCodes().stream()).findFirst()
                .orElse(plan.scorecards().stream().anyMatch(s -> s.code().equals(indicator.objectiveCode()))
                        ? indicator.objectiveCode() : "ENTE");
    }

    private void write(Path file, String unit, String quarter, String declared, LocalDateTime at,
                       Map<IndicatorKey, String> rows) {
        Period period = Period.parse(declared);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Rilevazione");
            String[][] header = {
                {"Ente", ENTE},
                {"Unità organizzativa", plan.findUnit(unit).map(u -> u.name()).orElse(unit)},
                {"Periodo", period.code()},
                {"Data di riferimento", period.referenceDate().format(DAY)},
                {"Compilato da", COMPILERS.get(unit)},
                {"Data compilazione", at.format(DAY)}};
            int r = 0;
            for (String[] line : header) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line[0]);
                row.createCell(1).setCellValue(line[1]);
            }
            r++;
            String[] titles = {"Codice obiettivo", "Obiettivo", "Codice indicatore", "Indicatore",
                "Unità di misura", "Target", "Consuntivo", "Note"};
            Row head = sheet.createRow(r++);
            for (int c = 0; c < titles.length; c++) {
                head.createCell(c).setCellValue(titles[c]);
            }
            for (Map.Entry<IndicatorKey, String> value : rows.entrySet()) {
                Indicator indicator = plan.indicators().stream().filter(i -> i.key().equals(value.getKey()))
                        .findFirst().orElseThrow();
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(indicator.objectiveCode());
                row.createCell(1).setCellValue(objectiveName(indicator.objectiveCode()));
                row.createCell(2).setCellValue(indicator.code());
                row.createCell(3).setCellValue(indicator.name());
                row.createCell(4).setCellValue(indicator.unit().label());
                row.createCell(5).setCellValue(indicator.target().raw());
                actual(row, 6, value.getValue());
                String note = quarter.equals("2022-Q4") ? null : notes.get(value.getKey());
                if (note != null && !note.isEmpty()) {
                    row.createCell(7).setCellValue(note);
                }
            }
            for (int c = 0; c < titles.length; c++) {
                sheet.setColumnWidth(c, (c == 1 || c == 3 ? 50 : 16) * 256);
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain count as offices type it in Excel is a number cell; anything else is text as typed. */
    private static void actual(Row row, int column, String value) {
        if (value.matches("\\d+(,\\d+)?")) {
            row.createCell(column).setCellValue(ItalianNumberParser.parse(value).orElseThrow().doubleValue());
        } else {
            row.createCell(column).setCellValue(value);
        }
    }

    private String objectiveName(String code) {
        return plan.strategicObjectives().stream().filter(o -> o.code().equals(code)).map(o -> o.description())
                .findFirst().or(() -> plan.operationalObjectives().stream().filter(o -> o.code().equals(code))
                        .map(o -> o.description()).findFirst())
                .or(() -> plan.scorecards().stream().filter(s -> s.code().equals(code))
                        .map(s -> "Obiettivi individuali – " + s.dirigente() + ", " + s.role()).findFirst())
                .orElse(code);
    }

    /** The OIV's override at year end (FORMATS.md §3): Az_positive, which the report says was raised. */
    private static Delivery overrides(Path folder, LocalDateTime at) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
             OutputStream out = Files.newOutputStream(folder.resolve(OVERRIDES_FILE))) {
            Sheet sheet = workbook.createSheet("Rettifiche");
            String[][] rows = {
                {"Periodo", "Codice obiettivo", "Codice indicatore", "Livello", "Motivazione", "Autore", "Data"},
                {"2022-Q4", "OO_2.1.1", "Az_positive", "100 %",
                    "Valore misurato 91 %, portato al 100 % con decisione del Dirigente (Relazione 2022):"
                            + " l'OIV conferma il raggiungimento pieno", "OIV", at.format(DAY)}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Delivery(OVERRIDES_FILE, at, "rettifica dell'OIV a fine anno");
    }

    private static LocalDateTime at(String quarter, int month, int day, int hour, int minute) {
        // A quarter's sheets arrive in the month after its end (the year end in the next January).
        int year = quarter.equals("2022-Q4") ? 2023 : 2022;
        return LocalDateTime.of(year, month, day, hour, minute);
    }

    private void readInterimValues() {
        try {
            List<String> lines = Files.readAllLines(Path.of("src/test/resources/demo/valori-2022.tsv"),
                    StandardCharsets.UTF_8);
            List<String> header = List.of(lines.get(0).split("\t", -1));
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                IndicatorKey key = new IndicatorKey(cells[0], cells[1], 1);
                Map<String, String> byQuarter = new LinkedHashMap<>();
                for (String quarter : QUARTERS.subList(0, 3)) {
                    byQuarter.put(quarter, cells[header.indexOf(quarter)]);
                }
                values.put(key, byQuarter);
                notes.put(key, cells[header.indexOf("Nota")]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (values.size() != plan.indicators().size()) {
            throw new IllegalStateException("valori-2022.tsv has " + values.size() + " indicators, the plan "
                    + plan.indicators().size());
        }
    }
}
