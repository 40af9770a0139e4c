package it.pa.monitor.report.layout;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import it.pa.monitor.workbook.ColumnLetters;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.util.IOUtils;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFChartSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
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

    /** Characters of a text copied at a time before they are encoded. */
    private static final int BUFFER = 8192;

    /** Bytes per write of a temporary file: a few large system calls rather than many small ones. */
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
     * POI's {@code injectData}, the package written from SXSSF's template, with each worksheet copied by
     * {@link WorksheetCopy} (bytes, not characters one at a time) instead of POI's private copy; entries, their
     * order, sizes and times as POI writes them.
     */
    @Override
    protected void injectData(ZipEntrySource template, OutputStream out) throws IOException {
        ZipArchiveOutputStream zip = createArchiveOutputStream(out);
        try {
            Enumeration<? extends ZipArchiveEntry> entries = template.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
                if (entry.getSize() >= 0) {
                    copy.setSize(entry.getSize());
                }
                if (entry.getTime() >= 0) {
                    copy.setTime(entry.getTime());
                }
                zip.putArchiveEntry(copy);
                try (InputStream in = template.getInputStream(entry)) {
                    if (in instanceof ZipArchiveThresholdInputStream guarded) {
                        guarded.setGuardState(false); // as POI: the template is ours, not a file to distrust
                    }
                    XSSFSheet sheet = getSheetFromZipEntryName(entry.getName());
                    if (sheet != null && !(sheet instanceof XSSFChartSheet)) {
                        ISheetInjector rows = createSheetInjector(getSheetAt(getXSSFWorkbook().getSheetIndex(sheet)));
                        WorksheetCopy.copy(in, zip, rows::writeSheetData, FILE_BUFFER);
                    } else {
                        IOUtils.copy(in, zip);
                    }
                } finally {
                    zip.closeArchiveEntry();
                }
            }
        } finally {
            zip.finish();
            template.close();
        }
    }

    /**
     * POI's writer of a sheet's rows, given the unlocked buffer (it calls {@code createWriter} in its
     * constructor), writing text, number and blank cells itself; other cells (formulas, booleans, errors) are
     * left to POI.
     */
    private static final class Rows extends SheetDataWriter {

        /** A cell's markup, in bytes once (ASCII, the same in UTF-8). */
        private static final byte[] CELL = ascii("<c r=\"");
        private static final byte[] QUOTE = ascii("\"");
        private static final byte[] STYLE = ascii(" s=\"");
        private static final byte[] BLANK = ascii(">");
        private static final byte[] NUMBER = ascii(" t=\"n\"><v>");
        private static final byte[] NUMBER_END = ascii("</v>");
        private static final byte[] TEXT = ascii(" t=\"inlineStr\"><is><t");
        private static final byte[] PRESERVE = ascii(" xml:space=\"preserve\"");
        private static final byte[] TEXT_START = ascii(">");
        private static final byte[] TEXT_END = ascii("</t></is>");
        private static final byte[] CELL_END = ascii("</c>");

        /** Column letters (A, B, ... AA) by column index, made once per column. */
        private byte[][] columns = new byte[16][];
        /** The {@code s} attribute's value by style index, made once per style. */
        private byte[][] styles = new byte[64][];
        /** The number of the row being written as its cells' references show it (1-based). */
        private byte[] rowNumber;

        Rows() throws IOException {
            super();
        }

        @Override
        @SuppressWarnings("deprecation") // the one hook for the writer: to become protected in POI 6
        public Writer createWriter(File file) throws IOException {
            return new UnlockedWriter(new FileOutputStream(file));
        }

        @Override
        public void writeRow(int rownum, SXSSFRow row) throws IOException {
            rowNumber = ascii(Integer.toString(rownum + 1));
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
            out.ascii(CELL);
            out.ascii(column(columnIndex));
            out.ascii(rowNumber);
            out.ascii(QUOTE);
            int style = cell.getCellStyle().getIndex() & 0xffff;
            if (style != 0) {
                out.ascii(STYLE);
                out.ascii(style(style));
                out.ascii(QUOTE);
            }
            if (type == CellType.BLANK) {
                out.ascii(BLANK);
            } else if (type == CellType.NUMERIC) {
                out.ascii(NUMBER);
                out.write(Double.toString(cell.getNumericCellValue()));
                out.ascii(NUMBER_END);
            } else {
                String text = cell.getStringCellValue();
                out.ascii(TEXT);
                if (text != null && !text.isEmpty() && (Character.isWhitespace(text.charAt(0))
                        || Character.isWhitespace(text.charAt(text.length() - 1)))) {
                    out.ascii(PRESERVE);
                }
                out.ascii(TEXT_START);
                out.escaped(text);
                out.ascii(TEXT_END);
            }
            out.ascii(CELL_END);
        }

        @Override
        protected void outputEscapedString(String s) throws IOException {
            ((UnlockedWriter) _out).escaped(s);
        }

        private byte[] column(int index) {
            if (index >= columns.length) {
                columns = Arrays.copyOf(columns, Math.max(index + 1, columns.length * 2));
            }
            byte[] letters = columns[index];
            if (letters == null) {
                letters = ascii(ColumnLetters.of(index));
                columns[index] = letters;
            }
            return letters;
        }

        private byte[] style(int index) {
            if (index >= styles.length) {
                styles = Arrays.copyOf(styles, Math.max(index + 1, styles.length * 2));
            }
            byte[] text = styles[index];
            if (text == null) {
                text = ascii(Integer.toString(index));
                styles[index] = text;
            }
            return text;
        }

        private static byte[] ascii(String text) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * A {@link java.io.BufferedWriter} over an {@link OutputStreamWriter} in UTF-8, in one buffer and without the
     * lock: each sheet's writer is used by one thread. Characters are encoded straight into the bytes written,
     * as the JDK's UTF-8 encoder encodes them when it replaces what it cannot encode (the writer POI's own
     * {@link SheetDataWriter} uses): a surrogate pair as one four-byte character, also when its halves come in
     * two calls; a surrogate without its other half as {@code ?}, a high one still waiting at {@link #close} too.
     * No text is copied into a char buffer and encoded again from there. Package-visible for its test.
     */
    static final class UnlockedWriter extends Writer {

        /** Texts up to this length are encoded straight from the string. */
        private static final int SHORT = 32;

        /** The most bytes one character can take here: a waiting high surrogate's {@code ?} and three bytes. */
        private static final int MAX_BYTES_PER_CHAR = 4;

        private final OutputStream out;
        private final byte[] bytes = new byte[FILE_BUFFER];
        private int used;
        /** A text's characters, a block at a time (reading a string's chars one by one costs more). */
        private final char[] chars = new char[BUFFER];
        /** A high surrogate written last, waiting for its low half; 0 when none. */
        private char high;

        UnlockedWriter(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            room(MAX_BYTES_PER_CHAR);
            put((char) c);
        }

        @Override
        public void write(char[] source, int offset, int length) throws IOException {
            encode(source, offset, offset + length);
        }

        @Override
        public void write(String text) throws IOException {
            write(text, 0, text.length());
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            if (length <= SHORT) {
                // A tag, a number: read a character at a time rather than copied into the char buffer first.
                room(length * MAX_BYTES_PER_CHAR);
                for (int i = offset; i < offset + length; i++) {
                    char c = text.charAt(i);
                    if (c < 0x80 && high == 0) {
                        bytes[used++] = (byte) c;
                    } else {
                        put(c);
                    }
                }
                return;
            }
            int from = offset;
            int end = offset + length;
            while (from < end) {
                int take = Math.min(end - from, chars.length);
                text.getChars(from, from + take, chars, 0);
                encode(chars, 0, take);
                from += take;
            }
        }

        private void encode(char[] source, int from, int end) throws IOException {
            int i = from;
            while (i < end) {
                room(MAX_BYTES_PER_CHAR);
                int stop = Math.min(end, i + (bytes.length - used) / MAX_BYTES_PER_CHAR);
                for (; i < stop; i++) {
                    char c = source[i];
                    if (c < 0x80 && high == 0) {
                        bytes[used++] = (byte) c;
                    } else {
                        put(c);
                    }
                }
            }
        }

        /**
         * Markup already in bytes, ASCII (the same in UTF-8): as writing its characters, a high surrogate still
         * waiting for its low half written as {@code ?} before it.
         */
        void ascii(byte[] markup) throws IOException {
            room(markup.length + 1);
            if (high != 0) {
                high = 0;
                bytes[used++] = '?';
            }
            System.arraycopy(markup, 0, bytes, used, markup.length);
            used += markup.length;
        }

        /** One character into the bytes: {@link #MAX_BYTES_PER_CHAR} bytes must be free. */
        private void put(char c) {
            if (high != 0) {
                char waiting = high;
                high = 0;
                if (Character.isLowSurrogate(c)) {
                    int code = Character.toCodePoint(waiting, c);
                    bytes[used++] = (byte) (0xF0 | code >> 18);
                    bytes[used++] = (byte) (0x80 | code >> 12 & 0x3F);
                    bytes[used++] = (byte) (0x80 | code >> 6 & 0x3F);
                    bytes[used++] = (byte) (0x80 | code & 0x3F);
                    return;
                }
                bytes[used++] = '?';
            }
            if (c < 0x80) {
                bytes[used++] = (byte) c;
            } else if (c < 0x800) {
                bytes[used++] = (byte) (0xC0 | c >> 6);
                bytes[used++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)) {
                high = c;
            } else if (Character.isLowSurrogate(c)) {
                bytes[used++] = '?';
            } else {
                bytes[used++] = (byte) (0xE0 | c >> 12);
                bytes[used++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[used++] = (byte) (0x80 | c & 0x3F);
            }
        }

        /** Each character of a markup text (an entity), into the bytes. */
        private void markup(String text) throws IOException {
            room(text.length() * MAX_BYTES_PER_CHAR);
            for (int i = 0; i < text.length(); i++) {
                put(text.charAt(i));
            }
        }

        /**
         * {@code text} escaped as POI's {@code SheetDataWriter.outputEscapedString} escapes it: the five
         * markup characters and the no-break space as entities, {@code \n \r \t} as character references,
         * other control characters and U+FFFE, U+FFFF as {@code ?}; everything else (surrogates too) as it is.
         */
        void escaped(String text) throws IOException {
            if (text == null) {
                return;
            }
            int length = text.length();
            for (int from = 0; from < length; from += chars.length) {
                int take = Math.min(length - from, chars.length);
                text.getChars(from, from + take, chars, 0);
                escaped(take);
            }
        }

        /** The first {@code length} characters of {@link #chars}, escaped. */
        private void escaped(int length) throws IOException {
            int i = 0;
            while (i < length) {
                room(MAX_BYTES_PER_CHAR);
                int stop = Math.min(length, i + (bytes.length - used) / MAX_BYTES_PER_CHAR);
                for (; i < stop; i++) {
                    char c = chars[i];
                    if (c >= ' ' && c != '<' && c != '>' && c != '&' && c != '"' && c != '\u00A0' && c < '\uFFFE') {
                        if (c < 0x80 && high == 0) {
                            bytes[used++] = (byte) c;
                        } else {
                            put(c);
                        }
                        continue;
                    }
                    switch (c) {
                        case '<' -> markup("&lt;");
                        case '>' -> markup("&gt;");
                        case '&' -> markup("&amp;");
                        case '"' -> markup("&quot;");
                        case '\n' -> markup("&#xa;");
                        case '\r' -> markup("&#xd;");
                        case '\t' -> markup("&#x9;");
                        case '\u00A0' -> markup("&#xa0;");
                        default -> put('?');
                    }
                    // An entity may have used the room counted for the characters after it.
                    i++;
                    break;
                }
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
                if (high != 0) {
                    room(1);
                    high = 0;
                    bytes[used++] = '?';
                }
                drain();
            } finally {
                out.close();
            }
        }

        /** Makes {@code needed} bytes free in the buffer. */
        private void room(int needed) throws IOException {
            if (bytes.length - used < needed) {
                drain();
            }
        }

        private void drain() throws IOException {
            if (used > 0) {
                out.write(bytes, 0, used);
                used = 0;
            }
        }
    }
}
