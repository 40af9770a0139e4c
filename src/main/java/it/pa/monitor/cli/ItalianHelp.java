package it.pa.monitor.cli;

import java.util.ListResourceBundle;

/**
 * picocli's own words in the help, in Italian (its resource-bundle keys): the heading of the usage line, its sub-command label and the
 * descriptions of {@code --help} and {@code --version}; the commands' and options' descriptions are their own.
 */
final class ItalianHelp extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
                {"usage.synopsisHeading", "Uso: "},
                {"usage.synopsisSubcommandLabel", "[COMANDO]"},
                {"mixinStandardHelpOptions.help", "Mostra questo aiuto ed esce."},
                {"mixinStandardHelpOptions.version", "Mostra la versione del programma ed esce."},
        };
    }
}
