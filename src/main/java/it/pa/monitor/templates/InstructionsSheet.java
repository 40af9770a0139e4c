package it.pa.monitor.templates;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** The {@code Istruzioni} sheet: how to fill in the template, in plain Italian. */
final class InstructionsSheet {

    static final String NAME = "Istruzioni";
    private static final int WIDTH = 90;
    /** About 1,15 characters of running text per unit of column width. */
    private static final int CHARS_PER_LINE = 100;

    private InstructionsSheet() {
    }

    static void write(Workbook workbook, TemplateStyles styles, String ente, String period, String referenceDate,
                      String fileName) {
        Sheet sheet = workbook.createSheet(NAME);
        sheet.setColumnWidth(0, WIDTH * 256);
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"h", "Come compilare la scheda di rilevazione"});
        lines.add(new String[] {"p", "Questa scheda raccoglie i valori degli indicatori del piano della performance di "
                + ente + " per il periodo " + period + ", cioè la situazione al " + referenceDate + "."});
        lines.add(new String[] {"h", "Che cosa compilare"});
        lines.add(new String[] {"p", "Nel foglio «Rilevazione» si compilano solo le celle gialle: la colonna"
                + " «Consuntivo» (il valore al " + referenceDate + "), la colonna «Note» (facoltativa: motivazioni,"
                + " scostamenti, fonti) e, in alto, «Compilato da» e «Data compilazione»."});
        lines.add(new String[] {"p", "Le altre celle (codici, nomi, algoritmi, pesi, target e i consuntivi dei periodi"
                + " precedenti già acquisiti) sono bloccate: il foglio è protetto senza password solo per evitare"
                + " modifiche involontarie. Non aggiungere, togliere o spostare righe e non rinominare i fogli."});
        lines.add(new String[] {"h", "Come scrivere il Consuntivo"});
        lines.add(new String[] {"p", "Numeri: 8, 1.635,50, 95,83% (per le percentuali si può scrivere anche il simbolo"
                + " %). Se nulla è stato fatto scrivere 0: una cella vuota vuol dire «non ancora rilevato», non zero."});
        lines.add(new String[] {"p", "Scadenze (target «Entro ...»): la data in cui l'attività è stata realizzata, ad"
                + " esempio 18/12/2025. Scrivere solo date già avvenute alla data di riferimento (" + referenceDate
                + "): una data successiva vale come «non ancora realizzato». Se l'attività non è conclusa lasciare"
                + " vuoto oppure scrivere «Non realizzato»."});
        lines.add(new String[] {"p", "Obiettivi sì/no: scegliere dall'elenco «Realizzato», «Non realizzato» oppure"
                + " «N.C.»."});
        lines.add(new String[] {"p", "N.C. (non calcolabile) si usa quando il valore non si può rilevare per ragioni"
                + " che non dipendono dall'ufficio: l'indicatore è escluso dal calcolo e il suo peso è ripartito"
                + " sugli altri. Spiegare il motivo nella colonna «Note»."});
        lines.add(new String[] {"p", "Passando sulla cella del Consuntivo compare il target dell'indicatore; un valore"
                + " che non corrisponde al tipo di target viene rifiutato con un messaggio che spiega cosa scrivere."});
        lines.add(new String[] {"h", "Come inviare la scheda"});
        lines.add(new String[] {"p", "Salvare il file in formato Excel (.xlsx), anche con LibreOffice, senza password,"
                + " lasciando il nome «" + fileName + "», e inviarlo all'ufficio pianificazione e controllo (ciclo"
                + " della performance) dell'ente. Il foglio nascosto «_meta» identifica la scheda: non modificarlo."});
        lines.add(new String[] {"p", "Se una scheda viene rifiutata, l'ufficio riceve l'elenco delle celle da"
                + " correggere: correggere quelle celle e inviare di nuovo il file."});
        int r = 0;
        for (String[] line : lines) {
            if (line[0].equals("h") && r > 0) {
                r++;
            }
            Row row = sheet.createRow(r++);
            Cell cell = row.createCell(0);
            cell.setCellValue(line[1]);
            cell.setCellStyle(line[0].equals("h") ? styles.heading : styles.paragraph);
            float height = (line[1].length() / CHARS_PER_LINE + 1) * 14.5f;
            row.setHeightInPoints(height);
        }
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }
}
