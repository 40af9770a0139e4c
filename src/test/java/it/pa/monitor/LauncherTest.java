package it.pa.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    private static final String[] RUN = {"run", "--period", "2025"};

    @Test
    void aRunIsRelaunchedOnAJvmWithC2AndNoAgent() {
        assertThat(Launcher.relaunches(RUN, List.of("-Xmx512m", "-Dmonitor.progress=false"), true, true)).isTrue();
    }

    @Test
    void theRunStaysInThisJvmWhenAskedOrWhenRelaunchingWouldNotHelpOrWouldGetInTheWay() {
        assertThat(Launcher.relaunches(RUN, List.of(), false, true)).as("-Dmonitor.relaunch=false").isFalse();
        assertThat(Launcher.relaunches(RUN, List.of(), true, false)).as("C2 already off, or not HotSpot").isFalse();
        assertThat(Launcher.relaunches(new String[] {"bench", "run"}, List.of(), true, true)).as("bench").isFalse();
        for (String shared : List.of("-agentlib:jdwp=transport=dt_socket,server=y", "-agentpath:/opt/ap.so=start",
                "-javaagent:/opt/agent.jar", "-Xrunjdwp:transport=dt_socket", "-Xdebug",
                "-XX:StartFlightRecording=filename=run.jfr", "-XX:+FlightRecorder",
                "-Dcom.sun.management.jmxremote.port=9010", "-Xlog:gc*:file=gc.log", "-Xloggc:gc.log",
                "-XX:ArchiveClassesAtExit=app.jsa", "-XX:+AutoCreateSharedArchive", "-XX:DumpLoadedClassList=c.lst")) {
            assertThat(Launcher.relaunches(RUN, List.of("-Xmx1g", shared), true, true)).as(shared).isFalse();
        }
    }

    @Test
    void optionsThatTwoJvmsCanEachHaveDoNotKeepTheRunInOneJvm() {
        assertThat(Launcher.relaunches(RUN, List.of("-Xmx1g", "-Xlog:gc", "-XX:+UseParallelGC", "-Dcom.example=1",
                "-Dmonitor.worker-options=-Xlog:gc:file=/tmp/gc.log", "-XX:SharedArchiveFile=app.jsa"), true, true))
                .isTrue();
    }

    @Test
    void theWorkerGetsTheQuickCompilerFirstThenThisJvmsOptionsSoTheUsersOwnWin() {
        List<String> command = Launcher.workerCommand("/jdk/bin/java", Launcher.WORKER_OPTIONS,
                List.of("-Xmx512m", "-XX:TieredStopAtLevel=4", "-Dmonitor.progress=false"),
                " -Xlog:gc:file=/tmp/a folder/gc.log | -Dx=y |", 4242, "target/monitor.jar", RUN);
        assertThat(command).containsExactly("/jdk/bin/java", "-XX:TieredStopAtLevel=1", "-Xmx512m",
                "-XX:TieredStopAtLevel=4", "-Dmonitor.progress=false", "-Xlog:gc:file=/tmp/a folder/gc.log", "-Dx=y",
                "-Dmonitor.launcher-pid=4242", "-cp", "target/monitor.jar", "it.pa.monitor.MonitorApplication", "run",
                "--period", "2025");
    }

    @Test
    void noExtraOptionsAddNothing() {
        List<String> command = Launcher.workerCommand("java", Launcher.WORKER_OPTIONS, List.of(), "", 1, "cp",
                new String[0]);
        assertThat(command).containsExactly("java", "-XX:TieredStopAtLevel=1", "-Dmonitor.launcher-pid=1", "-cp", "cp",
                "it.pa.monitor.MonitorApplication");
    }

    @Test
    void theBuildsClassArchiveBesideTheJarIsMappedByTheWorkerAndItsMessagesTurnedOff(@TempDir Path folder)
            throws Exception {
        Path jar = Files.createFile(folder.resolve("monitor.jar"));
        assertThat(Launcher.classArchiveOptions(jar.toString())).as("no archive yet").isEmpty();
        Path archive = Files.createFile(folder.resolve("monitor.jsa"));
        assertThat(Launcher.classArchiveOptions(jar.toString()))
                .containsExactly("-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-Xlog:cds*=off");
        assertThat(Launcher.classArchiveOptions(jar + java.io.File.pathSeparator + folder.resolve("other.jar")))
                .as("a class path of several entries (tests, an IDE)").isEmpty();
        assertThat(Launcher.classArchiveOptions(folder.toString())).as("classes in a folder").isEmpty();
        Path noHugePages = folder.resolve("no-such-setting");
        assertThat(Launcher.workerOptions(List.of("-Xmx512m"), jar.toString(), noHugePages))
                .containsExactly("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + archive.toAbsolutePath(),
                        "-Xlog:cds*=off");
        for (String sharing : List.of("-Xshare:on", "-Xshare:off", "-XX:SharedArchiveFile=/opt/own.jsa")) {
            assertThat(Launcher.workerOptions(List.of(sharing), jar.toString(), noHugePages)).as(sharing)
                    .containsExactly("-XX:TieredStopAtLevel=1");
        }
    }

    @Test
    void theUsersOwnOptionsComeAfterTheClassArchiveSoTheyWin() {
        List<String> ours = List.of("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=/opt/monitor.jsa",
                "-Xlog:cds*=off");
        List<String> command = Launcher.workerCommand("java", ours, List.of("-Xlog:cds=info"), "", 7, "monitor.jar",
                RUN);
        assertThat(command.subList(1, 5)).containsExactly("-XX:TieredStopAtLevel=1",
                "-XX:SharedArchiveFile=/opt/monitor.jsa", "-Xlog:cds*=off", "-Xlog:cds=info");
    }

    @Test
    void theWorkersHeapIsInHugePagesWhereTheSystemLetsAProcessAskForThem(@TempDir Path folder) throws Exception {
        Path setting = folder.resolve("enabled");
        Files.writeString(folder.resolve(Launcher.HUGE_PAGE_SIZE), "2097152\n");
        Files.writeString(setting, "always [madvise] never\n"); // Debian's and Ubuntu's default
        assertThat(Launcher.hugePageOptions(List.of("-Xmx512m"), setting))
                .containsExactly("-XX:+UseTransparentHugePages");
        Files.writeString(setting, "[always] madvise never\n");
        assertThat(Launcher.hugePageOptions(List.of(), setting)).containsExactly("-XX:+UseTransparentHugePages");
        Path jar = Files.createFile(folder.resolve("monitor.jar"));
        assertThat(Launcher.workerOptions(List.of("-Xmx512m"), jar.toString(), setting))
                .containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseTransparentHugePages");
    }

    @Test
    void noHugePagesWhereTheSystemHasThemOffOrTheCommandLineChoosesThePagesItself(@TempDir Path folder)
            throws Exception {
        Path setting = folder.resolve("enabled");
        assertThat(Launcher.hugePageOptions(List.of(), setting)).as("no such setting: not Linux").isEmpty();
        Files.writeString(setting, "[always] madvise never\n");
        assertThat(Launcher.hugePageOptions(List.of(), setting))
                .as("no page size said: a kernel before 4.10, where some JDK 17 updates crash with the option")
                .isEmpty();
        Path size = folder.resolve(Launcher.HUGE_PAGE_SIZE);
        Files.writeString(size, "0\n");
        assertThat(Launcher.hugePageOptions(List.of(), setting)).as("a size of 0").isEmpty();
        Files.writeString(size, "2097152\n");
        Files.writeString(setting, "always madvise [never]\n");
        assertThat(Launcher.hugePageOptions(List.of(), setting)).as("off: the JVM would only warn").isEmpty();
        Files.delete(setting);
        Files.createDirectory(setting);
        assertThat(Launcher.hugePageOptions(List.of(), setting)).as("not readable as a file").isEmpty();
        Files.delete(setting);
        Files.writeString(setting, "always [madvise] never\n");
        assertThat(Launcher.hugePageOptions(List.of(), setting)).containsExactly("-XX:+UseTransparentHugePages");
        for (String own : List.of("-XX:-UseTransparentHugePages", "-XX:+UseLargePages",
                "-XX:LargePageSizeInBytes=1g", "-XX:+UseHugeTLBFS", "-XX:+UseSHM", "-XX:+UseZGC")) {
            assertThat(Launcher.hugePageOptions(List.of("-Xmx512m", own), setting)).as(own).isEmpty();
        }
    }
}
