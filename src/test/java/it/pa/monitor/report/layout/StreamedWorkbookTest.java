package it.pa.monitor.report.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void theBufferPassesEveryCharacterOnInOrder() throws IOException {
        StringWriter target = new StringWriter();
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
            assertThat(target.toString()).isEqualTo(expected.toString());
        }
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
        List<String> parts = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (!entry.getName().equals("docProps/core.xml")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        parts.add(entry.getName() + "\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        assertThat(parts).anySatisfy(part -> assertThat(part).startsWith("xl/worksheets/sheet2.xml")
                .contains("emoji \uD83D\uDE00 fine").contains("&lt;a &amp; &quot;b&quot;&gt;"));
        return parts;
    }
}
