package it.pa.monitor.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The problems kept for one file: a bounded number, the errors first, and one line saying how many more there were. */
public final class Problems {

    /** The most problems kept for a monitoring sheet or an overrides file: one per row of a real sheet, and more. */
    public static final int MAX_PER_SHEET = 200;
    /** The most problems kept for a plan, whose sheets hold thousands of rows. */
    public static final int MAX_PER_PLAN = 5_000;

    /** The start of the line {@link #capped} adds, and the figures it gives, as {@link #errors} reads them back. */
    private static final Pattern COUNTED = Pattern.compile("^Il file ha ([0-9.]+) problemi \\(([0-9.]+) errori\\)");

    private Problems() {
    }

    /**
     * How many errors the file has, counting those {@link #capped} left out: the errors its last line counts, when
     * the list ends with that line (also as read back from the database), else the errors in the list.
     */
    public static long errors(List<Problem> problems) {
        if (!problems.isEmpty()) {
            Problem last = problems.get(problems.size() - 1);
            Matcher counted = last.sheet() == null && last.message() != null ? COUNTED.matcher(last.message()) : null;
            if (counted != null && counted.find()) {
                return Long.parseLong(counted.group(2).replace(".", ""));
            }
        }
        return problems.stream().filter(Problem::isError).count();
    }

    /**
     * {@code problems} when there are at most {@code max}; otherwise the first {@code max} in their order, every
     * error before any warning (an error decides the file's outcome), then one problem of the whole file counting
     * those left out, an error when an error is among them.
     */
    public static List<Problem> capped(List<Problem> problems, int max) {
        if (problems.size() <= max) {
            return problems;
        }
        long errors = problems.stream().filter(Problem::isError).count();
        long warningsShown = max - Math.min(errors, max);
        List<Problem> capped = new ArrayList<>(max + 1);
        long errorsShown = 0;
        long warnings = 0;
        for (Problem problem : problems) {
            if (problem.isError() ? errorsShown++ < max : warnings++ < warningsShown) {
                capped.add(problem);
            }
        }
        long errorsLeft = errors - Math.min(errors, max);
        int left = problems.size() - capped.size();
        String message = String.format(Locale.ITALY, "Il file ha %,d problemi (%,d errori): ne sono elencati %,d,"
                + " scelti prima tra gli errori; gli altri %,d%s non sono elencati. Tanti problemi vengono di solito da un file che non segue"
                + " il modello: correggere quelli elencati, controllare il resto del foglio e inviare di nuovo il file.",
                problems.size(), errors, capped.size(), left,
                errorsLeft == 0 ? " (tutti avvisi)" : String.format(Locale.ITALY, " (di cui %,d errori)", errorsLeft));
        String file = problems.get(0).file();
        Problem summary = errorsLeft > 0 ? Problem.fileError(message)
                : new Problem(Severity.AVVISO, null, null, null, null, null, null, message);
        capped.add(file == null ? summary : summary.inFile(file));
        return capped;
    }
}
