package it.pa.monitor.report.layout;

import com.microsoft.schemas.office.excel.CTClientData;
import com.microsoft.schemas.vml.CTShape;
import java.math.BigInteger;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.model.CommentsTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFVMLDrawing;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTComment;

/**
 * Cell comments of one sheet, one author, each in a box starting one column to the right of its cell (where
 * Excel shows it). The drawing, comments and VML parts are made as POI makes them for a first comment (through
 * POI's usermodel when the sheet does not hand out its comments table); the comments go straight into those
 * parts with the same XML: POI's path files a comment under its
 * box's top-left cell, then moving it onto its cell rewrote the comment and its VML shape and serialised the
 * shape's client data four times (a guard against an old XMLBeans bug that in-place updates do not meet). A
 * sheet that keeps its comments as plain values ({@link CommentsPart#notes}, the per-recipient workbooks') is
 * given each comment as a {@link Note} and writes the parts itself, as POI writes them.
 */
public final class CellComments {

    private final Sheet sheet;
    private final String author;
    private Drawing<?> drawing;
    private CommentsTable table;
    private XSSFVMLDrawing shapes;
    private long authorId;
    /** The sheet's notes when it keeps them as plain values ({@link CommentsPart#notes}), else null. */
    private Notes notes;

    /** For {@code sheet} (in memory or streamed), every comment by {@code author}. */
    public CellComments(Sheet sheet, String author) {
        this.sheet = sheet;
        this.author = author;
    }

    /**
     * Comments cell ({@code row}, {@code column}) with {@code text}, in a box three columns wide and
     * {@code lines} rows high; at most one comment per cell.
     */
    public void add(int row, int column, String text, int lines) {
        if (notes != null) {
            notes.add(new Note(row, column, text, author, Box.of(row, column, lines)));
            return;
        }
        if (table == null) {
            first(row, column, text, lines);
            return;
        }
        CellAddress address = new CellAddress(row, column);
        if (table.findCellComment(address) != null) {
            // As POI refuses it: Excel would offer to repair a file with two comments on one cell.
            throw new IllegalArgumentException("Multiple cell comments in one cell are not allowed, cell: " + address);
        }
        // As CommentsTable.createNewComment, with the shape's and the comment's cell set once, in place.
        CTShape shape = shapes.newCommentShape();
        CTClientData data = shape.getClientDataArray(0);
        data.setAnchorArray(0, Box.of(row, column, lines).anchor());
        data.xgetRowArray(0).setBigIntegerValue(BigInteger.valueOf(row));
        data.xgetColumnArray(0).setBigIntegerValue(BigInteger.valueOf(column));
        CTComment comment = table.newComment(address);
        comment.setAuthorId(authorId);
        comment.setText(new XSSFRichTextString(text).getCTRst());
    }

    /**
     * The parts made as POI's path makes them for its first comment (drawing, comments, VML, in that order),
     * then the comment added as the others are: kept as a plain {@link Note} when the sheet keeps its notes
     * ({@link CommentsPart#notes}), into POI's parts when it hands out its comments table; POI's own path
     * otherwise, which also makes the parts the next comments go into.
     */
    private void first(int row, int column, String text, int lines) {
        if (drawing == null) {
            drawing = sheet.createDrawingPatriarch();
        }
        XSSFSheet xssf = Cells.drawingSheet(sheet);
        if (xssf instanceof CommentsPart part) {
            Notes plain = part.notes();
            if (plain != null) {
                notes = plain;
                add(row, column, text, lines);
                return;
            }
            CommentsTable comments = part.commentsTable();
            XSSFVMLDrawing vml = xssf.getVMLDrawing(true);
            if (comments != null && vml != null) {
                table = comments;
                shapes = vml;
                authorId = comments.findAuthor(author);
                add(row, column, text, lines);
                return;
            }
        }
        Box box = Box.of(row, column, lines);
        ClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, box.column(), box.row(), box.lastColumn(),
                box.lastRow());
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(sheet.getWorkbook().getCreationHelper().createRichTextString(text));
        comment.setAuthor(author);
        comment.setAddress(row, column);
        CommentsTable comments = xssf.getRelations().stream().filter(CommentsTable.class::isInstance)
                .map(CommentsTable.class::cast).findFirst().orElse(null);
        XSSFVMLDrawing vml = xssf.getVMLDrawing(false);
        if (comments != null && vml != null && comment instanceof XSSFComment xssfComment) {
            table = comments;
            shapes = vml;
            authorId = xssfComment.getCTComment().getAuthorId();
        }
        // Otherwise (not where this POI version keeps them) every comment takes POI's path.
    }

    /**
     * A sheet that hands out its comments table, made as POI's drawing makes it for a first comment (POI keeps
     * that method protected); null when it is not POI's {@link CommentsTable}.
     */
    public interface CommentsPart {

        /** The sheet's comments table, made if it has none. */
        CommentsTable commentsTable();

        /**
         * The sheet's comments kept as plain values and written as POI writes them, their parts (comments, VML)
         * made at the first call as POI makes them for a first comment once the sheet has its drawing; null when
         * the sheet keeps its comments in POI's parts.
         */
        default Notes notes() {
            return null;
        }
    }

    /** A sheet's comments kept as plain values; at most one per cell. */
    public interface Notes {

        /** Adds {@code note}; an {@link IllegalArgumentException} when its cell has one already, as POI refuses it. */
        void add(Note note);
    }

    /** A comment on cell ({@code row}, {@code column}) by {@code author}, shown in {@code box}. */
    public record Note(int row, int column, String text, String author, Box box) {
    }

    /**
     * Where a comment is shown: from the top-left corner of cell ({@code row}, {@code column}) to the top-left corner
     * of cell ({@code lastRow}, {@code lastColumn}).
     */
    public record Box(int column, int row, int lastColumn, int lastRow) {

        /**
         * The box of a comment on cell ({@code row}, {@code column}): one column to the right of its cell (where
         * Excel shows it), three columns wide and {@code lines} rows high.
         */
        static Box of(int row, int column, int lines) {
            return new Box(column + 1, row, column + 4, row + lines);
        }

        /** The box as a VML shape's anchor gives it (column, offset, row, offset, ...; offsets 0). */
        public String anchor() {
            return column + ", 0, " + row + ", 0, " + lastColumn + ", 0, " + lastRow + ", 0";
        }
    }
}
