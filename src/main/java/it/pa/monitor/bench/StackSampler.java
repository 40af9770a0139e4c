package it.pa.monitor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Poor man's profiler for the child run: a {@code jcmd <pid> Thread.print} every few seconds, appended to a
 * file, and a count of the innermost project frame of the thread running the job ({@code main}).
 */
final class StackSampler {

    private final Path file;
    private final Map<String, Integer> projectFrames = new HashMap<>();
    private final Map<String, Integer> topFrames = new HashMap<>();
    private int samples;

    StackSampler(Path file) {
        this.file = file;
    }

    void sample(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                    .redirectErrorStream(true).start();
            String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return;
            }
            Files.writeString(file, dump + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            count(dump);
        } catch (IOException e) {
            // no jcmd (a JRE): sampling is optional
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void count(String dump) {
        int start = dump.indexOf("\"main\"");
        if (start < 0) {
            return;
        }
        int end = dump.indexOf("\n\n", start);
        List<String> frames = new ArrayList<>();
        for (String line : dump.substring(start, end < 0 ? dump.length() : end).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("at ")) {
                frames.add(trimmed.substring(3).replaceAll("\\(.*\\)", ""));
            }
        }
        if (frames.isEmpty()) {
            return;
        }
        samples++;
        topFrames.merge(frames.get(0), 1, Integer::sum);
        frames.stream().filter(f -> f.startsWith("it.pa.monitor.")).findFirst()
                .ifPresent(f -> projectFrames.merge(f, 1, Integer::sum));
    }

    /** The most frequent frames, most frequent first, as "count × frame" lines. */
    String summary() {
        return "samples of thread main: " + samples + "\n  innermost project frame:\n" + top(projectFrames)
                + "  top frame:\n" + top(topFrames);
    }

    private static String top(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .map(e -> "    " + e.getValue() + " × " + e.getKey() + "\n").collect(Collectors.joining());
    }
}
