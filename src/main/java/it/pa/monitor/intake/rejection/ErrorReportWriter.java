package it.pa.monitor.intake.rejection;

import it.pa.monitor.values.ItalianFormat;
import it.pa.monitor.workbook.WorkbookFiles;
import it.pa.monitor.workbook.XlsxSheets;

import it.pa.monitor.intake.sheet.SubmittedWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import it.pa.monitor.workbook.OdsWorkbook;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.problem.Problems;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Writes the {@code <file>-errori.xlsx} sent back to an office whose workbook was rejected (FORMATS.md §5). */
@Component
public class ErrorReportWriter {

    private static final Logger log = LoggerFactory.getLogger(ErrorReportWriter.class);

    static final String SUFFIX = "-errori.xlsx";
    /** The copy of a submitted sheet that is itself called Errori gets this name instead. */
    static final String RENAMED_ERRORI = "Errori (file inviato)";
    static final String UNREADABLE = "il file non può essere letto come cartella di lavoro (formati accettati: "
            + SubmittedWorkbook.ACCEPTED_FORMATS + "): salvarlo di nuovo in formato .xlsx o .ods e inviarlo";
    static final String PASSWORD = "la cartella di lavoro è protetta da password: salvarla senza password e inviarla"
            + " di nuovo";
    private static final Pattern ILLEGAL_IN_FILE_NAME = Pattern.compile("[/\\\\:*?\"<>|\\p{Cntrl}]");
    private static final Pattern CELL = Pattern.compile("\\$?([A-Z]{1,3})\\$?([0-9]{1,7})(?::.*)?");
    private static final int MAX_NAME_BYTES = 255;
    /**
     * A submitted .xlsx larger than this once expanded (an .xls or .ods, read whole, an eighth of it) is not opened
     * again to copy its sheets: a real monitoring sheet expands to a few hundred kilobytes, and reading a huge one
     * again (its shared texts held whole by the streaming reader) would take the memory the run's report needs.
     */
    static final long MAX_COPIED_BYTES = 20L * 1024 * 1024;
    static final String NOT_COPIED = "il file è troppo grande per copiarne qui i fogli (%s MB una volta decompresso):"
            + " i problemi sono elencati con la loro cella";
    /** Rows of the report kept in memory per sheet before being written to a temporary file. */
    private static final int WINDOW = 200;

    /**
     * Writes {@code <folder>/<submitted name without extension>-errori.xlsx}, replacing any earlier one, and
     * returns its path. A submitted file that cannot be read still gets a report, with the Errori sheet only.
     *
     * @throws UncheckedIOException when the report itself cannot be written
     */
    public Path write(Path submitted, List<Problem> problems, Path folder) {
        return write(submitted, problems, folder, reportFileName(submitted.getFileName().toString()));
    }

    /**
     * As {@link #write(Path, List, Path)}, the report named {@code reportName} ({@link #reportFileName(String, int)}).
     */
    public Path write(Path submitted, List<Problem> problems, Path folder, String reportName) {
        String fileName = submitted.getFileName().toString();
        Path target = folder.resolve(reportName);
        List<Problem> all = new ArrayList<>(problems);
        try {
            Files.createDirectories(folder);
            // Written aside and moved in whole: a reader of the folder never sees half a report. Not
            // Files.createTempFile, whose owner-only permissions would hide the report from the offices.
            Path partial = folder.resolve(".errori-" + UUID.randomUUID() + ".tmp");
            try {
                SXSSFWorkbook report = new SXSSFWorkbook(WINDOW);
                try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    build(report, submitted, fileName, all);
                    report.write(out);
                } finally {
                    // Disposed, not closed: POI's close of a workbook it created saves it all over again into
                    // memory (a sixth of a report's cost); disposing deletes the rows' temporary files.
                    report.dispose();
                }
                moveInto(partial, target);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("impossibile scrivere il rapporto degli errori " + target, e);
        }
        log.info("Error report for {}: {} ({} problem(s))", fileName, target, all.size());
        return target;
    }

    /** The report's name: the submitted name kept as it is, but for characters no file name may hold. */
    static String reportFileName(String submittedName) {
        return reportFileName(submittedName, 1);
    }

