package it.pa.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The working folder of {@code demo [--dir DIR]}, found among the raw arguments and made fresh
 * before Spring starts, because the demo's own H2 database lives inside it and is opened at start-up.
 */
final class DemoFolder {

    /** Marks a folder made by {@code demo}: only such a folder is emptied for a new demo. */
    static final String MARKER = ".monitor-demo";
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

    private DemoFolder() {
    }

    /** The demo folder when the command is {@code demo} (not when only its help is asked for). */
    static Optional<Path> find(String[] args) {
        List<String> list = List.of(args);
        if (list.stream().anyMatch(HELP::contains)) {
            return Optional.empty();
        }
        String command = null;
        Path dir = Path.of("demo");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--db") || args[i].equals("--dir")) {
                if (args[i].equals("--dir") && i + 1 < args.length) {
                    dir = Path.of(args[i + 1]);
                }
                i++;
            } else if (args[i].startsWith("--dir=")) {
                dir = Path.of(args[i].substring("--dir=".length()));
            } else if (!args[i].startsWith("-") && command == null) {
                command = args[i];
            }
        }
        return "demo".equals(command) ? Optional.of(dir.toAbsolutePath().normalize()) : Optional.empty();
    }

    /**
     * Creates the folder, or empties one left by an earlier demo; refuses a folder with other content.
     *
     * @throws IllegalStateException with the sentence to show, when the folder is not the demo's
     */
    static void prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(MARKER))) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException("La cartella " + dir + " non è vuota e non è stata creata da demo:"
                            + " indicarne un'altra con --dir");
                }
            }
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " è un file, non una cartella: indicarne un'altra con --dir");
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (!path.equals(dir)) {
                        Files.delete(path);
                    }
                }
            }
        }
        Files.createDirectories(dir);
        Files.createFile(dir.resolve(MARKER));
    }
}
