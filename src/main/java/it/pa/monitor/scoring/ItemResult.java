package it.pa.monitor.scoring;

import it.pa.monitor.plan.tree.Level;
import java.math.BigDecimal;

/**
 * The result of an aggregate: the ente, an ambito, an objective, a unit or a scorecard, with the
 * rule that produced it; {@code achievement} is null when nothing below it could be scored.
 */
public record ItemResult(Level level, String code, String parentCode, BigDecimal weight, BigDecimal achievement,
                         String rule) {
}
