package it.pa.monitor.results;

import it.pa.monitor.problem.Problem;
import java.util.List;
import java.util.function.Consumer;

/**
 * Problems of a period's files, handed over one at a time as the database reads them: a period of thousands of
 * files may hold hundreds of thousands (each file keeps up to {@link it.pa.monitor.problem.Problems#MAX_PER_SHEET}),
 * more than the memory holds at once.
 */
@FunctionalInterface
public interface FileIssues {

    /** Hands every problem to {@code each}, in their order. */
    void forEach(Consumer<Problem> each);

    /** Problems already in memory. */
    static FileIssues of(List<Problem> problems) {
        List<Problem> copy = List.copyOf(problems);
        return copy::forEach;
    }
}
