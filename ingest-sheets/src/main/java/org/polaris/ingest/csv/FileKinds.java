package org.polaris.ingest.csv;

import java.nio.charset.StandardCharsets;

/**
 * What a file that is not CSV text is, from its first bytes (their "magic numbers"), so a refusal
 * can say "an Excel workbook" or "a gzip archive" instead of "not UTF-8". Only formats operators
 * actually upload by mistake.
 */
final class FileKinds {

    private static final String SAVE_AS = "; save it as \"CSV UTF-8\" and upload that";

    private FileKinds() {
    }

    /** The refusal for a file of another format, or null when it may be text. */
    static String describe(byte[] head) {
        if (starts(head, 0x50, 0x4B, 0x03, 0x04)) {
            String text = new String(head, StandardCharsets.ISO_8859_1);
            boolean excel = text.contains("xl/") || text.contains("[Content_Types].xml");
            return excel ? "the file is an Excel workbook (XLSX, a binary file), not CSV text: open it in Excel"
                    + SAVE_AS : "the file is a ZIP archive (a binary file), not CSV text: unpack it, or if it is an "
                    + "Excel workbook open it in Excel" + SAVE_AS;
        }
        if (starts(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "the file is an Excel 97-2003 workbook (XLS, a binary file), not CSV text: open it in Excel" + SAVE_AS;
        }
        if (starts(head, 0x1F, 0x8B)) {
            return "the file is a gzip archive (a binary file), not CSV text: unpack it and upload the CSV inside";
        }
        if (starts(head, 0x89, 0x50, 0x4E, 0x47)) {
            return "the file is a PNG image (a binary file), not CSV text: upload the CSV export";
        }
        if (starts(head, 0xFF, 0xD8, 0xFF)) {
            return "the file is a JPEG image (a binary file), not CSV text: upload the CSV export";
        }
        if (starts(head, 'G', 'I', 'F', '8')) {
            return "the file is a GIF image (a binary file), not CSV text: upload the CSV export";
        }
        if (starts(head, '%', 'P', 'D', 'F')) {
            return "the file is a PDF document (a binary file), not CSV text: upload the CSV export";
        }
        if (starts(head, 0xFF, 0xFE) || starts(head, 0xFE, 0xFF) || utf16WithoutBom(head)) {
            return "the file is UTF-16 text (\"Unicode Text\"), not UTF-8" + SAVE_AS;
        }
        return null;
    }

    /** ASCII text in UTF-16 has a NUL in every other byte. */
    private static boolean utf16WithoutBom(byte[] head) {
        int pairs = Math.min(head.length / 2, 64);
        if (pairs < 4) {
            return false;
        }
        int evenNuls = 0;
        int oddNuls = 0;
        for (int i = 0; i < pairs * 2; i += 2) {
            evenNuls += head[i] == 0 ? 1 : 0;
            oddNuls += head[i + 1] == 0 ? 1 : 0;
        }
        return (evenNuls == pairs && oddNuls == 0) || (oddNuls == pairs && evenNuls == 0);
    }

    private static boolean starts(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
