package it.pa.monitor.run;

import it.pa.monitor.values.Period;
import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

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
                .addString(INBOX, normalised().inbox().toString())
                .addString(OUTPUT, normalised().output().toString())
                .addLong(STARTED_AT, startedAt)
                .addString(RUN_ID, java.util.UUID.randomUUID().toString())
                .toJobParameters();
    }

    /** The same run with absolute folders, as the job records them. */
    RunParameters normalised() {
        return new RunParameters(period, inbox.toAbsolutePath().normalize(), output.toAbsolutePath().normalize());
    }

    static RunParameters from(JobParameters parameters) {
        return new RunParameters(Period.parse(parameters.getString(PERIOD)), Path.of(parameters.getString(INBOX)),
                Path.of(parameters.getString(OUTPUT)));
    }
}
