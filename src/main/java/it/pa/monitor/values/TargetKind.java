package it.pa.monitor.values;

/** What a target cell turned out to be once parsed. */
public enum TargetKind {
    /** An operator and a number, e.g. {@code >= 95 %}. */
    NUMERIC,
    /** A date to meet, e.g. {@code Entro 30/06/2025}. */
    DEADLINE,
    /** Done or not done, e.g. {@code = sì}, {@code SI/NO}, {@code realizzazione}. */
    YES_NO,
    /** No target set ({@code n.d.}, {@code N.C.}, {@code -}). */
    NOT_AVAILABLE,
    /** Text that could not be read; the raw text and an Italian explanation are kept. */
    UNPARSEABLE
}
