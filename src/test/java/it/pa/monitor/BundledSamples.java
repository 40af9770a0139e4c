package it.pa.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample files bundled in the jar ({@code /samples/...}), copied into a test's inbox as a user drops them. */
public final class BundledSamples {

    private BundledSamples() {
    }

    /** Copies the bundled sample {@code name} into {@code folder} under the same name; returns the copy. */
    public static Path copy(String name, Path folder) {
        try (InputStream sample = MonitorApplication.class.getResourceAsStream("/samples/" + name)) {
            if (sample == null) {
                throw new IllegalArgumentException("no bundled sample " + name);
            }
            Path copy = folder.resolve(name);
            Files.copy(sample, copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
