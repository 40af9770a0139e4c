package it.pa.monitor.report.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A worksheet part of SXSSF's template copied into the package with the streamed rows put inside its
 * {@code <sheetData>}, as POI's {@code SXSSFWorkbook.copyStreamAndInjectWorksheet} copies it, on bytes instead
 * of characters. POI decodes the part one character at a time and encodes it again one character at a time,
 * which for the Relazione's sheets built in memory (megabytes of rows) took as long as building them. The part
 * is UTF-8 written by XMLBeans, so decoding and encoding it gives back its bytes; the markup looked for is ASCII,
 * and no byte of a multi-byte character is below 0x80: the same places match, and the same bytes come out,
 * POI's quirks included (a {@code <sheetData} followed by anything but {@code >} or {@code />} is written back
 * with a {@code /} after it).
 */
final class WorksheetCopy {

    private static final byte[] START = "<sheetData".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "</sheetData>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OPEN = "<sheetData>\n".getBytes(StandardCharsets.US_ASCII);

    /** Writes the streamed rows into an output stream. */
    @FunctionalInterface
    interface Rows {
        void writeTo(OutputStream out) throws IOException;
    }

    private final InputStream in;
    private final OutputStream out;
    private final byte[] input;
    private int read;
    private int available;
    private final byte[] output;
    private int written;

    private WorksheetCopy(InputStream in, OutputStream out, int buffer) {
        this.in = in;
        this.out = out;
        this.input = new byte[buffer];
        this.output = new byte[buffer];
    }

    /** Copies the part from {@code in} to {@code out}, {@code rows} in its sheet data; neither stream is closed. */
    static void copy(InputStream in, OutputStream out, Rows rows, int buffer) throws IOException {
        new WorksheetCopy(in, out, buffer).copy(rows);
    }

    private void copy(Rows rows) throws IOException {
        byte[] pattern = START;
        boolean needsStartTag = true;
        int pos = 0;
        int c;
        // Up to "<sheetData/>" (left out) or "</sheetData>" (excluded), as POI does.
        while ((c = next()) != -1) {
            if (c == pattern[pos]) {
                pos++;
                if (pos == pattern.length) {
                    if (pattern == START) {
                        c = next();
                        if (c == -1) {
                            write(pattern, pattern.length);
                            break;
                        }
                        if (c == '>') {
                            write(pattern, pattern.length);
                            write(c);
                            pattern = END;
                            pos = 0;
                            needsStartTag = false;
                            continue;
                        }
                        if (c == '/') {
                            c = next();
                            if (c == -1) {
                                write(pattern, pattern.length);
                                break;
                            }
                            if (c == '>') {
                                break;
                            }
                        }
                        write(pattern, pattern.length);
                        write('/');
                        write(c);
                        pos = 0;
                        continue;
                    }
                    break;
                }
            } else {
                if (pos > 0) {
                    write(pattern, pos);
                }
                if (c == pattern[0]) {
                    pos = 1;
                } else {
                    write(c);
                    pos = 0;
                }
            }
        }
        if (needsStartTag) {
            write(OPEN, OPEN.length);
        }
        flush();
        rows.writeTo(out);
        write(END, END.length);
        while ((c = next()) != -1) {
            write(c);
        }
        flush();
    }

    private int next() throws IOException {
        if (read == available) {
            available = in.read(input, 0, input.length);
            read = 0;
            if (available <= 0) {
                available = 0;
                return -1;
            }
        }
        return input[read++] & 0xFF;
    }

    private void write(int b) throws IOException {
        if (written == output.length) {
            flush();
        }
        output[written++] = (byte) b;
    }

    private void write(byte[] bytes, int length) throws IOException {
        for (int i = 0; i < length; i++) {
            write(bytes[i]);
        }
    }

    private void flush() throws IOException {
        if (written > 0) {
            out.write(output, 0, written);
            written = 0;
        }
        out.flush();
    }
}
