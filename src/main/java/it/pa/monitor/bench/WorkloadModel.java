package it.pa.monitor.bench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The generated plan, computed unit by unit from the seed so that the plan writer and the monitoring workbooks
 * never need the whole plan in memory: the same unit index always yields the same indicators.
 */
final class WorkloadModel {

    private static final String[] AREA_NAMES = {"Segretario Generale", "Anagrafe e Regolazione del mercato",
            "Promozione e Sviluppo", "Servizi di supporto", "Affari economico-finanziari"};
    private static final String[] OFFICE_NAMES = {"Ufficio Registro imprese", "Ufficio Protocollo",
            "Ufficio Diritto annuale", "Ufficio Metrologia legale", "Ufficio Provveditorato",
            "Ufficio Promozione", "Ufficio Risorse umane", "Ufficio Ragioneria", "Ufficio Brevetti e marchi",
            "Ufficio Sanzioni", "Ufficio Statistica e prezzi", "Ufficio Ambiente", "Ufficio Conciliazione",
            "Ufficio Comunicazione", "Ufficio Artigianato"};
    private static final String[] NUMBER_NAMES = {"Numero di pratiche evase", "Imprese coinvolte nelle iniziative",
            "Verifiche metriche effettuate", "Partecipanti agli eventi formativi", "Controlli sulle dichiarazioni"};
    private static final String[] DAYS_NAMES = {"Tempo medio di evasione delle pratiche",
            "Tempi medi di pagamento delle fatture", "Giorni medi di lavorazione delle istanze"};
    private static final String[] PERCENT_NAMES = {"Percentuale di pratiche evase entro 5 giorni",
            "Grado di riscossione del diritto annuale", "Tasso di soddisfazione degli utenti",
            "Quota di istanze telematiche"};
    private static final String[] DEADLINE_NAMES = {"Approvazione del regolamento", "Avvio del nuovo servizio",
            "Pubblicazione del bando", "Completamento della migrazione"};
    private static final String[] YES_NO_NAMES = {"Realizzazione dell'indagine di customer satisfaction",
            "Adozione della carta dei servizi", "Aggiornamento della sezione Amministrazione trasparente"};

    private static final DateTimeFormatter SLASHES = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DASHES = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final WorkloadSpec spec;

    WorkloadModel(WorkloadSpec spec) {
        this.spec = spec;
    }

    WorkloadSpec spec() {
        return spec;
    }

    String areaCode(int area) {
        return String.format("A%03d", area + 1);
    }

    String areaName(int area) {
        return "Area " + AREA_NAMES[area % AREA_NAMES.length] + " " + (area + 1);
    }

    int ambitoOf(int area) {
        return area % spec.ambiti();
    }

    String ambitoCode(int ambito) {
        return String.format("AS_%02d", ambito + 1);
    }

    String strategicObjective(int area) {
        return String.format("OS_%02d.%02d", ambitoOf(area) + 1, area / spec.ambiti() + 1);
    }

    /** Strategic objectives (= areas) under an ambito. */
    int strategicObjectivesIn(int ambito) {
        int areas = spec.areas();
        return areas / spec.ambiti() + (ambito < areas % spec.ambiti() ? 1 : 0);
    }

    int unitsIn(int area) {
        return Math.min(WorkloadSpec.UNITS_PER_AREA, spec.units() - area * WorkloadSpec.UNITS_PER_AREA);
    }

    GeneratedUnit unit(int index) {
        int area = index / WorkloadSpec.UNITS_PER_AREA;
        String os = strategicObjective(area);
        String oo = "OO" + os.substring(2) + String.format(".%02d", index % WorkloadSpec.UNITS_PER_AREA + 1);
        return new GeneratedUnit(index, String.format("U%04d", index + 1),
                OFFICE_NAMES[index % OFFICE_NAMES.length] + " " + (index + 1), area, areaCode(area), os, oo);
    }

