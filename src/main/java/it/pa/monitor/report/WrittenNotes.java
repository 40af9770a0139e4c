package it.pa.monitor.report;

import it.pa.monitor.report.layout.CellComments;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.ooxml.POIXMLRelation;
import org.apache.poi.openxml4j.exceptions.PartAlreadyExistsException;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.model.Comments;
import org.apache.poi.xssf.model.CommentsTable;
import org.apache.poi.xssf.usermodel.XSSFFactory;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFVMLDrawing;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTComment;

/**
 * A per-recipient workbook's sheet's cell comments kept as plain values and written as POI writes the same
 * comments: the comments part as {@link CommentsTable} saves it and the VML part as {@code XSSFVMLDrawing} saves
 * the shapes POI makes for them (the same shape for every comment but for its id, box and cell; ids from 1025 in
 * each part). The parts are made as POI makes them for a sheet's first comment once the sheet has its drawing: the
 * comments part numbered as the sheet, then the VML part and the sheet's {@code legacyDrawing}. XMLBeans made and
 * saved every comment and shape: some 13 % of a small workbook's cost. A comment text or author XMLBeans would
 * write other than as escaped here has the comments part written through POI's table. The small workbooks' sheets
 * ({@link SmallWorkbook}) and the streamed per-recipient workbooks' ({@link #SHEETS}) keep their comments so.
 */
final class WrittenNotes implements CellComments.Notes {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String VML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<xml xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:v=\"urn:schemas-microsoft-com:vml\""
            + " xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><o:shapelayout v:ext=\"edit\"><o:idmap"
            + " v:ext=\"edit\" data=\"1\"/></o:shapelayout><v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\""
            + " o:spt=\"202.0\" path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path"
            + " gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>";
    private static final String SHAPE_HEAD = "\" type=\"#_x0000_t202\" style=\"position:absolute; visibility:hidden\" "
            + "fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color=\"#ffffe1\"/><v:shadow "
            + "on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/><v:textbox "
            + "style=\"mso-direction-alt:auto\"/><x:ClientData "
            + "ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>";
    /** XSSFVMLDrawing's first shape id, less one. */
    private static final int SHAPE_IDS = 1024;

    /** The comments in the order they were made, each with its author's id. */
    private final List<Noted> notes = new ArrayList<>();
    private final Set<Long> cells = new HashSet<>();
    /** Authors by id, the empty default author first (as CommentsTable starts). */
    private final List<String> authors = new ArrayList<>(List.of(""));

    /** A comment and its author's id. */
    private record Noted(CellComments.Note note, int author) {
    }

    /** POI's parts, with sheets that keep their comments as plain notes ({@link NotedSheet}). */
    static final XSSFFactory SHEETS = new XSSFFactory() {
        @Override
        public POIXMLDocumentPart newDocumentPart(POIXMLRelation descriptor) {
            return descriptor == XSSFRelation.WORKSHEET ? new NotedSheet() : super.newDocumentPart(descriptor);
        }
    };

    private WrittenNotes() {
    }

    /**
     * POI's sheet, its cell comments kept as {@link WrittenNotes} when {@code CellComments} makes them; POI's
     * comments table and VML drawing are then neither made nor handed out (a sheet with comments of POI's keeps
     * them all in POI's parts).
     */
    static class NotedSheet extends XSSFSheet implements CellComments.CommentsPart {

        /** The sheet's comments when kept as plain values, made at the first; null until then. */
        private WrittenNotes notes;

        @Override
        public CommentsTable commentsTable() {
            return getCommentsTable(true) instanceof CommentsTable table ? table : null;
        }

        @Override
        public CellComments.Notes notes() {
            if (notes == null) {
                if (getCommentsTable(false) != null || getCTLegacyDrawing() != null) {
                    return null; // comments in POI's parts already: the others go there too
                }
                notes = WrittenNotes.of(this, Math.toIntExact(sheet.getSheetId()));
            }
            return notes;
        }

        /** Whether the sheet keeps its comments as plain notes (their parts made at its first comment). */
        boolean keepsNotes() {
            return notes != null;
        }

        /** Whether the sheet has the comment parts of plain notes but no note (all taken away by {@link #clearNotes()}). */
        boolean notesLeftOver() {
            return notes != null && notes.notes.isEmpty();
        }

        /** Takes away the sheet's plain notes; their parts stay, for the next notes. */
        void clearNotes() {
            if (notes != null) {
                notes.notes.clear();
                notes.cells.clear();
                notes.authors.subList(1, notes.authors.size()).clear();
            }
        }

        /** POI's comments table; none is made once the sheet keeps its comments as {@link WrittenNotes}. */
        @Override
        protected Comments getCommentsTable(boolean create) {
            if (create && notes != null) {
                throw new IllegalStateException("commenti del foglio " + getSheetName() + " già scritti a parte");
            }
            return super.getCommentsTable(create);
        }

        /**
         * POI's VML drawing; none once the sheet keeps its comments as {@link WrittenNotes}: asked for one to make, it
         * refuses, asked for an existing one (as POI's row and column shifts do), there is none.
         */
        @Override
        public XSSFVMLDrawing getVMLDrawing(boolean autoCreate) {
            if (notes != null) {
                if (!autoCreate) {
                    return null;
                }
                throw new IllegalStateException("commenti del foglio " + getSheetName() + " già scritti a parte");
            }
            return super.getVMLDrawing(autoCreate);
        }
    }

