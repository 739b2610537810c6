package app.leadline.notification;

import com.twilio.base.Page;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hc.core5.http.Header;

/** Sends SMS with the Twilio SDK, from a number or through a messaging service. */
class TwilioSmsSender implements SmsSender {

    private static final String TWILIO_API = "https://api.twilio.com";

    private final TwilioRestClient client;
    private final SingleAttemptHttpClient http;
    private final TwilioSettings settings;
    /** Without it Twilio reports no delivery for messages sent from a number, and {@code deliveryStatus} stays. */
    private final URI statusCallback;

    TwilioSmsSender(TwilioSettings settings, URI statusCallback) {
        this.settings = settings;
        this.statusCallback = statusCallback;
        this.http = TWILIO_API.equals(settings.apiBaseUrl().toString())
                ? new SingleAttemptHttpClient()
                : new RedirectingHttpClient(settings.apiBaseUrl().toString());
        this.client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(http)
                .build();
    }

    @Override
    public String send(String to, String text) {
        http.lastAnswer.remove();
        try {
            return create(to, text);
        } catch (ApiConnectionException | ApiException e) {
            // Without an answer the request may still have reached Twilio, and Twilio may have taken the message.
            Optional<Response> answer = Optional.ofNullable(http.lastAnswer.get());
            Integer status = answer.map(Response::getStatusCode).orElse(null);
            boolean retry = status == null || status == 429 || status >= 500;
            throw new DeliveryFailure(
                    answer.isPresent() ? e.getMessage() : "No answer from Twilio: " + e.getMessage(),
                    retry,
                    answer.isEmpty(),
                    answer.flatMap(SingleAttemptHttpClient::retryAfter).orElse(null),
                    e);
        } finally {
            http.lastAnswer.remove();
        }
    }

    /** Twilio's newest messages to the number, matched by text and creation time. */
    @Override
    public Optional<String> findAccepted(String to, String text, Instant since) {
        try {
            Page<Message> newest =
                    Message.reader().setTo(new PhoneNumber(to)).setPageSize(50L).firstPage(client);
            return newest.getRecords().stream()
                    .filter(message -> text.equals(message.getBody()))
                    .filter(message -> message.getDateCreated() == null
                            || !message.getDateCreated().toInstant().isBefore(since.minusSeconds(60)))
                    .map(Message::getSid)
                    .findFirst();
        } catch (ApiConnectionException e) {
            throw new DeliveryFailure("Twilio could not be reached: " + e.getMessage(), true, true, null, e);
        } catch (ApiException e) {
            throw new DeliveryFailure("Twilio could not list messages: " + e.getMessage(), true, true, null, e);
        }
    }

    private String create(String to, String text) {
        MessageCreator creator = settings.messagingServiceSid() != null
                        && !settings.messagingServiceSid().isBlank()
                ? Message.creator(new PhoneNumber(to), settings.messagingServiceSid(), text)
                : Message.creator(new PhoneNumber(to), new PhoneNumber(settings.from()), text);
        return creator.setStatusCallback(statusCallback).create(client).getSid();
    }

    /**
     * The SDK has no base-URL setting: this client sends its requests to another address (a local stand-in in
     * tests), with the same method, path, parameters and credentials.
     */
    static class SingleAttemptHttpClient extends NetworkHttpClient {

        SingleAttemptHttpClient() {
            // Apache HttpClient would also retry a 429 or 503 by itself.
            super(org.apache.hc.client5.http.impl.classic.HttpClients.custom()
                    .disableAutomaticRetries()
                    .setDefaultRequestConfig(HttpClient.DEFAULT_REQUEST_CONFIG));
        }

        /**
         * The SDK would retry 429s and 5xx at once, blocking the sender; Leadline retries later with backoff and
         * jitter instead, so every call here is a single attempt.
         */
        @Override
        protected boolean shouldRetry(Response response, int[] retryCodes) {
            return false;
        }

        /** The last answer Twilio gave on this thread; none when the connection broke first. */
        final ThreadLocal<Response> lastAnswer = new ThreadLocal<>();

        @Override
        public Response makeRequest(Request request) {
            Response response = super.makeRequest(request);
            lastAnswer.set(response);
            return response;
        }

        /** The answer's {@code Retry-After}, in seconds, when Twilio sent one. */
        static Optional<Duration> retryAfter(Response response) {
            if (response.getHeaders() == null) {
                return Optional.empty();
            }
            for (Header header : response.getHeaders()) {
                if ("Retry-After".equalsIgnoreCase(header.getName())) {
                    try {
                        long seconds = Long.parseLong(header.getValue().trim());
                        return seconds >= 0
                                ? Optional.of(Duration.ofSeconds(Math.min(seconds, 3600)))
                                : Optional.empty();
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    static final class RedirectingHttpClient extends SingleAttemptHttpClient {

        private final String baseUrl;

        RedirectingHttpClient(String baseUrl) {
            super();
            this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        }

        @Override
        public Response makeRequest(Request request) {
            String url = request.getUrl().replaceFirst("^https://[^/]+", baseUrl);
            Request redirected = new Request(request.getMethod(), url);
            redirected.setAuth(request.getUsername(), request.getPassword());
            request.getPostParams()
                    .forEach((name, values) -> values.forEach(value -> redirected.addPostParam(name, value)));
            request.getQueryParams()
                    .forEach((name, values) -> values.forEach(value -> redirected.addQueryParam(name, value)));
            request.getHeaderParams()
                    .forEach((name, values) -> values.forEach(value -> redirected.addHeaderParam(name, value)));
            return super.makeRequest(redirected);
        }
    }
}