    /**
     * The report's name numbered {@code nth} (from 1): {@code " (2)"} and so on before the suffix from the second on,
     * for rejected files of one run whose names give the same report name ({@code scheda.xlsx} and
     * {@code scheda.ods}), so that no report of the run replaces another (the caller picks the first free number).
     */
    public static String reportFileName(String submittedName, int nth) {
        int dot = submittedName.lastIndexOf('.');
        String base = dot > 0 ? submittedName.substring(0, dot) : submittedName;
        base = ILLEGAL_IN_FILE_NAME.matcher(base).replaceAll("_").strip();
        base = base.isEmpty() ? "file" : base;
        String end = (nth > 1 ? " (" + nth + ")" : "") + SUFFIX;
        // File systems cap a name at 255 bytes; only a name already near the cap loses its end.
        while (base.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES - end.length()) {
            base = base.substring(0, base.offsetByCodePoints(base.length(), -1));
        }
        return base + end;
    }

    private void build(SXSSFWorkbook report, Path submitted, String fileName, List<Problem> problems) {
        ErrorReportStyles styles = new ErrorReportStyles(report);
        // Created first so that it is the first tab; it is filled last, once every sheet has been copied.
        SXSSFSheet errori = report.createSheet(ErrorsSheet.NAME);
        List<Problem> listed = new ArrayList<>(problems);
        // The note's count: the file's errors, the ones a long list leaves out too (a rejected file's report lists
        // its errors; the archive gives it no warning), and a reason said here; not this report's own lines
        // (sheets not copied, or copied in part).
        long count = Problems.errors(problems);
        Workbook source = null;
        long expanded = WorkbookFiles.expandedSize(submitted);
        // An .xls or .ods is read whole to be copied (an .xlsx is streamed), and the reports are written on every
        // core beside the run's report: such a file gets an eighth of the size.
        long maxCopied = XlsxSheets.mayRead(submitted) ? MAX_COPIED_BYTES : MAX_COPIED_BYTES / 8;
        try {
            if (expanded > maxCopied) {
                log.info("Error report for {}: {} bytes once expanded, its sheets not copied", fileName, expanded);
                // Always said: a file-level problem already listed (its reason, or the line counting the problems
                // left out) does not tell why its sheets are missing.
                listed.add(0, Problem.fileError(String.format(Locale.ITALY, NOT_COPIED,
                        ItalianFormat.megabytes(expanded))));
            } else {
                source = SubmittedWorkbook.open(submitted);
            }
        } catch (EncryptedDocumentException e) {
            log.info("Error report for {}: the file is password-protected", fileName);
            count += addFileProblem(listed, PASSWORD);
        } catch (IOException | RuntimeException e) {
            log.info("Error report for {}: the file cannot be read ({})", fileName, e.toString());
            count += addFileProblem(listed, UNREADABLE);
        }
        List<String> sheetNames = List.of();
        Map<Integer, String> copies = Map.of();
        if (source != null) {
            try (Workbook opened = source) {
                sheetNames = sheetNames(opened);
                copies = copiedSheets(sheetNames, problems);
                copySheets(report, opened, copies, sheetNames, problems, listed, styles);
            } catch (IOException | RuntimeException e) {
                log.info("Error report for {}: reading the file failed ({})", fileName, e.toString());
                if (sheetNames.isEmpty()) {
                    count += addFileProblem(listed, UNREADABLE);
                }
            }
        }
        List<PlacedProblem> placed = place(listed, sheetNames, copies);
        boolean highlighted = placed.stream().anyMatch(p -> p.copiedSheet() != null && p.cell() != null);
        new ErrorsSheet(styles).fill(report, errori, fileName, placed, count, highlighted,
                OdsWorkbook.isSpreadsheet(submitted));
        report.setActiveSheet(0);
        errori.setSelected(true);
    }

    private static void copySheets(SXSSFWorkbook report, Workbook source, Map<Integer, String> copies,
                                   List<String> sheetNames, List<Problem> problems, List<Problem> listed,
                                   ErrorReportStyles styles) {
        SheetCopier copier = new SheetCopier(styles);
        for (Map.Entry<Integer, String> copy : copies.entrySet()) {
            int index = copy.getKey();
            try {
                copier.copy(source.getSheetAt(index), report.createSheet(copy.getValue()),
                        offendingCells(index, sheetNames, problems));
            } catch (RuntimeException e) {
                log.info("Sheet {} copied only in part into the error report: {}", sheetNames.get(index), e.toString());
                listed.add(Problem.cellError(sheetNames.get(index), null, null,
                        "il foglio non può essere letto per intero: la copia in questo file può essere incompleta"));
            }
        }
    }

    /**
     * The caller usually knows why the file is unreadable; the report only says so when nobody did. The number of
     * problems added: 1 or 0.
     */
    private static int addFileProblem(List<Problem> problems, String message) {
        if (problems.stream().noneMatch(p -> p.sheet() == null)) {
            problems.add(0, Problem.fileError(message));
            return 1;
        }
        return 0;
    }

