package it.pa.monitor.report.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pa.monitor.plan.Methodology;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Merges added through {@link MergedRegions} are the ones POI's unsafe add writes, in the same order. */
class MergedRegionsTest {

    private static final Methodology METHOD = Methodology.from(Map.of(), new ArrayList<>());
    private static final List<CellRangeAddress> REGIONS = List.of(new CellRangeAddress(2, 2, 1, 5),
            new CellRangeAddress(3, 3, 1, 5), new CellRangeAddress(7, 9, 0, 0), new CellRangeAddress(12, 12, 1, 6));

    @Test
    void theSameMergeCellsAsPoi() throws IOException {
        try (XSSFWorkbook expected = new XSSFWorkbook(); SXSSFWorkbook actual = new SXSSFWorkbook(20)) {
            XSSFSheet poi = expected.createSheet("Schede");
            SXSSFSheet streamed = actual.createSheet("Schede");
            // One merged before by POI itself: the count goes on from it.
            poi.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
            streamed.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
            // Conditional formats between the merges, as a sheet of cards has them.
            TrafficLights.apply(poi, new CellRangeAddress(5, 5, 5, 5), METHOD);
            TrafficLights.apply(streamed, new CellRangeAddress(5, 5, 5, 5), METHOD);
            MergedRegions merges = new MergedRegions(streamed);
            REGIONS.forEach(poi::addMergedRegionUnsafe);
            REGIONS.forEach(merges::add);

            XSSFSheet written = actual.getXSSFWorkbook().getSheet("Schede");
            assertThat(written.getCTWorksheet().getMergeCells().xmlText())
                    .isEqualTo(poi.getCTWorksheet().getMergeCells().xmlText());
            assertThat(written.getMergedRegions()).hasSize(5).containsExactlyElementsOf(poi.getMergedRegions());
            assertThat(written.getCTWorksheet().getMergeCells().getCount()).isEqualTo(5);
        }
    }

    @Test
    void aSingleCellIsNoMerge() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            MergedRegions merges = new MergedRegions(workbook.createSheet("Schede"));
            assertThatThrownBy(() -> merges.add(new CellRangeAddress(1, 1, 1, 1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
