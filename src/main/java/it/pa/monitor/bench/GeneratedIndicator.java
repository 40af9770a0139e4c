package it.pa.monitor.bench;

/** One indicator of the generated plan, as written in the {@code Indicatori} sheet. */
record GeneratedIndicator(String objective, String code, String name, IndicatorKind kind, String unitOfMeasure,
        String target, double targetValue) {
}
