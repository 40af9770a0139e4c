package it.pa.monitor.report.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workbook streamed through the unlocked buffer is, part for part, the one plain SXSSF writes. */
class StreamedWorkbookTest {

    /** Texts POI escapes, a pair of surrogates, a control character, a text longer than the buffer. */
    private static final List<String> TEXTS = List.of("<a & \"b\"> 'c'", "riga 1\nriga 2\r\tfine", "a\u00A0b",
            "emoji \uD83D\uDE00 fine", "ctrl\u0001x", " spazi ", "à è ì ò ù €", "x".repeat(20_000) + "é",
            "OS_1.1/Studi_ISR");

    @TempDir
    Path folder;

    @Test
    void writesTheSamePartsAsPlainSxssf() throws IOException {
        assertThat(parts(new StreamedWorkbook(new XSSFWorkbook(), 10), folder.resolve("unlocked.xlsx")))
                .isEqualTo(parts(new SXSSFWorkbook(10), folder.resolve("poi.xlsx")));
    }

    /**
     * Sheets built in memory before streaming (their rows in SXSSF's template, copied around the streamed ones):
     * the same parts as plain SXSSF given the same base, with texts of one to four bytes a character.
     */
    @Test
    void copiesTheBaseSheetsAsPlainSxssf() throws IOException {
        assertThat(partsOverBase(new StreamedWorkbook(base(), 10), folder.resolve("unlocked-base.xlsx")))
                .isEqualTo(partsOverBase(new SXSSFWorkbook(base(), 10), folder.resolve("poi-base.xlsx")));
    }

