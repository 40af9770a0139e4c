package it.pa.monitor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Generates a workload deterministically from its seed: {@code <dir>/inbox/piano-2025.xlsx}, one
 * {@code scheda_<ufficio>_2025.xlsx} per ufficio, and {@code <dir>/workload.properties}.
 */
public final class WorkloadGenerator {

    private final WorkloadSpec spec;
    private final WorkloadModel model;

    public WorkloadGenerator(WorkloadSpec spec) {
        this.spec = spec;
        this.model = new WorkloadModel(spec);
    }

    /** Writes the workload into {@code dir} (its {@code inbox} must not hold files already) and describes it. */
    public Workload generate(Path dir) throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        try (Stream<Path> existing = Files.list(inbox)) {
            if (existing.findAny().isPresent()) {
                throw new IOException("the folder " + inbox + " is not empty: choose an empty --dir");
            }
        }
        String planFile = "piano-" + WorkloadSpec.YEAR + ".xlsx";
        new PlanWorkbookWriter(model).write(inbox.resolve(planFile));
        BitSet bad = badUnits();
        MonitoringWorkbookWriter writer = new MonitoringWorkbookWriter(model);
        List<String> badFiles = new ArrayList<>();
        long goodValues = 0;
        for (int u = 0; u < spec.units(); u++) {
            WorkloadModel.GeneratedUnit unit = model.unit(u);
            String name = "scheda_" + unit.code() + "_" + WorkloadSpec.PERIOD + ".xlsx";
            int values = writer.write(unit, bad.get(u), inbox.resolve(name));
            if (bad.get(u)) {
                badFiles.add(name);
            } else {
                goodValues += values;
            }
        }
        Workload workload = new Workload(spec, inbox, planFile, badFiles, goodValues);
        workload.save(dir);
        return workload;
    }

    /** The uffici whose workbook gets a bad value: a seeded sample of exactly {@link WorkloadSpec#badFiles()}. */
    private BitSet badUnits() {
        int[] order = new int[spec.units()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = model.random(-1, 3);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        BitSet bad = new BitSet(spec.units());
        for (int i = 0; i < spec.badFiles(); i++) {
            bad.set(order[i]);
        }
        return bad;
    }
}
