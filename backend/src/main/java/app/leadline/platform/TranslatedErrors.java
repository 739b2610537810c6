package app.leadline.platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Says the typed errors of an answer (every object with a {@code code} and a {@code message}: a payload's errors, a
 * CSV row's) in the language the caller asks for with {@code Accept-Language}: Danish, German or Polish, else
 * English as written. Only for callers that sign in (the console, the shop's systems): the customer's page picks its
 * own sentence by each error's code, so its answers, the most frequent of all, are not walked.
 */
@Component
class TranslatedErrors implements WebGraphQlInterceptor {

    private final ErrorTranslations translations;

    TranslatedErrors(ErrorTranslations translations) {
        this.translations = translations;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Optional<String> language = request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                ? language(request.getHeaders())
                : Optional.empty();
        if (language.isEmpty()) {
            return chain.next(request);
        }
        return chain.next(request).map(response -> {
            translate(response.getData(), language.get());
            return response;
        });
    }

    /** The first language the caller accepts that Leadline speaks, unless that is English. */
    private static Optional<String> language(HttpHeaders headers) {
        List<Locale.LanguageRange> ranges;
        try {
            ranges = headers.getAcceptLanguage();
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
        List<String> spoken = new java.util.ArrayList<>(ErrorTranslations.LANGUAGES);
        spoken.add("en");
        return Optional.ofNullable(Locale.lookupTag(ranges, spoken)).filter(tag -> !"en".equals(tag));
    }

    /**
     * Puts each error's sentence in the language, in place: the answer's objects are graphql-java's own maps, made
     * for this answer alone.
     */
    @SuppressWarnings("unchecked")
    private void translate(Object data, String language) {
        if (data instanceof Map<?, ?> object) {
            if (object.get("code") instanceof String code && object.get("message") instanceof String message) {
                try {
                    ((Map<String, Object>) object).put("message", translations.translate(code, message, language));
                } catch (UnsupportedOperationException unchangeable) {
                    // A map a data fetcher gave as it is: the sentence stays as written rather than fail the answer.
                }
            }
            object.values().forEach(value -> translate(value, language));
        } else if (data instanceof List<?> list) {
            list.forEach(item -> translate(item, language));
        }
    }
}
