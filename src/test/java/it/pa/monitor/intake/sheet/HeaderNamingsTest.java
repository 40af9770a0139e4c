package it.pa.monitor.intake.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.intake.sheet.MonitoringColumn.Naming;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.apache.poi.ss.util.CellReference;

/**
 * What a run's sheets share while they are read: the naming of header texts (the same as
 * {@link MonitoringColumn#naming}, asked once or many times, for texts long or short) and the addresses of cells.
 */
class HeaderNamingsTest {

    @Test
    void aTextNamesWhatMonitoringColumnSaysEveryTimeItIsAsked() {
        HeaderNamings namings = new HeaderNamings();
        List<String> texts = List.of("Codice indicatore", "Indicatore", "Obiettivo", "Consuntivo 2025",
                "Valore al 30/06/2025", "Note", "OO_01.01.01", "Quota di istanze telematiche", "≥ 85,00 %", "",
                "x".repeat(500) + " Consuntivo");
        for (int round = 0; round < 3; round++) {
            for (String text : texts) {
                assertThat(namings.naming(text)).isEqualTo(MonitoringColumn.naming(text));
            }
        }
        assertThat(namings.naming("Codice indicatore")).contains(new Naming(MonitoringColumn.INDICATOR_CODE, null));
        assertThat(namings.naming("Indicatore"))
                .contains(new Naming(MonitoringColumn.INDICATOR_CODE, MonitoringColumn.INDICATOR_NAME));
        assertThat(namings.naming("Valore al 30/06/2025")).map(Naming::preferred).contains(MonitoringColumn.ACTUAL);
        assertThat(namings.naming("Quota di istanze telematiche")).isEqualTo(Optional.empty());
    }

    @Test
    void addressesAsExcelWritesThemWithinAndBeyondTheColumnsWorkedOutOnce() {
        assertThat(SheetCell.address(1, 0)).isEqualTo("A1");
        assertThat(SheetCell.address(12, 3)).isEqualTo("D12");
        assertThat(SheetCell.address(9, 25)).isEqualTo("Z9");
        assertThat(SheetCell.address(9, 26)).isEqualTo("AA9");
        assertThat(SheetCell.address(3, 255)).isEqualTo("IV3");
        assertThat(SheetCell.address(3, 256)).isEqualTo("IW3");
        assertThat(SheetCell.address(70, 16_383)).isEqualTo("XFD70");
        for (int column = 0; column < 1_000; column++) {
            assertThat(SheetCell.address(7, column)).isEqualTo(new CellReference(6, column).formatAsString(false));
        }
    }

    @Test
    void aFullCacheStartsAgainAndKeepsAnsweringAsMonitoringColumn() {
        HeaderNamings namings = new HeaderNamings();
        int asked = HeaderNamings.MAX_TEXTS + 10;
        for (int i = 0; i < asked; i++) {
            namings.naming("Consuntivo " + i);
            assertThat(namings.size()).isBetween(1, HeaderNamings.MAX_TEXTS);
        }
        // The last ten texts came after the cache was emptied: they are kept, the first ones are not.
        assertThat(namings.size()).isEqualTo(10);
        assertThat(namings.naming("Consuntivo 3")).isEqualTo(MonitoringColumn.naming("Consuntivo 3"));
        assertThat(namings.naming("x".repeat(500))).isEqualTo(MonitoringColumn.naming("x".repeat(500)));
        assertThat(namings.size()).isEqualTo(11);
    }

    @Test
    void readingThreadsSharingTheCacheGetWhatMonitoringColumnSays() throws Exception {
        HeaderNamings namings = new HeaderNamings();
        List<String> texts = IntStream.range(0, 2_000)
                .mapToObj(i -> i % 3 == 0 ? "Consuntivo " + i : i % 3 == 1 ? "Target " + i : "OO_0" + i).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> all = IntStream.range(0, 4).mapToObj(t -> threads.submit(() -> texts.stream()
                    .allMatch(text -> namings.naming(text).equals(MonitoringColumn.naming(text))))).toList();
            for (Future<Boolean> each : all) {
                assertThat(each.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(namings.size()).isEqualTo(texts.size());
    }
}
