package it.pa.monitor.scoring;

import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.Periodicity;
import it.pa.monitor.values.ActualKind;
import it.pa.monitor.values.ActualValue;
import it.pa.monitor.values.ItalianFormat;
import it.pa.monitor.values.Operator;
import it.pa.monitor.values.Target;
import it.pa.monitor.values.UnitOfMeasure;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The achievement of one indicator (METHOD.md, "Indicator achievement"), as a pure function. */
public final class IndicatorScorer {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final MathContext MC = MathContext.DECIMAL128;

    private final Methodology methodology;

    public IndicatorScorer(Methodology methodology) {
        this.methodology = methodology;
    }

    /**
     * Scores the indicator for the period.
     *
     * @param actual   the value reported, or null when none was
     * @param override the OIV override for this indicator and period, or null
     */
    public IndicatorResult score(Indicator indicator, ActualValue actual, OverrideDecision override,
                                 ScoringContext context) {
        IndicatorResult computed = compute(indicator, actual, context);
        if (override == null) {
            return computed;
        }
        String note = "rettifica OIV" + (override.author() == null ? "" : " (" + override.author() + ")") + ": "
                + override.motivation();
        if (override.notAssessable()) {
            return new IndicatorResult(indicator.key(), indicator.weight(), IndicatorStatus.EXCLUDED, null,
                    computed.effectiveTarget(), "rettifica OIV: non valutabile", computed.deviation(), note);
        }
        return new IndicatorResult(indicator.key(), indicator.weight(), IndicatorStatus.OVERRIDDEN, override.level(),
                computed.effectiveTarget(), "rettifica OIV: " + percent(override.level()), computed.deviation(), note);
    }

    private IndicatorResult compute(Indicator indicator, ActualValue actual, ScoringContext context) {
        if (indicator.monitoringOnly()) {
            return notCounted(indicator, IndicatorStatus.MONITORING, "solo monitoraggio (peso 0, nessun target):"
                    + " valore raccolto, non valutato", null);
        }
        Target target = indicator.target();
        ActualKind kind = actual == null ? ActualKind.EMPTY : actual.kind();
        switch (kind) {
            case EMPTY:
                return notReported(indicator, context);
            case INVALID:
                return notCounted(indicator, IndicatorStatus.NOT_SCORABLE, "valore non valido", actual.problem());
            case NOT_COMPUTABLE:
                if (methodology.nc() == Methodology.NotComputable.ZERO) {
                    return scored(indicator, BigDecimal.ZERO, null, "N.C. vale 0 (nc = ZERO)", null);
                }
                return notCounted(indicator, IndicatorStatus.EXCLUDED, "N.C.: escluso, pesi ridistribuiti", null);
            default:
                break;
        }
        return switch (target.kind()) {
            case NUMERIC -> numeric(indicator, actual, context);
            case DEADLINE -> deadline(indicator, actual, context);
            case YES_NO -> yesNo(indicator, actual, context);
            case NOT_AVAILABLE -> notCounted(indicator, IndicatorStatus.NOT_SCORABLE, "target non definito",
                    "il piano non fissa un target («" + target.raw() + "»)");
            case UNPARSEABLE -> notCounted(indicator, IndicatorStatus.NOT_SCORABLE, "target non interpretabile",
                    target.problem());
        };
    }

    private IndicatorResult notReported(Indicator indicator, ScoringContext context) {
        Target target = indicator.target();
        if (target.deadline() != null && context.referenceDate().isBefore(target.deadline())) {
            return notCounted(indicator, IndicatorStatus.IN_CORSO, "scadenza " + italianDate(target.deadline())
                    + " non ancora raggiunta", null);
        }
        if (!isDue(indicator, context)) {
            return notCounted(indicator, IndicatorStatus.NOT_DUE, "periodicità " + indicator.periodicity(), null);
        }
        return notCounted(indicator, IndicatorStatus.NOT_REPORTED, "valore non rilevato", null);
    }

    /** An indicator monitored every n months is due when the period ends on one of its dates. */
    private static boolean isDue(Indicator indicator, ScoringContext context) {
        if (indicator.periodicity() == null) {
            return true;
        }
        int months = switch (Periodicity.fromText(indicator.periodicity()).orElse(Periodicity.TRIMESTRALE)) {
            case TRIMESTRALE -> 3;
            case QUADRIMESTRALE -> 4;
            case SEMESTRALE -> 6;
            case ANNUALE -> 12;
        };
        return context.elapsedMonths() % months == 0;
    }

