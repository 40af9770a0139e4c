package it.pa.monitor.templates;

/** Why templates could not be written, as one sentence for the command line. */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
