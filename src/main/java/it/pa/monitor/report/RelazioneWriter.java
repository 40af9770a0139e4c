package it.pa.monitor.report;

import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.DisplayRounding;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.report.layout.StreamedWorkbook;
import it.pa.monitor.report.sheets.AlberoSheet;
import it.pa.monitor.report.sheets.AndamentoSheet;
import it.pa.monitor.report.sheets.ConfrontoAnniSheet;
import it.pa.monitor.report.sheets.CruscottiSheet;
import it.pa.monitor.report.sheets.FontiSheet;
import it.pa.monitor.report.sheets.OperationalCardsSheet;
import it.pa.monitor.report.sheets.PiraSheet;
import it.pa.monitor.report.sheets.QualitaDatiSheet;
import it.pa.monitor.report.sheets.RisorseSheet;
import it.pa.monitor.report.sheets.RisultatiSheet;
import it.pa.monitor.report.sheets.SheetWriter;
import it.pa.monitor.report.sheets.SintesiSheet;
import it.pa.monitor.report.sheets.StrategicCardsSheet;

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
 * Writes {@code <output>/<periodo>/Relazione-<periodo>.xlsx}: the sheets of FORMATS.md §5 in the
 * order of {@link #ORDER}. The sheets that grow with the plan stream through SXSSF first, so thousands of
 * units stay in bounded memory; the sheets that need the whole model ({@link SheetWriter.Mode#IN_MEMORY})
 * are built after them, held only until the package is written; last the sheets are put in their order.
 */
@Component
public class RelazioneWriter {

    /** The sheets in the order of FORMATS.md §5 (6a Risorse after PIRA, 7a Confronto anni after Andamento). */
    public static final List<Class<? extends SheetWriter>> ORDER = List.of(SintesiSheet.class, AlberoSheet.class,
            StrategicCardsSheet.class, OperationalCardsSheet.class, CruscottiSheet.class, PiraSheet.class,
            RisorseSheet.class, AndamentoSheet.class, ConfrontoAnniSheet.class, RisultatiSheet.class,
            QualitaDatiSheet.class, FontiSheet.class);

    /** Rows of a streamed sheet kept in memory: a whole objective card fits, for its page break. */
    static final int WINDOW = 500;

    private final List<SheetWriter> writers;

    public RelazioneWriter(List<SheetWriter> writers) {
        for (SheetWriter writer : writers) {
            if (!ORDER.contains(writer.getClass())) {
                throw new IllegalArgumentException("Foglio senza posto nella Relazione: " + writer.getClass());
            }
        }
        this.writers = writers.stream().sorted(Comparator.comparingInt(w -> ORDER.indexOf(w.getClass()))).toList();
    }

    /** The sheet writers in their order in the workbook. */
    List<SheetWriter> writers() {
        return writers;
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
            SXSSFWorkbook workbook = new StreamedWorkbook(inMemory, WINDOW);
            try (OutputStream out = Files.newOutputStream(temporary)) {
                for (SheetWriter writer : writers) {
                    if (writer.mode() == SheetWriter.Mode.STREAMED) {
                        writer.write(workbook, data, styles);
                    }
                }
                // Built last, straight on the in-memory model (SXSSF then saves them as they are): their cells
                // are held only while the package is written, not through the streamed sheets, which on a large
                // plan take most of the writing.
                for (SheetWriter writer : writers) {
                    if (writer.mode() == SheetWriter.Mode.IN_MEMORY) {
                        writer.write(inMemory, data, styles);
                    }
                }
                int position = 0;
                for (SheetWriter writer : writers) {
                    if (workbook.getSheetIndex(writer.name()) >= 0) {
                        workbook.setSheetOrder(writer.name(), position++);
                    }
                }
                if (workbook.getNumberOfSheets() > 0) {
                    workbook.setActiveSheet(0);
                    workbook.setFirstVisibleTab(0);
                    workbook.setSelectedTab(0);
                }
                workbook.write(out);
            } finally {
                // dispose, not close: it deletes SXSSF's temporary files, and close() on a workbook made
                // from scratch would save the whole package once more into memory.
                workbook.dispose();
            }
            // Replaced in one move: a user with yesterday's report open never sees half a file.
            return Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