    private IndicatorResult numeric(Indicator indicator, ActualValue actual, ScoringContext context) {
        if (actual.kind() != ActualKind.NUMBER) {
            return notCounted(indicator, IndicatorStatus.NOT_SCORABLE, "valore non numerico",
                    "il target è numerico ma il valore «" + actual.raw() + "» non è un numero");
        }
        Target target = indicator.target();
        PercentScale.Scaled scaled = PercentScale.scale(actual.number(), actual.unit(), target.value(), target.unit(),
                methodology.percentValues());
        BigDecimal t = scaled.target();
        String proRata = scaled.note();
        if (indicator.cumulative() && !context.yearEnd()) {
            t = t.multiply(context.elapsedFraction(), MC);
            proRata += " (target pro rata " + context.elapsedMonths() + "/12)";
        }
        BigDecimal effectiveTarget = t;
        BigDecimal a = scaled.actual();
        Operator op = target.operator() == Operator.EQ ? Operator.GE : target.operator();
        String deviation = Deviation.of(a.subtract(t), scaled.note().isEmpty() ? unit(indicator, actual)
                : UnitOfMeasure.PERCENT);
        if (t.signum() < 0) {
            // Ratios of negative numbers invert their meaning: mirror both around zero and flip the
            // direction, so "≤ -15 %" met with -33,84 % reads as "≥ 15 %" met with 33,84 %.
            a = a.negate();
            t = t.negate();
            op = flip(op);
            proRata += " (target negativo: segni invertiti)";
        }
        if (t.signum() == 0) {
            // No ratio against zero: the value is either on the right side of 0 or not.
            boolean met = switch (target.operator()) {
                case GE -> a.signum() >= 0;
                case GT -> a.signum() > 0;
                case LE -> a.signum() <= 0;
                case LT -> a.signum() < 0;
                case EQ -> a.signum() == 0;
            };
            return scored(indicator, met ? HUNDRED : BigDecimal.ZERO, effectiveTarget, "target 0: "
                    + (met ? "rispettato" : "non rispettato") + proRata, deviation);
        }
        boolean higherIsBetter = op == Operator.GE || op == Operator.GT;
        if (higherIsBetter) {
            return scored(indicator, Quotient.of(a, t).multiply(HUNDRED), effectiveTarget, "a / t" + proRata, deviation);
        }
        if (methodology.formulaMinore() == Methodology.LowerIsBetter.INVERSE) {
            if (a.signum() <= 0) {
                return scored(indicator, methodology.cap() == null ? HUNDRED : methodology.cap(), effectiveTarget,
                        "t / a con a ≤ 0: massimo" + proRata, deviation);
            }
            return scored(indicator, Quotient.of(t, a).multiply(HUNDRED), effectiveTarget, "t / a" + proRata, deviation);
        }
        return scored(indicator, TWO.subtract(Quotient.of(a, t)).multiply(HUNDRED), effectiveTarget, "2 − a / t" + proRata,
                deviation);
    }

    private static Operator flip(Operator op) {
        return switch (op) {
            case GE -> Operator.LE;
            case GT -> Operator.LT;
            case LE -> Operator.GE;
            case LT -> Operator.GT;
            case EQ -> Operator.EQ;
        };
    }

