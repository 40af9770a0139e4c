package it.pa.monitor.plan.tree;

/** A PIRA line: missione and programma, the objective and one of its indicators. */
public record PiraLink(CodedLabel missione, CodedLabel programma, String objectiveCode, IndicatorKey indicator,
                       int rowNo) {
}
