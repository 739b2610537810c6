package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every typed error the code can give is said in Danish, German and Polish; each sentence with values keeps them;
 * and the English sentences the table reads values from are still the ones the code writes.
 */
class ErrorTranslationsTests {

    private static final Path MAIN = Path.of("src", "main", "java");

    /** Where the code builds a typed error: its code is the first capitals literal inside the call. */
    private static final Pattern CONSTRUCTION =
            Pattern.compile("\\b(?:UserError|OrderRuleViolation|RequestRefused|RowError|reject|refused)\\(");

    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z_]{2,})\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    private final ErrorTranslations translations = new ErrorTranslations();

    private static String sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    // A carrier's webhook is answered in HTTP statuses and codes for its systems, not for a person.
                    .filter(file -> !file.endsWith("DeliveryWebhook.java"))
                    .map(file -> {
                        try {
                            return Files.readString(file);
                        } catch (IOException unreadable) {
                            throw new java.io.UncheckedIOException(unreadable);
                        }
                    })
                    .collect(Collectors.joining("\n"));
        }
    }

    /** The codes of every typed error built in the code. */
    private static Set<String> codes(String sources) {
        Set<String> codes = new TreeSet<>();
        Matcher call = CONSTRUCTION.matcher(sources);
        while (call.find()) {
            int depth = 0;
            int end = call.end() - 1;
            for (; end < sources.length(); end++) {
                char c = sources.charAt(end);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    break;
                }
            }
            Matcher code = CODE.matcher(sources.substring(call.end(), end));
            while (code.find()) {
                codes.add(code.group(1));
            }
        }
        return codes;
    }

    private static Set<String> placeholders(String sentence) {
        return PLACEHOLDER
                .matcher(sentence)
                .results()
                .map(java.util.regex.MatchResult::group)
                .collect(Collectors.toSet());
    }

    @Test
    void everyCodeAndEverySentenceWithValuesIsSaidInEachLanguage() throws IOException {
        Set<String> codes = codes(sources());
        assertThat(codes).contains("OVER_RECEIPT", "REQUIRED", "UNKNOWN_PURCHASE_ORDER", "NOT_A_DATE");
        Properties english = ErrorTranslations.englishSentences();
        for (String language : ErrorTranslations.LANGUAGES) {
            Properties sentences = ErrorTranslations.sentences(language);
            assertThat(codes)
                    .as("codes without a sentence in " + language)
                    .allMatch(code -> sentences.getProperty(code, "").strip().length() > 0);
            for (String key : english.stringPropertyNames()) {
                assertThat(sentences.getProperty(key))
                        .as(key + " in " + language)
                        .isNotBlank();
                assertThat(placeholders(sentences.getProperty(key)))
                        .as("the values of " + key + " in " + language)
                        .isEqualTo(placeholders(english.getProperty(key)));
            }
            assertThat(sentences.stringPropertyNames())
                    .as("sentences in " + language + " for no code or pattern")
                    .allMatch(key -> english.containsKey(key) || codes.contains(key));
        }
    }

    @Test
    void theEnglishSentencesReadAreStillWrittenByTheCode() throws IOException {
        String sources = sources();
        Properties english = ErrorTranslations.englishSentences();
        for (String key : english.stringPropertyNames()) {
            String longestFixedPart = Stream.of(PLACEHOLDER.split(english.getProperty(key)))
                    .max(java.util.Comparator.comparingInt(String::length))
                    .orElseThrow();
            assertThat(sources).as(key + ": '" + longestFixedPart + "'").contains(longestFixedPart);
        }
    }

    @Test
    void aDayInASentenceIsWrittenAsTheLanguageWritesDays() {
        String english = "Goods cannot have arrived before purchase order PO-1 was sent, on 2 Nov 2025.";

        assertThat(translations.translate("RECEIVED_BEFORE_SENT", english, "da"))
                .isEqualTo("Varer kan ikke være ankommet, før indkøbsordre PO-1 blev sendt, den 2. nov. 2025.");
        assertThat(translations.translate("RECEIVED_BEFORE_SENT", english, "de"))
                .isEqualTo("Ware kann nicht angekommen sein, bevor Lieferantenbestellung PO-1 am 02.11.2025 verschickt"
                        + " wurde.");
        assertThat(translations.translate("RECEIVED_BEFORE_SENT", english, "pl"))
                .isEqualTo("Towar nie mógł dotrzeć przed wysłaniem zamówienia u dostawcy PO-1 w dniu 2 lis 2025.");
    }

    @Test
    void aSentenceKeepsItsValuesAndAnUnknownOneFallsBackToItsCode() {
        assertThat(translations.translate(
                        "OVER_RECEIPT", "Purchase order PO-7 has only 2 of CHAIR still to come.", "da"))
                .isEqualTo("Kun 2 af CHAIR mangler stadig på indkøbsordre PO-7.");
        // The most specific sentence wins: this one ends differently, not with a longer purchase order number.
        assertThat(translations.translate(
                        "OVER_RECEIPT",
                        "Purchase order PO-7 has only 2 of CHAIR still to come, counting the rows above.",
                        "de"))
                .isEqualTo("Lieferantenbestellung PO-7 hat von CHAIR nur noch 2 offen, die Zeilen darüber"
                        + " mitgezählt.");
        assertThat(translations.translate("REQUIRED", "Give the SKU.", "pl")).isEqualTo("Podaj SKU.");
        assertThat(translations.translate("REQUIRED", "reason is required.", "da"))
                .isEqualTo("Skal udfyldes.");
        assertThat(translations.translate("OVER_RECEIPT", "Only 2 of CHAIR.", "en"))
                .isEqualTo("Only 2 of CHAIR.");
        assertThat(translations.translate("NO_SUCH_CODE", "Something else.", "da"))
                .isEqualTo("Something else.");
    }
}
