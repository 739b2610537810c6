package app.leadline.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The sentences of typed errors ({@link UserError}, a CSV row's error) in Danish, German and Polish. Errors are
 * written in English where they arise, with the values that make them specific (a purchase order's number, how many
 * units are still to come); this table reads those values back out of the English sentence and puts them into the
 * same sentence in another language.
 *
 * <p>{@code errors/errors.properties} holds the English sentences as patterns, {@code CODE.n=Only {0} of {1} are
 * still to come on purchase order {2}.}; {@code errors/errors_xx.properties} holds the same patterns in language
 * {@code xx} and, for every code, one sentence without values ({@code CODE=...}) for an English sentence no pattern
 * matches. So an error worded anew in English is still said in the agent's language, only less specifically.
 */
@Component
public class ErrorTranslations {

    /** The languages besides English. */
    public static final List<String> LANGUAGES = List.of("da", "de", "pl");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

    /** A day as the English sentences write it, "2 Nov 2025"; another language's sentence writes it its own way. */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    /** One English sentence with values, as a pattern; the values' places in it, in order. */
    private record Sentence(String key, Pattern pattern, List<Integer> values, int literalLength) {

        static Sentence of(String key, String english) {
            StringBuilder regex = new StringBuilder("^");
            List<Integer> values = new ArrayList<>();
            Matcher placeholder = PLACEHOLDER.matcher(english);
            int from = 0;
            while (placeholder.find()) {
                regex.append(Pattern.quote(english.substring(from, placeholder.start())))
                        .append("(.+?)");
                values.add(Integer.parseInt(placeholder.group(1)));
                from = placeholder.end();
            }
            regex.append(Pattern.quote(english.substring(from))).append('$');
            int literal = PLACEHOLDER.matcher(english).replaceAll("").length();
            return new Sentence(key, Pattern.compile(regex.toString(), Pattern.DOTALL), values, literal);
        }

        /** The values this sentence gives the message, by placeholder number; empty when it is another sentence. */
        Optional<Map<Integer, String>> read(String message) {
            Matcher matched = pattern.matcher(message);
            if (!matched.matches()) {
                return Optional.empty();
            }
            Map<Integer, String> read = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                read.put(values.get(i), matched.group(i + 1));
            }
            return Optional.of(read);
        }
    }

    /** Per code, its English sentences with values, the most specific (the most fixed text) first. */
    private final Map<String, List<Sentence>> english = new HashMap<>();

    private final Map<String, Properties> languages = new HashMap<>();

    public ErrorTranslations() {
        Properties patterns = load("errors/errors.properties");
        for (String key : patterns.stringPropertyNames()) {
            String code = key.substring(0, key.indexOf('.'));
            english.computeIfAbsent(code, c -> new ArrayList<>()).add(Sentence.of(key, patterns.getProperty(key)));
        }
        english.values()
                .forEach(sentences -> sentences.sort(Comparator.comparingInt(Sentence::literalLength)
                        .reversed()
                        .thenComparing(Sentence::key)));
        for (String language : LANGUAGES) {
            languages.put(language, load("errors/errors_" + language + ".properties"));
        }
    }

    /**
     * The error's sentence in {@code language}: the English {@code message} with its values in that language's
     * sentence, else that language's sentence for the code, else the message as it is (English, or a code nobody
     * translated).
     */
    public String translate(String code, String message, String language) {
        Properties texts = languages.get(language);
        if (texts == null || code == null || message == null) {
            return message;
        }
        for (Sentence sentence : english.getOrDefault(code, List.of())) {
            Optional<Map<Integer, String>> values = sentence.read(message);
            String translated = texts.getProperty(sentence.key());
            if (values.isPresent() && translated != null) {
                return PLACEHOLDER
                        .matcher(translated)
                        .replaceAll(placeholder -> Matcher.quoteReplacement(inLanguage(
                                values.get().getOrDefault(Integer.parseInt(placeholder.group(1)), ""), language)));
            }
        }
        return texts.getProperty(code, message);
    }

    /** A value as the language writes it: a day in its own words and order, anything else as it is. */
    private static String inLanguage(String value, String language) {
        try {
            return LocalDate.parse(value, DAY)
                    .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                            .withLocale(Locale.forLanguageTag(language)));
        } catch (DateTimeParseException notADay) {
            return value;
        }
    }

    /** The English patterns' keys ({@code CODE.n}) and sentences: for the checks that every language has them. */
    public static Properties englishSentences() {
        return load("errors/errors.properties");
    }

    public static Properties sentences(String language) {
        return load("errors/errors_" + language + ".properties");
    }

    private static Properties load(String path) {
        Properties properties = new Properties();
        try (InputStream in = ErrorTranslations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return properties;
    }
}
