package it.pa.monitor.plan.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rows parsed on another thread come in the source's order, its failure where it failed, and close stops it. */
class RowsParsedAheadTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private XSSFWorkbook workbook;
    private Sheet sheet;

    @BeforeEach
    void sheet() {
        workbook = new XSSFWorkbook();
        sheet = workbook.createSheet();
    }

    @AfterEach
    void close() throws IOException {
        executor.shutdownNow();
        workbook.close();
    }

    /** A source of {@code count} rows that counts those parsed and fails at {@code failAt} (-1: never). */
    private Iterator<Row> source(int count, int failAt, AtomicInteger parsed) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(sheet.createRow(i));
        }
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                if (next == failAt) {
                    throw new IllegalStateException("unreadable sheet XML");
                }
                return next < count;
            }

            @Override
            public Row next() {
                parsed.incrementAndGet();
                return rows.get(next++);
            }
        };
    }

    @Test
    void everyRowInOrderAcrossBlocks() {
        // 1 005 rows: ten full blocks and a short one, more than the queue holds.
        int count = RowsParsedAhead.BLOCK_ROWS * 10 + 5;
        List<Integer> read = new ArrayList<>();
        try (RowsParsedAhead rows = new RowsParsedAhead(source(count, -1, new AtomicInteger()), executor)) {
            rows.forEachRemaining(row -> read.add(row.getRowNum()));
            assertThat(rows.hasNext()).isFalse();
        }
        assertThat(read).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(read.get(i)).isEqualTo(i);
        }
    }

    @Test
    void anEmptySheetHasNoRows() {
        try (RowsParsedAhead rows = new RowsParsedAhead(source(0, -1, new AtomicInteger()), executor)) {
            assertThat(rows.hasNext()).isFalse();
        }
    }

    @Test
    void aParseFailureComesAfterTheRowsBeforeIt() {
        List<Integer> read = new ArrayList<>();
        try (RowsParsedAhead rows = new RowsParsedAhead(source(500, 250, new AtomicInteger()), executor)) {
            assertThatThrownBy(() -> rows.forEachRemaining(row -> read.add(row.getRowNum())))
                    .isInstanceOf(IllegalStateException.class).hasMessage("unreadable sheet XML");
            // Asked again, it fails again (the source would have thrown again).
            assertThatThrownBy(rows::hasNext).isInstanceOf(IllegalStateException.class);
        }
        assertThat(read).hasSize(250);
        assertThat(read.get(249)).isEqualTo(249);
    }

    @Test
    void closingEarlyStopsTheParserWithinTheQueuedBlocks() throws Exception {
        AtomicInteger parsed = new AtomicInteger();
        int count = RowsParsedAhead.BLOCK_ROWS * 100;
        try (RowsParsedAhead rows = new RowsParsedAhead(source(count, -1, parsed), executor)) {
            for (int i = 0; i < 30; i++) {
                rows.next();
            }
        }
        int atClose = parsed.get();
        // The queue's blocks, the one taken and the one being handed over, at most: memory stays bounded.
        assertThat(atClose).isLessThanOrEqualTo(RowsParsedAhead.BLOCK_ROWS * (RowsParsedAhead.BLOCKS_AHEAD + 2));
        // And the parser no longer touches the source once closed: the sheet may be closed.
        Thread.sleep(100);
        assertThat(parsed.get()).isEqualTo(atClose);
        // The thread is free for the next sheet.
        AtomicInteger second = new AtomicInteger();
        try (RowsParsedAhead rows = new RowsParsedAhead(source(3, -1, second), executor)) {
            assertThat(rows.next().getRowNum()).isZero();
        }
    }
}
