package it.pa.monitor.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: a year of quarterly monitoring on the bundled sample data, in a fresh folder. */
@Component
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Esegue un anno di monitoraggio trimestrale (2022-Q1..Q4) sui dati di esempio inclusi, in una"
                + " cartella nuova con il suo database.")
public class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Also read before Spring starts: the folder holds the demo's database (see MonitorApplication). */
    @Option(names = "--dir", defaultValue = "demo",
            description = "cartella della dimostrazione, svuotata se creata da una dimostrazione precedente (predefinita:"
                    + " ${DEFAULT-VALUE})")
    private Path dir;

    private final DemoYear year;

    public DemoCommand(DemoYear year) {
        this.year = year;
    }

    @Override
    public Integer call() throws IOException {
        List<DemoYear.QuarterResult> results = year.run(dir.toAbsolutePath().normalize(),
                spec.commandLine().getOut());
        boolean complete = results.size() == DemoYear.QUARTERS.size()
                && results.stream().allMatch(r -> r.completed() && !r.workbooks().isEmpty());
        return complete ? 0 : 1;
    }
}
