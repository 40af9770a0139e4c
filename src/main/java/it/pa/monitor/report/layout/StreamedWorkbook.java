package it.pa.monitor.report.layout;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An SXSSF workbook whose rows go to their temporary files through a buffer without a lock. POI's
 * {@link SheetDataWriter} writes the XML of a flushed row a character or a few at a time into a
 * {@link java.io.BufferedWriter}, which takes its lock on every call: on the big sheets that lock was
 * a good part of the row flush. The XML is POI's own, byte for byte; the temporary files stay plain
 * (not compressed) and strings stay inline, as in a plain {@link SXSSFWorkbook}. The package is deflated at a
 * faster level than zlib's default.
 */
public final class StreamedWorkbook extends SXSSFWorkbook {

    /** zlib's compression level of the written package (1 fastest, 9 smallest). */
    static final int ZIP_LEVEL = 3;

    /** Chars buffered before they are encoded to UTF-8 and written: POI's BufferedWriter holds as many. */
    private static final int BUFFER = 8192;

    /** {@code base}'s sheets as they are, new sheets streamed with {@code window} rows kept in memory. */
    public StreamedWorkbook(XSSFWorkbook base, int window) {
        super(base, window);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new Rows();
    }

    /**
     * The package's zip at {@link #ZIP_LEVEL}: zlib's default level (6) took more CPU for the Relazione's
     * 130 MB of sheet XML than writing the rows; level 3 deflates it in less than half the time into a file
     * about a fifth larger. Only the compression changes: the parts inside are the same.
     */
    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
        zip.setLevel(ZIP_LEVEL);
        return zip;
    }

    /** POI's writer of a sheet's rows, given the unlocked buffer (it calls {@code createWriter} in its constructor). */
    private static final class Rows extends SheetDataWriter {

        Rows() throws IOException {
            super();
        }

        @Override
        @SuppressWarnings("deprecation") // the one hook for the writer: to become protected in POI 6
        public Writer createWriter(File file) throws IOException {
            return new UnlockedWriter(new OutputStreamWriter(new FileOutputStream(file), StandardCharsets.UTF_8));
        }
    }

    /**
     * A {@link java.io.BufferedWriter} without the lock: each sheet's writer is used by one thread.
     * Package-visible for its test.
     */
    static final class UnlockedWriter extends Writer {

        private final Writer out;
        private final char[] buffer = new char[BUFFER];
        private int used;

        UnlockedWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            if (used == buffer.length) {
                drain();
            }
            buffer[used++] = (char) c;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (length >= buffer.length) {
                drain();
                out.write(chars, offset, length);
                return;
            }
            if (length > buffer.length - used) {
                drain();
            }
            System.arraycopy(chars, offset, buffer, used, length);
            used += length;
        }

        @Override
        public void write(String text) throws IOException {
            write(text, 0, text.length());
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            int from = offset;
            int end = offset + length;
            while (from < end) {
                if (used == buffer.length) {
                    drain();
                }
                int take = Math.min(end - from, buffer.length - used);
                text.getChars(from, from + take, buffer, used);
                used += take;
                from += take;
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                out.close();
            }
        }

        private void drain() throws IOException {
            if (used > 0) {
                out.write(buffer, 0, used);
                used = 0;
            }
        }
    }
}
