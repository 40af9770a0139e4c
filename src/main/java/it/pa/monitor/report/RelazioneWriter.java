package it.pa.monitor.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes {@code <output>/<periodo>/Relazione-<periodo>.xlsx}: the sheets of FORMATS.md §5 in
 * order. Sheets with charts and cards are built in memory; the large flat ones (Risultati,
 * Qualità dati, Fonti) stream through SXSSF so thousands of units stay in bounded memory.
 */
@Component
public class RelazioneWriter {

    private final List<SheetWriter> writers;

    public RelazioneWriter(List<SheetWriter> writers) {
        this.writers = writers.stream().sorted(Comparator.comparingDouble(SheetWriter::position)).toList();
    }

    public Path write(ReportData reportData, Path output) {
        ReportData data = DisplayRounding.apply(reportData);
        Path folder = output.resolve(data.period().code());
        Path target = folder.resolve("Relazione-" + data.period().code() + ".xlsx");
        try {
            Files.createDirectories(folder);
            Path temporary = folder.resolve(".Relazione-" + data.period().code() + ".xlsx.tmp");
            XSSFWorkbook inMemory = new XSSFWorkbook();
            ReportStyles styles = new ReportStyles(inMemory);
            for (SheetWriter writer : writers) {
                if (writer.order() <= SheetWriter.LAST_IN_MEMORY) {
                    writer.write(inMemory, data, styles);
                }
            }
            SXSSFWorkbook workbook = new SXSSFWorkbook(inMemory, 200);
            try (OutputStream out = Files.newOutputStream(temporary)) {
                for (SheetWriter writer : writers) {
                    if (writer.order() > SheetWriter.LAST_IN_MEMORY) {
                        writer.write(workbook, data, styles);
                    }
                }
                if (workbook.getNumberOfSheets() > 0) {
                    workbook.setActiveSheet(0);
                    workbook.setFirstVisibleTab(0);
                }
                workbook.write(out);
            } finally {
                workbook.close();
            }
            // Replaced in one move: a user with yesterday's report open never sees half a file.
            return Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
