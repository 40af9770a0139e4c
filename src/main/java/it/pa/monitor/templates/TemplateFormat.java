package it.pa.monitor.templates;

import java.util.Locale;

/** The file format of the templates: Excel (default) or OpenDocument (FORMATS.md, {@code --format ods}). */
public enum TemplateFormat {
    XLSX, ODS;

    String extension() {
        return "." + name().toLowerCase(Locale.ROOT);
    }
}
