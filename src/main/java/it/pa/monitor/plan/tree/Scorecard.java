package it.pa.monitor.plan.tree;

import java.util.List;

/** A dirigente's individual scorecard (cruscotto) and its weighted rows. */
public record Scorecard(String code, String dirigente, String role, List<ScorecardRow> rows, int rowNo) {

    public Scorecard {
        rows = List.copyOf(rows);
    }
}
