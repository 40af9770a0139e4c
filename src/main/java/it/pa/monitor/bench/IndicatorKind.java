package it.pa.monitor.bench;

/** The kinds of target the generator writes, each with its unit of measure in the plan. */
enum IndicatorKind {
    NUMBER, DAYS, PERCENT, DEADLINE, YES_NO
}
