package it.pa.monitor.plan;

import it.pa.monitor.values.JudgementScale;
import it.pa.monitor.values.PercentValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The body's scoring rules (METHOD.md): every parameter of the plan's {@code Metodologia} sheet
 * with its default. Achievements and thresholds are in percentage points (91.58 means 91,58 %).
 * Parsed once, when the plan is loaded ({@link it.pa.monitor.plan.load.PlanAssembler}, which reports unreadable values
 * with their cell); scoring and the report use this record through {@link Plan#methodology()}.
 *
 * @param parameters the sheet's parameters as written (name → value), stored with the plan
 */
public record Methodology(
        LowerIsBetter formulaMinore,
        BigDecimal penaltyPerDay,
        boolean anyDelayIsZero,
        BigDecimal cap,
        NotComputable nc,
        BigDecimal thresholdAchieved,
        BigDecimal thresholdNotAchieved,
        BigDecimal tolerance,
        Mean mean,
        StrategicSource strategicSource,
        BigDecimal indicatorShare,
        EnteRule ente,
        Mean unitMean,
        Rounding rounding,
        PercentValues percentValues,
        JudgementScale judgements,
        Map<String, String> parameters) {

    public Methodology {
        parameters = Map.copyOf(parameters);
    }

    /** How a lower-is-better indicator scores: {@code 2 − a/t} or {@code t/a}. */
    public enum LowerIsBetter { MIRROR, INVERSE }

    /** Whether N.C. values are left out (weights re-normalised) or count as zero. */
    public enum NotComputable { ESCLUDI, ZERO }

    /** Weighted (Σ m·p / Σ p) or simple mean. */
    public enum Mean { PONDERATA, SEMPLICE }

    /** What a strategic objective's result is made of. */
    public enum StrategicSource { INDICATORI, OPERATIVI, MISTO }

    /** How the ente's result comes from its ambiti. */
    public enum EnteRule { MEDIA_AMBITI, PONDERATA_AMBITI }

    /** How results are rounded for display (never for computing). */
    public enum Rounding {
        HALF_UP(RoundingMode.HALF_UP), TRONCA(RoundingMode.DOWN);

        private final RoundingMode mode;

        Rounding(RoundingMode mode) {
            this.mode = mode;
        }

        public RoundingMode mode() {
            return mode;
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** METHOD.md's defaults. */
    public static Methodology defaults() {
        return new Methodology(LowerIsBetter.MIRROR, BigDecimal.ONE, false, HUNDRED, NotComputable.ESCLUDI,
                BigDecimal.valueOf(90), BigDecimal.valueOf(50), BigDecimal.ZERO, Mean.PONDERATA,
                StrategicSource.INDICATORI, BigDecimal.valueOf(60), EnteRule.MEDIA_AMBITI, Mean.PONDERATA,
                Rounding.HALF_UP, PercentValues.COME_SCRITTI, null, Map.of());
    }

    /** As {@link #from(Map, BiConsumer)}, collecting the messages only. */
    public static Methodology from(Map<String, String> parameters, List<String> problems) {
        return from(parameters, (name, message) -> problems.add(message));
    }

    /**
     * The methodology of a plan's parameters; each unreadable parameter keeps its default and is
     * reported as (parameter name as written in {@code parameters}, Italian message).
     */
    public static Methodology from(Map<String, String> parameters, BiConsumer<String, String> problems) {
        Methodology m = defaults();
        Reader reader = new Reader(parameters, problems);
        LowerIsBetter formulaMinore = reader.choice("formula_minore", LowerIsBetter.class, m.formulaMinore);
        BigDecimal penalty = m.penaltyPerDay;
        boolean anyDelayZero = false;
        String penaltyText = reader.raw("penalita_giorno");
        if (penaltyText != null && penaltyText.strip().equalsIgnoreCase("ZERO")) {
            anyDelayZero = true;
        } else {
            penalty = reader.number("penalita_giorno", m.penaltyPerDay, false);
        }
        String capText = reader.raw("tetto");
        BigDecimal cap = capText != null && List.of("nessuno", "no", "none", "-").contains(
                capText.strip().toLowerCase(Locale.ROOT)) ? null : reader.number("tetto", m.cap, false);
        return new Methodology(formulaMinore, penalty, anyDelayZero, cap,
                reader.choice("nc", NotComputable.class, m.nc),
                reader.number("soglia_raggiunto", m.thresholdAchieved, false),
                reader.number("soglia_non_raggiunto", m.thresholdNotAchieved, false),
                reader.number("tolleranza", m.tolerance, false),
                reader.choice("media", Mean.class, m.mean),
                reader.choice("os_da", StrategicSource.class, m.strategicSource),
                reader.number("quota_indicatori", m.indicatorShare, true),
                reader.choice("ente", EnteRule.class, m.ente),
                reader.choice("unita", Mean.class, m.unitMean),
                reader.choice("arrotondamento", Rounding.class, m.rounding),
                reader.choice("valori_percentuali", PercentValues.class, m.percentValues, PercentValues::fromText),
                reader.judgements("giudizi"),
                parameters);
    }

    /** The ente's judgement label for a result, judged on the figure as displayed; empty without {@code giudizi}. */
    public Optional<String> judgement(BigDecimal achievement) {
        return judgements == null || achievement == null ? Optional.empty() : judgements.label(display(achievement));
    }

    /** The band of a result; the tolerance lowers the thresholds for the label only. */
    public Band band(BigDecimal achievement) {
        if (achievement == null) {
            return null;
        }
        BigDecimal shifted = achievement.add(tolerance);
        if (shifted.compareTo(thresholdAchieved) >= 0) {
            return Band.RAGGIUNTO;
        }
        return shifted.compareTo(thresholdNotAchieved) >= 0 ? Band.PARZIALMENTE_RAGGIUNTO : Band.NON_RAGGIUNTO;
    }

    /** The result as published: two decimals, half-up or truncated. */
    public BigDecimal display(BigDecimal achievement) {
        return achievement == null ? null : achievement.setScale(2, rounding.mode());
    }

    /** Reads parameters by name, case-insensitively, reporting what it cannot read. */
    private record Reader(Map<String, String> parameters, BiConsumer<String, String> problems) {

        private Map.Entry<String, String> entry(String name) {
            return parameters.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().orElse(null);
        }

        String raw(String name) {
            Map.Entry<String, String> entry = entry(name);
            return entry == null ? null : entry.getValue();
        }

        private void problem(String name, String message) {
            problems.accept(entry(name).getKey(), message);
        }

        JudgementScale judgements(String name) {
            String text = raw(name);
            if (text == null) {
                return null;
            }
            Optional<JudgementScale> scale = JudgementScale.parse(text);
            if (scale.isEmpty()) {
                problem(name, "parametro «" + name + "»: valore «" + text + "» non leggibile, nessun giudizio sarà"
                        + " mostrato (scrivere soglie minime ed etichette separate da «;», ad esempio «91 Eccellente;"
                        + " 81 Più che adeguato; 0 Non adeguato»)");
            }
            return scale.orElse(null);
        }

        <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
            return choice(name, type, fallback, t -> {
                for (E e : type.getEnumConstants()) {
                    if (e.name().equalsIgnoreCase(t.strip())) {
                        return Optional.of(e);
                    }
                }
                return Optional.empty();
            });
        }

        <E extends Enum<E>> E choice(String name, Class<E> type, E fallback, Function<String, Optional<E>> lookup) {
            String text = raw(name);
            if (text == null) {
                return fallback;
            }
            return lookup.apply(text).orElseGet(() -> {
                List<String> allowed = new ArrayList<>();
                for (E e : type.getEnumConstants()) {
                    allowed.add(e.name());
                }
                problem(name, "parametro «" + name + "»: valore «" + text + "» non riconosciuto, si usa "
                        + fallback.name() + " (valori ammessi: " + String.join(", ", allowed) + ")");
                return fallback;
            });
        }

        BigDecimal number(String name, BigDecimal fallback, boolean percentOnly) {
            String text = raw(name);
            if (text == null) {
                return fallback;
            }
            String plain = text.strip().replace("%", "").strip().replace(',', '.');
            try {
                BigDecimal value = new BigDecimal(plain);
                if (value.signum() < 0 || (percentOnly && value.compareTo(HUNDRED) > 0)) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                problem(name, "parametro «" + name + "»: valore «" + text + "» non valido, si usa "
                        + (fallback == null ? "nessuno" : fallback.toPlainString()));
                return fallback;
            }
        }
    }
}
