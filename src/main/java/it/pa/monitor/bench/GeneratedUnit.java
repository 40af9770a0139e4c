package it.pa.monitor.bench;

/** One ufficio of the generated plan with the codes of its area, strategic and operational objective. */
record GeneratedUnit(int index, String code, String name, int area, String areaCode, String strategicObjective,
        String operationalObjective) {
}
