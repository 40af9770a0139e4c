package it.pa.monitor.report.layout;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An SXSSF workbook whose rows go to their temporary files through a buffer without a lock. POI's
 * {@link SheetDataWriter} writes the XML of a flushed row a character or a few at a time into a
 * {@link java.io.BufferedWriter}, which takes its lock on every call: on the big sheets that lock was
 * a good part of the row flush. The cells of the kinds the report writes (text, number, blank) are written
 * as POI's {@link SheetDataWriter#writeCell} writes them, without its per-cell allocations (a cell reference
 * object, a string per attribute, an array per escaped character): the XML is POI's own, byte for byte
 * ({@code StreamedWorkbookCellsTest}); the temporary files stay plain (not compressed) and strings stay
 * inline, as in a plain {@link SXSSFWorkbook}. The package is deflated at a faster level than zlib's default.
 */
public final class StreamedWorkbook extends SXSSFWorkbook {

    /** zlib's compression level of the written package (1 fastest, 9 smallest). */
    static final int ZIP_LEVEL = 3;

    /** Chars buffered before they are encoded to UTF-8 and written: POI's BufferedWriter holds as many. */
    private static final int BUFFER = 8192;

    /** Bytes per read or write of a temporary file: a few large system calls rather than many small ones. */
    private static final int FILE_BUFFER = 1 << 16;

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

    /**
     * POI's writer of a sheet's rows, given the unlocked buffer (it calls {@code createWriter} in its
     * constructor), writing text, number and blank cells itself; other cells (formulas, booleans, errors) are
     * left to POI.
     */
    private static final class Rows extends SheetDataWriter {

        /** Column letters (A, B, ... AA) by column index, made once per column. */
        private String[] columns = new String[16];
        /** The {@code s} attribute's value by style index, made once per style. */
        private String[] styles = new String[64];
        /** The number of the row being written as its cells' references show it (1-based). */
        private String rowNumber;

        Rows() throws IOException {
            super();
        }

        @Override
        @SuppressWarnings("deprecation") // the one hook for the writer: to become protected in POI 6
        public Writer createWriter(File file) throws IOException {
            return new UnlockedWriter(new OutputStreamWriter(new BufferedOutputStream(new FileOutputStream(file),
                    FILE_BUFFER), StandardCharsets.UTF_8));
        }

        @Override
        public void writeRow(int rownum, SXSSFRow row) throws IOException {
            rowNumber = Integer.toString(rownum + 1);
            super.writeRow(rownum, row);
        }

        /** What {@link SheetDataWriter#writeCell} writes for a text (inline string), number or blank cell. */
        @Override
        public void writeCell(int columnIndex, Cell cell) throws IOException {
            if (cell == null) {
                return;
            }
            CellType type = cell.getCellType();
            if (type != CellType.STRING && type != CellType.NUMERIC && type != CellType.BLANK) {
                super.writeCell(columnIndex, cell);
                return;
            }
            UnlockedWriter out = (UnlockedWriter) _out;
            out.write("<c r=\"");
            out.write(column(columnIndex));
            out.write(rowNumber);
            out.write('"');
            int style = cell.getCellStyle().getIndex() & 0xffff;
            if (style != 0) {
                out.write(" s=\"");
                out.write(style(style));
                out.write('"');
            }
            if (type == CellType.BLANK) {
                out.write('>');
            } else if (type == CellType.NUMERIC) {
                out.write(" t=\"n\"><v>");
                out.write(Double.toString(cell.getNumericCellValue()));
                out.write("</v>");
            } else {
                String text = cell.getStringCellValue();
                out.write(" t=\"inlineStr\"><is><t");
                if (text != null && !text.isEmpty() && (Character.isWhitespace(text.charAt(0))
                        || Character.isWhitespace(text.charAt(text.length() - 1)))) {
                    out.write(" xml:space=\"preserve\"");
                }
                out.write('>');
                out.escaped(text);
                out.write("</t></is>");
            }
            out.write("</c>");
        }

        @Override
        protected void outputEscapedString(String s) throws IOException {
            ((UnlockedWriter) _out).escaped(s);
        }

        private String column(int index) {
            if (index >= columns.length) {
                columns = Arrays.copyOf(columns, Math.max(index + 1, columns.length * 2));
            }
            String letters = columns[index];
            if (letters == null) {
                letters = CellReference.convertNumToColString(index);
                columns[index] = letters;
            }
            return letters;
        }

        private String style(int index) {
            if (index >= styles.length) {
                styles = Arrays.copyOf(styles, Math.max(index + 1, styles.length * 2));
            }
            String text = styles[index];
            if (text == null) {
                text = Integer.toString(index);
                styles[index] = text;
            }
            return text;
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

        /**
         * {@code text} escaped as POI's {@code SheetDataWriter.outputEscapedString} escapes it: the five
         * markup characters and the no-break space as entities, {@code \n \r \t} as character references,
         * other control characters and U+FFFE, U+FFFF as {@code ?}; everything else (surrogates too) as it is.
         * Runs of plain characters are copied whole.
         */
        void escaped(String text) throws IOException {
            if (text == null) {
                return;
            }
            int length = text.length();
            int plain = 0;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c >= ' ' && c != '<' && c != '>' && c != '&' && c != '"' && c != '\u00A0' && c < '\uFFFE') {
                    continue;
                }
                if (i > plain) {
                    write(text, plain, i - plain);
                }
                plain = i + 1;
                switch (c) {
                    case '<' -> write("&lt;");
                    case '>' -> write("&gt;");
                    case '&' -> write("&amp;");
                    case '"' -> write("&quot;");
                    case '\n' -> write("&#xa;");
                    case '\r' -> write("&#xd;");
                    case '\t' -> write("&#x9;");
                    case '\u00A0' -> write("&#xa0;");
                    default -> write('?');
                }
            }
            if (length > plain) {
                write(text, plain, length - plain);
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