    /** The indicators an ufficio answers for, all under its operational objective. */
    List<GeneratedIndicator> indicators(GeneratedUnit unit) {
        SplittableRandom random = random(unit.index(), 1);
        List<GeneratedIndicator> indicators = new ArrayList<>(spec.indicators());
        for (int i = 0; i < spec.indicators(); i++) {
            indicators.add(indicator(unit.operationalObjective(), String.format("IND_%02d", i + 1), random));
        }
        return indicators;
    }

    /** A random source for one unit and one purpose (1 = plan, 2 = values), independent of the others. */
    SplittableRandom random(int unit, int purpose) {
        return new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + purpose * 0xBF58476D1CE4E5B9L + unit);
    }

    private static GeneratedIndicator indicator(String objective, String code, SplittableRandom random) {
        int roll = random.nextInt(100);
        int form = random.nextInt(3);
        if (roll < 35) {
            int target = (10 + random.nextInt(990)) * (random.nextInt(4) == 0 ? 100 : 1);
            String text = switch (form) {
                case 0 -> "≥ " + String.format(Locale.ITALY, "%,d", target) + " N.";
                case 1 -> ">= " + target;
                default -> "> " + String.format(Locale.ITALY, "%,.2f", (double) target) + " N.";
            };
            return new GeneratedIndicator(objective, code, pick(NUMBER_NAMES, random), IndicatorKind.NUMBER, "N.",
                    text, target);
        }
        if (roll < 50) {
            double target = (100 + random.nextInt(2900)) / 100.0;
            String text = form == 0 ? "<= " + String.format(Locale.ITALY, "%.1f", target)
                    : "≤ " + String.format(Locale.ITALY, "%.2f", target) + " gg";
            return new GeneratedIndicator(objective, code, pick(DAYS_NAMES, random), IndicatorKind.DAYS, "gg", text,
                    Double.parseDouble(String.format(Locale.ROOT, form == 0 ? "%.1f" : "%.2f", target)));
        }
        if (roll < 78) {
            int target = 80 + 5 * random.nextInt(5);
            String text = form == 0 ? ">= " + target + "%" : "≥ " + target + ",00 %";
            return new GeneratedIndicator(objective, code, pick(PERCENT_NAMES, random), IndicatorKind.PERCENT, "%",
                    text, target);
        }
        if (roll < 90) {
            LocalDate deadline = LocalDate.of(WorkloadSpec.YEAR, 3, 31).plusDays(random.nextInt(250));
            return new GeneratedIndicator(objective, code, pick(DEADLINE_NAMES, random), IndicatorKind.DEADLINE,
                    "data", "Entro " + italian(deadline), deadline.toEpochDay());
        }
        return new GeneratedIndicator(objective, code, pick(YES_NO_NAMES, random), IndicatorKind.YES_NO, "si/no",
                form == 0 ? "SI/NO" : "= sì", 1);
    }

    private static String pick(String[] names, SplittableRandom random) {
        return names[random.nextInt(names.length)];
    }


    /** A date as offices type it: 30/06/2025. */
    static String italian(LocalDate date) {
        return SLASHES.format(date);
    }

    /** A date typed with dashes: 30-06-2025. */
    static String italianWithDashes(LocalDate date) {
        return DASHES.format(date);
    }

    /** The kinds of target the generator writes, each with its unit of measure in the plan. */
    enum IndicatorKind {
        NUMBER, DAYS, PERCENT, DEADLINE, YES_NO
    }

    /** One indicator of the generated plan, as written in the {@code Indicatori} sheet. */
    record GeneratedIndicator(String objective, String code, String name, IndicatorKind kind, String unitOfMeasure,
            String target, double targetValue) {
    }

    /** One ufficio of the generated plan with the codes of its area, strategic and operational objective. */
    record GeneratedUnit(int index, String code, String name, int area, String areaCode, String strategicObjective,
            String operationalObjective) {
    }
}
