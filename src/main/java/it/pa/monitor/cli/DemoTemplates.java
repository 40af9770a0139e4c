package it.pa.monitor.cli;

import it.pa.monitor.values.Period;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * INTEGRATION POINT (issue 8): the demo's "templates" step. It is meant to call the template
 * generator of {@code it.pa.monitor.templates} (built on branch i8-templates) to write the
 * quarter's {@code scheda_<unità>_<periodo>.xlsx} into {@code folder}. Until that service is merged it
 * writes nothing and returns an empty list.
 */
@Component
class DemoTemplates {

    /** The templates written for the period into {@code folder}. */
    List<Path> write(Period period, Path folder) {
        return List.of();
    }
}
