package it.pa.monitor.workbook;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A part's bytes, refused once more than {@link #MAX_RUN} of them come without a {@code <}: a text that long cannot be
 * a cell's (Excel keeps 32 767 characters at most), and the StAX parser in use returns a text node whole, so a single
 * text of a hundred million characters would be held at once before any limit could count it. The refusal is
 * {@link XlsxSheets.TextTooLong}, thrown unchecked: the parser wraps an {@link IOException} of its input in its own
 * exception without its cause.
 */
final class LongTextGuard extends FilterInputStream {

    /** The most bytes between two {@code <}: a cell's 32 767 characters, each escaped as an entity, fit many times. */
    static final int MAX_RUN = 1 << 20;

    private int run;

    LongTextGuard(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b == '<') {
            run = 0;
        } else if (b >= 0 && ++run > MAX_RUN) {
            throw refused();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            if (buffer[i] == '<') {
                run = 0;
            } else if (++run > MAX_RUN) {
                throw refused();
            }
        }
        return n;
    }

    private static java.io.UncheckedIOException refused() {
        return new java.io.UncheckedIOException(new XlsxSheets.TextTooLong());
    }
}
