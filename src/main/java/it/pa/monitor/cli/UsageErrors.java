package it.pa.monitor.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A mistyped command line told in Italian (picocli says it in English), then the usage of the command, or the
 * commands it resembles; exit code 2 as picocli gives it. What is not recognised here keeps picocli's words.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine line = ex.getCommandLine();
        PrintWriter err = line.getErr();
        err.println(sentence(ex));
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            String prefix = unmatched.isUnknownOption() ? "" : line.getCommandSpec().qualifiedName() + " ";
            err.println("Forse si intendeva: " + prefix + String.join(" o " + prefix, unmatched.getSuggestions()) + "?");
        } else {
            line.usage(err, line.getColorScheme());
        }
        err.flush();
        CommandLine.IExitCodeExceptionMapper mapper = line.getExitCodeExceptionMapper();
        return mapper != null ? mapper.getExitCode(ex) : line.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The one sentence for a command line picocli could not parse. */
    static String sentence(ParameterException ex) {
        if (ex instanceof MissingParameterException missing) {
            List<String> names = missing.getMissing().stream().map(UsageErrors::name).toList();
            return (names.size() == 1 ? "Manca l'opzione obbligatoria " : "Mancano le opzioni obbligatorie ")
                    + String.join(", ", names) + ".";
        }
        if (ex instanceof UnmatchedArgumentException unmatched) {
            String first = unmatched.getUnmatched().isEmpty() ? "" : unmatched.getUnmatched().get(0);
            return (unmatched.isUnknownOption() ? "Opzione sconosciuta: «" : "Comando o argomento non riconosciuto: «")
                    + first + "».";
        }
        if (ex instanceof OverwrittenOptionException overwritten && overwritten.getOverwritten() != null) {
            return "L'opzione " + name(overwritten.getOverwritten()) + " è indicata più di una volta.";
        }
        if (ex.getCause() instanceof TypeConversionException conversion && ex.getArgSpec() != null) {
            return "Opzione " + name(ex.getArgSpec()) + ": " + conversion.getMessage() + ".";
        }
        return ex.getMessage();
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }
}
