package app.leadline.notification;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * How many segments an SMS takes: GSM-7 text fits 160 characters in one segment and 153 per segment beyond
 * (characters of the extension table count twice); anything else travels as UCS-2, 70 and 67.
 */
final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {}

    static int count(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return segments(text.length(), 70, 67);
            }
        }
        return segments(septets, 160, 153);
    }

    /** Whether the text can travel as GSM-7. */
    static boolean gsm(String text) {
        return text.chars().allMatch(SmsSegments::gsm);
    }

    private static boolean gsm(int c) {
        return GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0;
    }

    /**
     * The text with the letters GSM-7 lacks written without their marks (ó as o, ł as l) and typographic punctuation
     * written plain (— as -, „“ as "), as texts written for SMS already are, so that one such character does not send
     * the whole message as UCS-2 (70 characters a segment instead of 160). Pictographs (an emoji, with its joiners,
     * skin tones and variation selectors) are left out: one would send the message as UCS-2 for a picture the e-mail
     * and the page still show. Other characters with no plain form (letters of other scripts) are kept.
     */
    static String plain(String text) {
        if (text == null || gsm(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean[] leftOut = {false};
        text.codePoints().forEach(c -> {
            if (gsm(c)) {
                out.appendCodePoint(c);
                return;
            }
            if (pictograph(c)) {
                leftOut[0] = true;
                return;
            }
            String bare = switch (c) {
                case 'ł' -> "l";
                case 'Ł' -> "L";
                // The punctuation a keyboard or a phone types for these: dashes, curly quotes, an ellipsis, spaces
                // that do not break.
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> "-";
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> "'";
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> "\"";
                case '\u2026' -> "...";
                case '\u00A0', '\u2007', '\u202F', '\u2009' -> " ";
                default ->
                    MARKS.matcher(Normalizer.normalize(Character.toString(c), Normalizer.Form.NFD))
                            .replaceAll("");
            };
            if (!bare.isEmpty() && gsm(bare)) {
                out.append(bare);
            } else {
                out.appendCodePoint(c);
            }
        });
        // Where a pictograph was, no doubled space nor a space before the punctuation after it.
        return leftOut[0]
                ? SPACE_BEFORE_PUNCTUATION
                        .matcher(SPACES.matcher(out).replaceAll(" "))
                        .replaceAll("$1")
                        .strip()
                : out.toString();
    }

    private static boolean pictograph(int c) {
        return Character.getType(c) == Character.OTHER_SYMBOL
                || c == 0x200D // zero-width joiner
                || (c >= 0xFE00 && c <= 0xFE0F) // variation selectors
                || (c >= 0x1F3FB && c <= 0x1F3FF); // skin tones
    }

    private static final Pattern SPACES = Pattern.compile(" {2,}");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile(" ([.,!?:;])");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static int segments(int units, int single, int multi) {
        return units <= single ? 1 : (units + multi - 1) / multi;
    }
}
