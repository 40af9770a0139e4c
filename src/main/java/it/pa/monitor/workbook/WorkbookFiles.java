package it.pa.monitor.workbook;

import com.github.pjfanning.xlsx.StreamingReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Opens a workbook read-only, whatever its format: .xlsx, .xlsm, .xls or .ods. Streamed .xlsx
 * (POI's SAX reader through excel-streaming-reader, with the {@link ZipLimits}) keeps memory
 * bounded whatever the file's size; .xls and .ods are read whole.
 */
public final class WorkbookFiles {

    /** Rows the streaming reader keeps in memory, and its read buffer. */
    private static final int ROW_CACHE_SIZE = 100;
    private static final int BUFFER_SIZE = 4096;

    private WorkbookFiles() {
    }

    /** The whole workbook in memory (formula evaluation needs it). The format is told by the content. */
    public static Workbook open(Path file) throws IOException {
        ZipLimits.apply();
        if (OdsWorkbook.isSpreadsheet(file)) {
            return OdsWorkbook.open(file);
        }
        return WorkbookFactory.create(file.toFile(), null, true);
    }

    /**
     * The workbook for reading its sheets once, row by row in order: .xlsx/.xlsm streamed, .xls and
     * .ods whole. Rows must be read through {@code Sheet.iterator()}, not by number.
     */
    public static Workbook openStreamed(Path file) throws IOException {
        if (OdsWorkbook.isSpreadsheet(file)) {
            return OdsWorkbook.open(file);
        }
        if (isZip(file)) {
            return streamXlsx(file);
        }
        // .xls, or an encrypted .xlsx (an OLE2 container): POI says which (EncryptedDocumentException).
        return WorkbookFactory.create(file.toFile(), null, true);
    }

    /** An .xlsx/.xlsm read by streaming: memory does not grow with the file. */
    public static Workbook streamXlsx(Path file) throws IOException {
        ZipLimits.apply();
        return StreamingReader.builder().rowCacheSize(ROW_CACHE_SIZE).bufferSize(BUFFER_SIZE).open(file.toFile());
    }

    /**
     * The bytes of an .xlsx's XML parts outside its sheets, once expanded: what {@link #streamXlsx} may hold whole
     * (the shared strings, the styles; not images, charts or caches); -1 as {@link #expandedSize(Path)}.
     */
    public static long heldWholeByTheStreamingReader(Path file) {
        return expandedSize(file, part -> {
            String name = part.toLowerCase(java.util.Locale.ROOT);
            return name.endsWith(".xml") && !name.startsWith("xl/worksheets/") && !name.startsWith("xl/charts/")
                    && !name.startsWith("xl/drawings/") && !name.startsWith("xl/pivotcache/")
                    && !name.startsWith("xl/pivottables/") && !name.startsWith("customxml/");
        });
    }

    /**
     * What the file holds once expanded: the sum of its parts' sizes as the zip's central directory gives them
     * (an .xlsx, .xlsm or .ods), or its own size (an .xls); -1 when a part's size is not given or the zip's
     * directory cannot be read. Read from the directory alone, nothing inflated.
     */
    public static long expandedSize(Path file) {
        return expandedSize(file, part -> true);
    }

    /** As {@link #expandedSize(Path)}, counting only the zip's parts whose names {@code counted} accepts. */
    public static long expandedSize(Path file, java.util.function.Predicate<String> counted) {
        try {
            if (!isZip(file)) {
                return Files.size(file);
            }
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                long total = 0;
                for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                    java.util.zip.ZipEntry entry = entries.nextElement();
                    if (!counted.test(entry.getName())) {
                        continue;
                    }
                    if (entry.getSize() < 0) {
                        return -1;
                    }
                    total += entry.getSize();
                }
                return total;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * An .xls: an OLE2 container that is not an encrypted .xlsx (one holding {@code EncryptedPackage}); false for a
     * damaged container, whose reader says what it is.
     */
    public static boolean isXls(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            if (org.apache.poi.poifs.filesystem.FileMagic.valueOf(in.readNBytes(8))
                    != org.apache.poi.poifs.filesystem.FileMagic.OLE2) {
                return false;
            }
        }
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs =
                     new org.apache.poi.poifs.filesystem.POIFSFileSystem(file.toFile(), true)) {
            return !fs.getRoot().hasEntry("EncryptedPackage");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == 'P' && head[1] == 'K';
        }
    }
}
