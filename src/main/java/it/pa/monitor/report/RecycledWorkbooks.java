package it.pa.monitor.report;

import it.pa.monitor.report.layout.ReportStyles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * The small unit workbooks of one run ({@link SmallWorkbook.Filled}), each writing thread filling one workbook for a
 * unit after another instead of making a new one per unit: the sheets, their print setup and the styles are the same
 * for every unit, and making them was about a third of a small workbook's cost. After each save the content is
 * taken away ({@link SmallWorkbook.Filled#clear()}); a workbook that then differs from its layout is dropped. A
 * sheet's comment parts stay once made, so a thread keeps a workbook with them and one without: a unit that has
 * no comment where the workbook has the parts is filled again in a workbook without them. Each file is what a new
 * workbook filled the same way writes (the creation time in its properties aside: the workbook's).
 */
final class RecycledWorkbooks {

    /** Workbooks kept per thread: one with comment parts and one without is all a unit workbook needs. */
    private static final int KEPT = 2;

    private final ReportStyles.Template styles;
    /** Each thread's laid-out, empty workbooks, the last used first. */
    private final ThreadLocal<Deque<Kept>> kept = ThreadLocal.withInitial(ArrayDeque::new);

    /** A workbook and its layout. */
    private record Kept(SmallWorkbook.Filled workbook, UnitResultsWorkbook.Layout layout) {
    }

    RecycledWorkbooks(ReportStyles.Template styles) {
        this.styles = styles;
    }

    /**
     * Writes {@code <folder>/<name>}, a unit workbook of up to {@link RecipientWorkbooks#IN_MEMORY_ROWS} rows that
     * {@code content} fills, as {@link RecipientWorkbooks#save} writes it: to a temporary file moved in one step.
     */
    Path save(Path folder, String name, Consumer<UnitResultsWorkbook.Layout> content) {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(name);
            Path temporary = folder.resolve("." + name + ".tmp");
            Kept book = take(false);
            boolean written = false;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                content.accept(book.layout());
                if (book.workbook().staleNotes()) {
                    // The comment parts of an earlier unit and no comment of this one: filled again without them.
                    Kept withParts = book;
                    book = take(true);
                    keep(withParts);
                    content.accept(book.layout());
                }
                RecipientWorkbooks.writeSmall(book.workbook(), out);
                written = true;
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temporary); // no half-written file left beside the others
                throw e;
            } finally {
                if (written) {
                    keep(book);
                } else {
                    book.workbook().book().getPackage().revert();
                }
            }
            return Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The thread's last used workbook, or the last without comment parts when {@code withoutNotes}; or a new one. */
    private Kept take(boolean withoutNotes) {
        Iterator<Kept> books = kept.get().iterator();
        while (books.hasNext()) {
            Kept book = books.next();
            if (!withoutNotes || !book.workbook().hasNotes()) {
                books.remove();
                return book;
            }
        }
        SmallWorkbook.Filled workbook = SmallWorkbook.filled();
        UnitResultsWorkbook.Layout layout = UnitResultsWorkbook.layout(workbook, styles);
        workbook.laidOut();
        return new Kept(workbook, layout);
    }

    /** Emptied and kept for the thread's next unit, unless it is no longer as laid out. */
    private void keep(Kept book) {
        if (!book.workbook().clear()) {
            book.workbook().book().getPackage().revert();
            return;
        }
        Deque<Kept> books = kept.get();
        books.addFirst(book);
        while (books.size() > KEPT) {
            books.removeLast().workbook().book().getPackage().revert();
        }
    }
}
