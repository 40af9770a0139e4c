package it.pa.monitor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the Maven project version recorded at build time (build-info), else the jar manifest's. */
class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"monitor " + version()};
    }

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in != null) {
                Properties build = new Properties();
                build.load(in);
                String version = build.getProperty("build.version");
                if (version != null) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall back on the manifest
        }
        String manifest = VersionProvider.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "(version unknown: not built by Maven)";
    }
}
