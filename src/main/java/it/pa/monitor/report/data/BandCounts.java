package it.pa.monitor.report.data;

import it.pa.monitor.plan.Band;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.plan.Methodology;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Sintesi's "obiettivi operativi per fascia di risultato": how many operational objectives fall in
 * each band, by the same rule as the traffic lights; those without a result are not counted.
 */
public record BandCounts(int achieved, int partial, int notAchieved, int withoutResult, BigDecimal upper,
                  BigDecimal lower) {

    /** One row of the table: its label, the count and its share of the counted objectives (points). */
    public record Row(String label, int count, BigDecimal share, boolean total) {
    }

    public static BandCounts of(Methodology methodology, List<ItemResult> operational) {
        int[] counts = new int[Band.values().length];
        int without = 0;
        for (ItemResult oo : operational) {
            Band band = methodology.band(oo.achievement());
            if (band == null) {
                without++;
            } else {
                counts[band.ordinal()]++;
            }
        }
        return new BandCounts(counts[Band.RAGGIUNTO.ordinal()], counts[Band.PARZIALMENTE_RAGGIUNTO.ordinal()],
                counts[Band.NON_RAGGIUNTO.ordinal()], without,
                methodology.thresholdAchieved().subtract(methodology.tolerance()),
                methodology.thresholdNotAchieved().subtract(methodology.tolerance()));
    }

    public int withResult() {
        return achieved + partial + notAchieved;
    }

    /** The three bands and the total, labelled as the Relazione prints them. */
    public List<Row> rows() {
        String prefix = "Obiettivi operativi con risultato ";
        return List.of(
                row(prefix + "superiore " + withArticle(upper, true), achieved, false),
                row(prefix + "tra " + withArticle(lower, false) + " e " + withArticle(upper, false), partial, false),
                row(prefix + "inferiore " + withArticle(lower, true), notAchieved, false),
                row("Totale", withResult(), true));
    }

    private Row row(String label, int count, boolean total) {
        BigDecimal share = withResult() == 0 ? null
                : BigDecimal.valueOf(100L * count).divide(BigDecimal.valueOf(withResult()), MathContext.DECIMAL64);
        return new Row(label, count, share, total);
    }

    /** A threshold in points as Italian text after "al" ({@code true}: "al 90%", "all'80%") or "il" ("il 50%", "l'80%"). */
    public static String withArticle(BigDecimal points, boolean al) {
        String number = points.stripTrailingZeros().toPlainString().replace('.', ',');
        String whole = number.contains(",") ? number.substring(0, number.indexOf(',')) : number;
        // Italian elides the article before a vowel: otto, ottanta, ottocento, uno, undici.
        boolean vowel = whole.startsWith("8") || whole.equals("1") || whole.equals("11");
        String article = vowel ? (al ? "all'" : "l'") : (al ? "al " : "il ");
        return article + number + "%";
    }
}