    /** An in-memory workbook: a sheet of rows, an empty one, one with rows and a merged region. */
    private static XSSFWorkbook base() {
        XSSFWorkbook base = new XSSFWorkbook();
        Sheet rows = base.createSheet("In memoria");
        for (int r = 0; r < 3_000; r++) {
            Row row = rows.createRow(r);
            row.createCell(0).setCellValue(TEXTS.get(r % TEXTS.size()) + " <sheetData> " + r);
            row.createCell(2).setCellValue(r / 3.0);
        }
        base.createSheet("Vuoto");
        Sheet merged = base.createSheet("Unito");
        merged.createRow(0).createCell(0).setCellValue("Sintesi \u2013 \u00E8 \uD83D\uDE00");
        merged.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, 3));
        return base;
    }

    /** Every part's bytes (creation time aside) after streaming one more sheet over the base's. */
    private static List<String> partsOverBase(SXSSFWorkbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Flusso");
            for (int r = 0; r < 100; r++) {
                sheet.createRow(r).createCell(1).setCellValue(TEXTS.get(r % TEXTS.size()));
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
        }
        List<String> parts = partsOf(file, bytes -> java.util.HexFormat.of().formatHex(bytes));
        assertThat(parts).hasSizeGreaterThan(8);
        return parts;
    }

    @Test
    void theBufferPassesEveryCharacterOnInOrder() throws IOException {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        StringBuilder expected = new StringBuilder();
        try (StreamedWorkbook.UnlockedWriter writer = new StreamedWorkbook.UnlockedWriter(target)) {
            for (int i = 0; i < 3_000; i++) {
                String text = "<c r=\"A" + i + "\">";
                writer.write(text);
                writer.write('é');
                char[] chars = ("v" + i).toCharArray();
                writer.write(chars, 0, chars.length);
                writer.write("--" + i + "--", 2, String.valueOf(i).length());
                expected.append(text).append('é').append("v").append(i).append(i);
            }
            String big = "y".repeat(9_000);
            writer.write(big.toCharArray(), 0, big.length());
            writer.write(big);
            expected.append(big).append(big);
            writer.flush();
            assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        }
    }

    /**
     * The bytes are those of an {@link OutputStreamWriter} in UTF-8 given the same calls: surrogate pairs whole,
     * also when their halves come in two calls; a half alone, a high one left at the end too, as {@code ?}.
     */
    @Test
    void encodesAsTheJdksUtf8Writer() throws IOException {
        char[] odd = {'a', 'Z', ' ', '<', '\u007F', '\u0080', '\u00E9', '\u07FF', '\u0800', '\u20AC', '\uFFFD',
                '\uFFFE', '\uFFFF', '\uD83D', '\uDE00', '\uDBFF', '\uDC00', '\uD800', '\uDFFF'};
        Random random = new Random(20261130L);
        for (int round = 0; round < 200; round++) {
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            ByteArrayOutputStream jdk = new ByteArrayOutputStream();
            try (StreamedWorkbook.UnlockedWriter writer = new StreamedWorkbook.UnlockedWriter(ours);
                 Writer reference = new OutputStreamWriter(jdk, StandardCharsets.UTF_8)) {
                int calls = 1 + random.nextInt(40);
                for (int call = 0; call < calls; call++) {
                    int length = random.nextInt(10) == 0 ? 10_000 + random.nextInt(30_000) : random.nextInt(6);
                    char[] text = new char[length];
                    for (int i = 0; i < length; i++) {
                        text[i] = random.nextInt(3) == 0 ? odd[random.nextInt(odd.length)]
                                : (char) ('a' + random.nextInt(26));
                    }
                    switch (random.nextInt(4)) {
                        case 0 -> {
                            writer.write(new String(text));
                            reference.write(new String(text));
                        }
                        case 1 -> {
                            writer.write(text, 0, length);
                            reference.write(text, 0, length);
                        }
                        case 2 -> {
                            for (char c : text) {
                                writer.write(c);
                                reference.write(c);
                            }
                        }
                        default -> {
                            writer.flush();
                            writer.write(new String(text), 0, length);
                            reference.write(new String(text), 0, length);
                        }
                    }
                }
            }
            assertThat(ours.toByteArray()).as("round %d", round).isEqualTo(jdk.toByteArray());
        }
    }

    /** Escaped as POI escapes: entities, character references, ? for what XML cannot hold, the rest encoded. */
    @Test
    void escapesAsPoiAndEncodesTheRest() throws IOException {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        try (StreamedWorkbook.UnlockedWriter writer = new StreamedWorkbook.UnlockedWriter(target)) {
            writer.write('\uD83D'); // waits for its low half, which an entity is not
            writer.escaped("<a & \"b\">\n\r\t\u00A0\u0001\uFFFE\uFFFF 'c' \u20AC \uD83D\uDE00 \uDE00");
            writer.escaped("x".repeat(20_000) + "\u00E9");
            writer.escaped(" fine \uD83D"); // its high half waits, and markup after it is no low half
            writer.ascii("</t>".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo("?&lt;a &amp; &quot;b&quot;&gt;&#xa;&#xd;&#x9;"
                + "&#xa0;??? 'c' \u20AC \uD83D\uDE00 ?" + "x".repeat(20_000) + "\u00E9 fine ?</t>");
    }

    /** The workbook's parts after writing rows well past the window, except its creation time. */
    private static List<String> parts(SXSSFWorkbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (String name : List.of("Uno", "Due")) {
                Sheet sheet = workbook.createSheet(name);
                for (int r = 0; r < 200; r++) {
                    Row row = sheet.createRow(r);
                    row.createCell(0).setCellValue(TEXTS.get(r % TEXTS.size()));
                    row.createCell(1).setCellValue(r * 0.25);
                    row.createCell(3);
                    if (r % 7 == 0) {
                        row.setHeightInPoints(30);
                    }
                }
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
        }
        List<String> parts = partsOf(file, bytes -> new String(bytes, StandardCharsets.UTF_8));
        assertThat(parts).anySatisfy(part -> assertThat(part).startsWith("xl/worksheets/sheet2.xml")
                .contains("emoji \uD83D\uDE00 fine").contains("&lt;a &amp; &quot;b&quot;&gt;"));
        return parts;
    }

    /** Every part of the zip but its creation time, as its name and {@code shown} content. */
    private static List<String> partsOf(Path file, java.util.function.Function<byte[], String> shown)
            throws IOException {
        List<String> parts = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (!entry.getName().equals("docProps/core.xml")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        parts.add(entry.getName() + "\n" + shown.apply(in.readAllBytes()));
                    }
                }
            }
        }
        return parts;
    }
}
