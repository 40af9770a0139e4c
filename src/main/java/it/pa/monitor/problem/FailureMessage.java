package it.pa.monitor.problem;

/** What a user reads of a failure: its innermost message that says something, first line only. */
public final class FailureMessage {

    private FailureMessage() {
    }

    /**
     * The innermost non-blank message of {@code failure} and its causes, its first line; the failure's class name when
     * none has one (the stack trace is in the log).
     */
    public static String of(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message.lines().findFirst().orElse("").strip();
    }
}
