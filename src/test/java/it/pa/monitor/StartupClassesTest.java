package it.pa.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupClassesTest {

    /** Its static initialiser raises {@link Flag#RAISED}: the test sees whether it ran. */
    static final class Marked {
        static {
            Flag.RAISED.set(true);
        }
    }

    /** Holds the flag {@link Marked} raises. */
    static final class Flag {
        static final AtomicBoolean RAISED = new AtomicBoolean();
    }

    /** A loader of this module's test classes of its own (so {@link Marked} is not yet loaded in it). */
    private static final class Isolated extends URLClassLoader {
        Isolated(Path list) throws IOException {
            super(new URL[] {StartupClassesTest.class.getProtectionDomain().getCodeSource().getLocation(),
                list.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    @Test
    void listedClassesAreLoadedButNotInitialised(@TempDir Path folder) throws Exception {
        Files.write(folder.resolve("classes.txt"), List.of("# comment", "", Marked.class.getName(),
                "  " + Flag.class.getName() + "  ", "no.such.Clazz", "java.lang.String"), StandardCharsets.UTF_8);
        try (Isolated loader = new Isolated(folder)) {
            assertThat(loader.loaded(Marked.class.getName())).isFalse();

            // The unknown name is skipped; the comment and the blank line are not names.
            assertThat(StartupClasses.load(loader, "classes.txt")).isEqualTo(3);

            assertThat(loader.loaded(Marked.class.getName())).isTrue();
            assertThat(raised(loader)).as("static initialiser run by the loading").isFalse();
            Class.forName(Marked.class.getName(), true, loader);
            assertThat(raised(loader)).as("static initialiser run on first use").isTrue();
        }
    }

    @Test
    void aMissingListLoadsNothing(@TempDir Path folder) throws Exception {
        try (Isolated loader = new Isolated(folder)) {
            assertThat(StartupClasses.load(loader, "none.txt")).isZero();
            assertThat(loader.loaded(Marked.class.getName())).isFalse();
        }
    }

    @Test
    void theBundledListIsOnThisClassPath() throws Exception {
        List<String> names;
        try (var in = getClass().getClassLoader().getResourceAsStream(StartupClasses.LIST)) {
            assertThat(in).as(StartupClasses.LIST).isNotNull();
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
        // The slow parts of a start: Spring's context, Flyway, H2, Spring Batch, the first step.
        assertThat(names).contains("org.springframework.context.support.AbstractApplicationContext",
                "org.flywaydb.core.Flyway", "org.h2.engine.Database", "org.springframework.batch.core.job.Job",
                "it.pa.monitor.run.ScanTasklet");
        int loaded = StartupClasses.load(getClass().getClassLoader(), StartupClasses.LIST);
        // A stale list (after an upgrade of Spring, Flyway, H2 or POI) is only less useful: time to make it again.
        assertThat(loaded).as("classes of the list found").isGreaterThan(names.size() * 95 / 100);
    }

    @Test
    void theLoadingCanBeTurnedOff() {
        String before = System.getProperty(StartupClasses.ENABLED);
        System.setProperty(StartupClasses.ENABLED, "false");
        try {
            assertThat(StartupClasses.loadInBackground()).isNull();
        } finally {
            if (before == null) {
                System.clearProperty(StartupClasses.ENABLED);
            } else {
                System.setProperty(StartupClasses.ENABLED, before);
            }
        }
    }

    private static boolean raised(ClassLoader loader) throws ReflectiveOperationException {
        Field flag = Class.forName(Flag.class.getName(), false, loader).getDeclaredField("RAISED");
        flag.setAccessible(true);
        return ((AtomicBoolean) flag.get(null)).get();
    }
}
