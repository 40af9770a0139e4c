package it.pa.monitor.intake.inbox;

/** What a dropped file is, recognised by its content (FORMATS.md), never by its name. */
public enum WorkbookKind {
    PLAN, MONITORING_SHEET, OVERRIDES, UNKNOWN
}
