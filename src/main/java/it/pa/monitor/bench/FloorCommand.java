package it.pa.monitor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench floor}: one floor reader over every workbook of a folder, in this JVM; {@code bench run} starts
 * it in a fresh JVM so that each floor, like the full run, starts cold.
 */
@Command(name = "floor", hidden = true, description = "Reads every cell of every workbook in a folder and prints the time.")
final class FloorCommand implements Callable<Integer> {

    private static final Pattern LINE = Pattern.compile("FLOOR files=(\\d+) cells=(\\d+) millis=(\\d+)");

    @Option(names = "--reader", required = true, description = "poi or fastexcel")
    private String reader;

    @Option(names = "--inbox", required = true, description = "folder of .xlsx workbooks")
    private Path inbox;

    @Override
    public Integer call() throws Exception {
        List<Path> files;
        try (Stream<Path> listed = Files.list(inbox)) {
            files = listed.filter(p -> p.getFileName().toString().endsWith(".xlsx")).sorted().toList();
        }
        FloorReaders.Result result = switch (reader) {
            case "poi" -> FloorReaders.poiSax(files);
            case "fastexcel" -> FloorReaders.fastexcel(files);
            default -> throw new IllegalArgumentException("unknown reader " + reader + ": poi or fastexcel");
        };
        System.out.printf("FLOOR files=%d cells=%d millis=%d%n", result.files(), result.cells(), result.millis());
        return 0;
    }

    /** Runs the floor in a fresh JVM with the given heap. */
    static FloorReaders.Result inChild(String reader, String name, Path inbox, String heap) throws Exception {
        List<String> command = ChildRun.javaCommand(List.of("-Xmx" + heap),
                List.of("bench", "floor", "--reader", reader, "--inbox", inbox.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        Matcher line = LINE.matcher(out);
        if (!line.find()) {
            throw new IllegalStateException("floor " + reader + " failed:\n" + out);
        }
        return new FloorReaders.Result(name, Integer.parseInt(line.group(1)), Long.parseLong(line.group(2)),
                Long.parseLong(line.group(3)));
    }
}