    /**
     * The notes of {@code sheet}, its comments and VML parts made as {@code XSSFSheet.getCommentsTable(true)} and
     * {@code getVMLDrawing(true)} make them, in that order; the caller has made the sheet's drawing.
     */
    private static WrittenNotes of(XSSFSheet sheet, int sheetId) {
        WrittenNotes notes = new WrittenNotes();
        try {
            sheet.createRelationship(XSSFRelation.SHEET_COMMENTS, factory(notes.new CommentsPart()), sheetId);
        } catch (PartAlreadyExistsException e) {
            // As POI: a sheet's comments take its number when they can, the next free one otherwise.
            sheet.createRelationship(XSSFRelation.SHEET_COMMENTS, factory(notes.new CommentsPart()), -1);
        }
        int number = sheet.getNextPartNumber(XSSFRelation.VML_DRAWINGS, sheet.getPackagePart().getPackage()
                .getPartsByContentType(XSSFRelation.VML_DRAWINGS.getContentType()).size());
        String id = sheet.createRelationship(XSSFRelation.VML_DRAWINGS, factory(notes.new VmlPart()), number, false)
                .getRelationship().getId();
        sheet.getCTWorksheet().addNewLegacyDrawing().setId(id);
        return notes;
    }

    /** A factory handing out {@code part} as the new part. */
    private static XSSFFactory factory(POIXMLDocumentPart part) {
        return new XSSFFactory() {
            @Override
            public POIXMLDocumentPart newDocumentPart(POIXMLRelation descriptor) {
                return part;
            }
        };
    }

    @Override
    public void add(CellComments.Note note) {
        if (!cells.add(((long) note.row() << 32) | note.column())) {
            // As POI refuses it: Excel would offer to repair a file with two comments on one cell.
            throw new IllegalArgumentException("Multiple cell comments in one cell are not allowed, cell: "
                    + new CellAddress(note.row(), note.column()));
        }
        int author = authors.indexOf(note.author());
        if (author < 0) {
            author = authors.size();
            authors.add(note.author());
        }
        notes.add(new Noted(note, author));
    }

    /** The comments part: what {@link CommentsTable#writeTo} writes for these comments. */
    private void writeComments(OutputStream out) throws IOException {
        boolean writable = authors.stream().allMatch(SmallWorkbook.PlainStrings::writable)
                && notes.stream().allMatch(noted -> SmallWorkbook.PlainStrings.writable(noted.note().text()));
        if (!writable) {
            poiComments().writeTo(out);
            return;
        }
        Writer xml = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 13);
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<comments xmlns=\"" + MAIN + "\"><authors>");
        for (String author : authors) {
            if (author.isEmpty()) {
                xml.write("<author/>");
            } else {
                xml.write("<author>");
                SmallWorkbook.PlainStrings.escaped(xml, author);
                xml.write("</author>");
            }
        }
        xml.write("</authors><commentList>");
        for (Noted noted : notes) {
            CellComments.Note note = noted.note();
            xml.write("<comment ref=\"");
            xml.write(new CellAddress(note.row(), note.column()).formatAsString());
            xml.write("\" authorId=\"");
            xml.write(Integer.toString(noted.author()));
            xml.write("\"><text>");
            SmallWorkbook.PlainStrings.textElement(xml, note.text());
            xml.write("</text></comment>");
        }
        xml.write("</commentList></comments>");
        xml.flush();
    }

    /** POI's table holding these comments, made as {@code CellComments} fills POI's table. */
    private CommentsTable poiComments() {
        CommentsTable table = new CommentsTable();
        for (Noted noted : notes) {
            CellComments.Note note = noted.note();
            long author = table.findAuthor(authors.get(noted.author()));
            CTComment comment = table.newComment(new CellAddress(note.row(), note.column()));
            comment.setAuthorId(author);
            comment.setText(new XSSFRichTextString(note.text()).getCTRst());
        }
        return table;
    }

    /** The VML part: what {@code XSSFVMLDrawing} saves for the shapes POI makes for these comments. */
    private void writeVml(OutputStream out) throws IOException {
        Writer xml = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 13);
        xml.write(VML_HEAD);
        int id = SHAPE_IDS;
        for (Noted noted : notes) {
            CellComments.Note note = noted.note();
            xml.write("<v:shape id=\"_x0000_s");
            xml.write(Integer.toString(++id));
            xml.write(SHAPE_HEAD);
            xml.write(note.box().anchor());
            xml.write("</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>");
            xml.write(Integer.toString(note.row()));
            xml.write("</x:Row><x:Column>");
            xml.write(Integer.toString(note.column()));
            xml.write("</x:Column></x:ClientData></v:shape>");
        }
        xml.write("</xml>");
        xml.flush();
    }

    /** The sheet's comments part (xl/commentsN.xml). */
    private final class CommentsPart extends POIXMLDocumentPart {

        @Override
        protected void commit() throws IOException {
            try (OutputStream out = getPackagePart().getOutputStream()) {
                writeComments(out);
            }
        }
    }

    /** The sheet's VML drawing (xl/drawings/vmlDrawingN.vml). */
    private final class VmlPart extends POIXMLDocumentPart {

        @Override
        protected void commit() throws IOException {
            try (OutputStream out = getPackagePart().getOutputStream()) {
                writeVml(out);
            }
        }
    }
}