    private IndicatorResult deadline(Indicator indicator, ActualValue actual, ScoringContext context) {
        LocalDate deadline = indicator.target().deadline();
        if (notHappenedYet(actual, context)) {
            // METHOD.md "Interim periods": a date after the reference date is the planned one, not done yet.
            if (context.referenceDate().isBefore(deadline)) {
                return notCounted(indicator, IndicatorStatus.IN_CORSO, "scadenza " + italianDate(deadline)
                        + " non ancora raggiunta; " + afterReference(actual, context), null);
            }
            return scored(indicator, BigDecimal.ZERO, null, "non realizzato: " + afterReference(actual, context), null);
        }
        switch (actual.kind()) {
            case DATE: {
                long late = ChronoUnit.DAYS.between(deadline, actual.date());
                String deviation = Deviation.days(late);
                if (late <= 0) {
                    return scored(indicator, HUNDRED, null, "realizzato entro il termine", deviation);
                }
                if (methodology.anyDelayIsZero()) {
                    return scored(indicator, BigDecimal.ZERO, null, "ritardo " + late + " gg: 0 (penalita_giorno = ZERO)",
                            deviation);
                }
                BigDecimal penalty = methodology.penaltyPerDay().multiply(BigDecimal.valueOf(late));
                return scored(indicator, HUNDRED.subtract(penalty), null, "ritardo " + late + " gg × "
                        + methodology.penaltyPerDay().stripTrailingZeros().toPlainString() + " punti", deviation);
            }
            case YES:
                return scored(indicator, HUNDRED, null, "realizzato (data non indicata)", null);
            case NO:
                if (context.referenceDate().isBefore(deadline)) {
                    return notCounted(indicator, IndicatorStatus.IN_CORSO, "scadenza " + italianDate(deadline)
                            + " non ancora raggiunta", null);
                }
                return scored(indicator, BigDecimal.ZERO, null, "non realizzato", null);
            case NUMBER:
                if (actual.unit() == UnitOfMeasure.PERCENT) {
                    return scored(indicator, actual.number(), null, "percentuale di realizzazione", null);
                }
                // fall through: a plain number cannot say whether a deadline was met
            default:
                return notCounted(indicator, IndicatorStatus.NOT_SCORABLE, "valore non valido per una scadenza",
                        "il target è una scadenza ma il valore «" + actual.raw() + "» non è una data");
        }
    }

    private IndicatorResult yesNo(Indicator indicator, ActualValue actual, ScoringContext context) {
        if (notHappenedYet(actual, context)) {
            return scored(indicator, BigDecimal.ZERO, null, "non realizzato: " + afterReference(actual, context), null);
        }
        return switch (actual.kind()) {
            case YES -> scored(indicator, HUNDRED, null, "realizzato", null);
            case DATE -> scored(indicator, HUNDRED, null, "realizzato il " + italianDate(actual.date()), null);
            case NO -> scored(indicator, BigDecimal.ZERO, null, "non realizzato", null);
            case NUMBER -> actual.unit() == UnitOfMeasure.PERCENT
                    ? scored(indicator, actual.number(), null, "percentuale di realizzazione", null)
                    : notCounted(indicator, IndicatorStatus.NOT_SCORABLE, "valore non valido per sì/no",
                    "il target è sì/no ma il valore «" + actual.raw() + "» è un numero senza %");
            default -> notCounted(indicator, IndicatorStatus.NOT_SCORABLE, "valore non valido per sì/no",
                    "valore «" + actual.raw() + "» non valido");
        };
    }

    /** Before the year end, a completion date after the reference date has not happened yet. */
    private static boolean notHappenedYet(ActualValue actual, ScoringContext context) {
        return !context.yearEnd() && actual.kind() == ActualKind.DATE && actual.date().isAfter(context.referenceDate());
    }

    private static String afterReference(ActualValue actual, ScoringContext context) {
        return "data " + italianDate(actual.date()) + " successiva alla data di riferimento "
                + italianDate(context.referenceDate());
    }

    private IndicatorResult scored(Indicator indicator, BigDecimal raw, BigDecimal effectiveTarget, String rule,
                                   String deviation) {
        BigDecimal achievement = raw.max(BigDecimal.ZERO);
        String clamp = "";
        if (methodology.cap() != null && achievement.compareTo(methodology.cap()) > 0) {
            achievement = methodology.cap();
            clamp = ", limitato a " + percent(methodology.cap());
        } else if (raw.signum() < 0) {
            clamp = ", limitato a 0";
        }
        return new IndicatorResult(indicator.key(), indicator.weight(), IndicatorStatus.SCORED, achievement,
                effectiveTarget, rule + clamp, deviation, null);
    }

    private static IndicatorResult notCounted(Indicator indicator, IndicatorStatus status, String rule, String note) {
        return IndicatorResult.notCounted(indicator.key(), indicator.weight(), status, rule, note);
    }

    private static UnitOfMeasure unit(Indicator indicator, ActualValue actual) {
        if (indicator.unit() != null) {
            return indicator.unit();
        }
        return indicator.target().unit() != null ? indicator.target().unit() : actual.unit();
    }

    static String percent(BigDecimal value) {
        return ItalianFormat.percentInText(value);
    }

    private static String italianDate(LocalDate date) {
        return ItalianFormat.date(date);
    }
}
