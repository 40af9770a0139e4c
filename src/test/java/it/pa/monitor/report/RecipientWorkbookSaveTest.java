package it.pa.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipientWorkbookSaveTest {

    @TempDir
    Path output;

    @Test
    void aWorkbookThatFailsHalfWayLeavesNoFileBehind() throws IOException {
        Path folder = output.resolve("unita");

        assertThatThrownBy(() -> RecipientWorkbooks.save(folder, "Esiti-U1-2025.xlsx", 1, workbook -> {
            workbook.createSheet("Esiti").createRow(0).createCell(0).setCellValue("metà");
            throw new IllegalStateException("dati mancanti");
        })).hasMessage("dati mancanti");

        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aWorkbookWrittenWholeReplacesItsTemporaryFile() throws IOException {
        Path folder = output.resolve("unita");

        Path written = RecipientWorkbooks.save(folder, "Esiti-U1-2025.xlsx", 1,
                workbook -> workbook.createSheet("Esiti").createRow(0).createCell(0).setCellValue("fatto"));

        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).containsExactly(folder.resolve("Esiti-U1-2025.xlsx"));
        }
        assertThat(written).isEqualTo(folder.resolve("Esiti-U1-2025.xlsx"));
    }
}
