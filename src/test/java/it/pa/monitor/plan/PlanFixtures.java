package it.pa.monitor.plan;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Writes transcribed plans as workbooks for tests outside this package, optionally edited. */
public final class PlanFixtures {

    private PlanFixtures() {
    }

    /** Writes the transcription as {@code fileName} in {@code folder}. */
    public static Path write(String transcription, Path folder, String fileName) {
        return PlanFixture.load(transcription).writeTo(folder, fileName);
    }

    /** Sets one cell of the first data row of {@code sheet} whose {@code keyColumn} equals {@code key}. */
    public static Path writeEdited(String transcription, Path folder, String fileName, String sheet, String keyColumn,
                                   String key, String column, String value) {
        PlanFixture fixture = PlanFixture.load(transcription);
        fixture.set(sheet, fixture.indexOf(sheet, keyColumn, key), column, value);
        return fixture.writeTo(folder, fileName);
    }

    /** Writes the transcription with rows appended to sheets: each array is the sheet name, then the cells. */
    public static Path writeWithRows(String transcription, Path folder, String fileName, String[]... rows) {
        PlanFixture fixture = PlanFixture.load(transcription);
        for (String[] row : rows) {
            fixture.addRow(row[0], java.util.Arrays.copyOfRange(row, 1, row.length));
        }
        return fixture.writeTo(folder, fileName);
    }
}