    private static List<String> sheetNames(Workbook source) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < source.getNumberOfSheets(); i++) {
            names.add(source.getSheetName(i));
        }
        return names;
    }

    /**
     * Source sheet index to the name of its copy, in workbook order: every sheet with a problem, and the
     * first sheet when no problem points at a cell, so the office always sees its data next to the list.
     */
    private static Map<Integer, String> copiedSheets(List<String> sheetNames, List<Problem> problems) {
        Set<Integer> indexes = new TreeSet<>();
        boolean anyCell = false;
        for (Problem problem : problems) {
            Integer index = sheetIndex(problem.sheet(), sheetNames);
            if (index != null) {
                indexes.add(index);
                anyCell |= cellAddress(problem.cell()) != null;
            }
        }
        if (!anyCell && !sheetNames.isEmpty()) {
            indexes.add(0);
        }
        Set<String> taken = new HashSet<>();
        sheetNames.forEach(name -> taken.add(name.toLowerCase(Locale.ROOT)));
        Map<Integer, String> copies = new LinkedHashMap<>();
        for (int index : indexes) {
            String name = sheetNames.get(index);
            if (name.equalsIgnoreCase(ErrorsSheet.NAME)) {
                name = RENAMED_ERRORI;
                for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
                    name = "Errori (file inviato " + n + ")";
                }
            }
            copies.put(index, name);
        }
        return copies;
    }

    private static NavigableMap<Integer, NavigableMap<Integer, List<String>>> offendingCells(
            int index, List<String> sheetNames, List<Problem> problems) {
        NavigableMap<Integer, NavigableMap<Integer, List<String>>> cells = new TreeMap<>();
        for (Problem problem : problems) {
            CellAddress address = cellAddress(problem.cell());
            Integer problemSheet = sheetIndex(problem.sheet(), sheetNames);
            if (address != null && problemSheet != null && problemSheet == index) {
                cells.computeIfAbsent(address.getRow(), r -> new TreeMap<>())
                        .computeIfAbsent(address.getColumn(), c -> new ArrayList<>())
                        .add(ReportText.sentence(problem.message()));
            }
        }
        return cells;
    }

    /** In the order a person reads the file: whole-file problems, then sheet by sheet, row by row. */
    private static List<PlacedProblem> place(List<Problem> problems, List<String> sheetNames,
                                             Map<Integer, String> copies) {
        record Keyed(PlacedProblem placed, int sheetOrder, int row, int column, int order) {
        }
        List<Keyed> keyed = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            Problem problem = problems.get(i);
            Integer index = sheetIndex(problem.sheet(), sheetNames);
            CellAddress address = cellAddress(problem.cell());
            int sheetOrder = problem.sheet() == null ? -1 : index == null ? Integer.MAX_VALUE : index;
            String copy = index == null ? null : copies.get(index);
            keyed.add(new Keyed(new PlacedProblem(problem, copy, address), sheetOrder,
                    address == null ? -1 : address.getRow(), address == null ? -1 : address.getColumn(), i));
        }
        keyed.sort(Comparator.comparingInt(Keyed::sheetOrder).thenComparingInt(Keyed::row)
                .thenComparingInt(Keyed::column).thenComparingInt(Keyed::order));
        return keyed.stream().map(Keyed::placed).toList();
    }

    /** The sheet's index in the file: its exact name, else the same name in other case or spacing. */
    private static Integer sheetIndex(String sheet, List<String> sheetNames) {
        if (sheet == null) {
            return null;
        }
        int exact = sheetNames.indexOf(sheet);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < sheetNames.size(); i++) {
            if (sheetNames.get(i).strip().equalsIgnoreCase(sheet.strip())) {
                return i;
            }
        }
        return null;
    }

    /** {@code D12} or {@code $D$12} (a range counts as its first cell); null for anything else. */
    static CellAddress cellAddress(String cell) {
        if (cell == null) {
            return null;
        }
        Matcher matcher = CELL.matcher(cell.strip().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            return null;
        }
        int column = CellReference.convertColStringToIndex(matcher.group(1));
        long row = Long.parseLong(matcher.group(2)) - 1;
        SpreadsheetVersion limits = SpreadsheetVersion.EXCEL2007;
        if (column > limits.getLastColumnIndex() || row < 0 || row > limits.getLastRowIndex()) {
            return null;
        }
        return new CellAddress((int) row, column);
    }

    private static void moveInto(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
