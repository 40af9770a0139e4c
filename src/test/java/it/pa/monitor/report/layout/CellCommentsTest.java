package it.pa.monitor.report.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.ooxml.POIXMLRelation;
import org.apache.poi.xssf.model.CommentsTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFFactory;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comments written past POI's usermodel are the ones POI's usermodel writes, part for part. */
class CellCommentsTest {

    @TempDir
    Path folder;

    private static final String AUTHOR = "Monitoraggio performance";
    /** Cell (row, column), text: notes as the cards put them, several per row, a long one, spaces kept. */
    private static final Object[][] NOTES = {
        {3, 2, "Target rapportato al periodo: 50"},
        {3, 5, "Nessun risultato per il periodo"},
        {4, 5, "Non valutato: non dovuto – una nota dell'OIV lunga abbastanza da occupare più righe del riquadro"},
        {7, 2, " spazi all'inizio e alla fine "},
        {7, 5, "Rettificato dall'OIV"},
        {120, 5, "A & B <C>"},
    };

    @Test
    void theSamePartsAsPoisUsermodel() throws IOException {
        Map<String, String> poi = parts(XSSFWorkbook::new, CellCommentsTest::throughUsermodel);
        Map<String, String> ours = parts(XSSFWorkbook::new, CellCommentsTest::throughCellComments);
        assertThat(poi).containsKeys("xl/comments1.xml", "xl/drawings/vmlDrawing0.vml", "xl/worksheets/sheet1.xml");
        assertThat(ours.keySet()).isEqualTo(poi.keySet());
        poi.forEach((name, xml) -> {
            if (!name.equals("docProps/core.xml")) { // holds the time it was written
                assertThat(ours.get(name)).as(name).isEqualTo(xml);
            }
        });
    }

    /**
     * A sheet that hands out its comments table (as the small per-unit workbooks' sheets do) gets its first
     * comment without POI's drawing: still POI's parts, byte for byte, and a second sheet's parts numbered as
     * POI numbers them.
     */
    @Test
    void theSamePartsWhenTheSheetHandsOutItsCommentsTable() throws IOException {
        Map<String, String> poi = parts(XSSFWorkbook::new, CellCommentsTest::throughUsermodel, 2);
        Map<String, String> ours = parts(() -> new XSSFWorkbook(new PartSheets()), sheet -> {
            assertThat(sheet).isInstanceOf(CellComments.CommentsPart.class);
            throughCellComments(sheet);
        }, 2);
        assertThat(poi).containsKeys("xl/comments1.xml", "xl/comments2.xml", "xl/drawings/vmlDrawing0.vml",
                "xl/drawings/vmlDrawing1.vml");
        assertThat(ours.keySet()).isEqualTo(poi.keySet());
        poi.forEach((name, xml) -> {
            if (!name.equals("docProps/core.xml")) {
                assertThat(ours.get(name)).as(name).isEqualTo(xml);
            }
        });
    }

    /** POI's parts, with sheets that hand out their comments table. */
    private static final class PartSheets extends XSSFFactory {

        @Override
        public POIXMLDocumentPart newDocumentPart(POIXMLRelation descriptor) {
            return descriptor == XSSFRelation.WORKSHEET ? new PartSheet() : super.newDocumentPart(descriptor);
        }
    }

    private static final class PartSheet extends XSSFSheet implements CellComments.CommentsPart {

        @Override
        public CommentsTable commentsTable() {
            return (CommentsTable) getCommentsTable(true);
        }
    }

    @Test
    void theSamePartsOnAStreamedSheet() throws IOException {
        Map<String, String> poi = parts(() -> new SXSSFWorkbook(new XSSFWorkbook(), 10),
                CellCommentsTest::throughUsermodel);
        Map<String, String> ours = parts(() -> new SXSSFWorkbook(new XSSFWorkbook(), 10),
                CellCommentsTest::throughCellComments);
        assertThat(poi).containsKeys("xl/comments1.xml", "xl/drawings/vmlDrawing0.vml");
        poi.forEach((name, xml) -> {
            if (!name.equals("docProps/core.xml")) {
                assertThat(ours.get(name)).as(name).isEqualTo(xml);
            }
        });
    }

    @Test
    void eachCommentReadsBackOnItsCellWithItsBox() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            throughCellComments(workbook.createSheet("Esiti"));
            workbook.write(out);
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = read.getSheetAt(0);
            assertThat(sheet.getCellComments()).hasSize(NOTES.length);
            for (Object[] note : NOTES) {
                int row = (Integer) note[0];
                int column = (Integer) note[1];
                String text = (String) note[2];
                XSSFComment comment = sheet.getCellComment(new org.apache.poi.ss.util.CellAddress(row, column));
                assertThat(comment.getString().getString()).isEqualTo(text);
                assertThat(comment.getAuthor()).isEqualTo(AUTHOR);
                ClientAnchor box = comment.getClientAnchor();
                assertThat(new int[] {box.getCol1(), box.getRow1(), box.getCol2(), box.getRow2()})
                        .containsExactly(column + 1, row, column + 4, row + 2 + text.length() / 30);
            }
        }
    }

    /** The way the cards wrote comments before: POI's usermodel, the comment then moved onto its cell. */
    @Test
    void aSecondCommentOnOneCellIsRefusedAsPoiRefusesIt() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellComments comments = new CellComments(workbook.createSheet("Schede"), "Monitor");
            comments.add(2, 3, "prima nota", 2);
            comments.add(4, 3, "seconda nota", 2);
            assertThatThrownBy(() -> comments.add(4, 3, "di nuovo sulla cella D5", 2))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("D5");
        }
    }

    private static void throughUsermodel(Sheet sheet) {
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        for (Object[] note : NOTES) {
            int row = (Integer) note[0];
            int column = (Integer) note[1];
            String text = (String) note[2];
            int lines = 2 + text.length() / 30;
            ClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, column + 1, row, column + 4, row + lines);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(sheet.getWorkbook().getCreationHelper().createRichTextString(text));
            comment.setAuthor(AUTHOR);
            comment.setAddress(row, column);
            Cells.row(sheet, row).createCell(column).setCellComment(comment);
        }
    }

    private static void throughCellComments(Sheet sheet) {
        CellComments comments = new CellComments(sheet, AUTHOR);
        for (Object[] note : NOTES) {
            int row = (Integer) note[0];
            int column = (Integer) note[1];
            String text = (String) note[2];
            Cells.row(sheet, row).createCell(column);
            comments.add(row, column, text, 2 + text.length() / 30);
        }
    }

    private interface NewWorkbook {
        Workbook create() throws IOException;
    }

    private Map<String, String> parts(NewWorkbook newWorkbook, Consumer<Sheet> notes) throws IOException {
        return parts(newWorkbook, notes, 1);
    }

    private Map<String, String> parts(NewWorkbook newWorkbook, Consumer<Sheet> notes, int sheets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = newWorkbook.create()) {
            for (int i = 0; i < sheets; i++) {
                notes.accept(workbook.createSheet(i == 0 ? "Esiti" : "Esiti " + (i + 1)));
            }
            workbook.write(out);
            if (workbook instanceof SXSSFWorkbook streamed) {
                streamed.dispose();
            }
        }
        Map<String, String> parts = new LinkedHashMap<>();
        Path file = Files.createTempFile(folder, "comments", ".xlsx");
        try {
            Files.write(file, out.toByteArray());
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    parts.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(),
                            StandardCharsets.UTF_8));
                }
            }
        } finally {
            Files.delete(file);
        }
        return parts;
    }
}
