package it.pa.monitor.run;

import it.pa.monitor.values.Period;
import java.nio.file.Path;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;

/** The parameters of one run: period, inbox and output folders. */
public record RunParameters(Period period, Path inbox, Path output) {

    static final String PERIOD = "period";
    static final String INBOX = "inbox";
    static final String OUTPUT = "output";
    static final String STARTED_AT = "startedAt";
    /** Two runs started in the same millisecond on a shared database are still two job instances. */
    static final String RUN_ID = "runId";

    JobParameters toJobParameters(long startedAt) {
        return new JobParametersBuilder()
                .addString(PERIOD, period.code())
                .addString(INBOX, inbox.toAbsolutePath().normalize().toString())
                .addString(OUTPUT, output.toAbsolutePath().normalize().toString())
                .addLong(STARTED_AT, startedAt)
                .addString(RUN_ID, java.util.UUID.randomUUID().toString())
                .toJobParameters();
    }

    static RunParameters from(JobParameters parameters) {
        return new RunParameters(Period.parse(parameters.getString(PERIOD)), Path.of(parameters.getString(INBOX)),
                Path.of(parameters.getString(OUTPUT)));
    }
}
