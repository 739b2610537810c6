package app.leadline.notification;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;

/** Sends SMS with the Twilio SDK, from a number or through a messaging service. */
class TwilioSmsSender implements SmsSender {

    private static final String TWILIO_API = "https://api.twilio.com";

    private final TwilioRestClient client;
    private final TwilioSettings settings;

    TwilioSmsSender(TwilioSettings settings) {
        this.settings = settings;
        HttpClient http = TWILIO_API.equals(settings.apiBaseUrl().toString())
                ? new SingleAttemptHttpClient()
                : new RedirectingHttpClient(settings.apiBaseUrl().toString());
        this.client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(http)
                .build();
    }

    @Override
    public String send(String to, String text) {
        try {
            return create(to, text);
        } catch (ApiConnectionException e) {
            throw new DeliveryFailure("Twilio could not be reached: " + e.getMessage(), true, e);
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            boolean retry = status == null || status == 429 || status >= 500;
            throw new DeliveryFailure(e.getMessage(), retry, e);
        }
    }

    private String create(String to, String text) {
        Message message = settings.messagingServiceSid() != null
                        && !settings.messagingServiceSid().isBlank()
                ? Message.creator(new PhoneNumber(to), settings.messagingServiceSid(), text)
                        .create(client)
                : Message.creator(new PhoneNumber(to), new PhoneNumber(settings.from()), text)
                        .create(client);
        return message.getSid();
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
