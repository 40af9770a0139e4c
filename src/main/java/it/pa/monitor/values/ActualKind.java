package it.pa.monitor.values;

/** What a Consuntivo cell turned out to be once parsed. */
public enum ActualKind {
    /** A number, possibly with a unit: {@code 1.635,50}, {@code 95,83 %}, {@code 2,06 gg}. */
    NUMBER,
    /** A date, e.g. when a deadline was met: {@code 18/12/2025}, {@code 15-feb}, an Excel date cell. */
    DATE,
    /** Done: {@code Sì}, {@code Realizzato}, {@code Fatto}. */
    YES,
    /** Not done: {@code No}, {@code Non realizzato}. */
    NO,
    /** Stated as not computable ({@code N.C.}, {@code n.d.}, {@code Non valutabile}): excluded from the scoring. */
    NOT_COMPUTABLE,
    /** A blank cell: not yet reported, which is not a zero. */
    EMPTY,
    /** Anything else; the raw text and an Italian explanation are kept. */
    INVALID
}
