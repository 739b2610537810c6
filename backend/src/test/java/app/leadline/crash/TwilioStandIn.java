package app.leadline.crash;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Twilio's Messages API as far as Leadline uses it, at the network edge: it takes messages (and remembers every one
 * it took, in order) and lists those sent to a number, newest first, as Twilio's list endpoint does.
 */
final class TwilioStandIn implements AutoCloseable {

    /** One message Twilio took. */
    record Taken(String sid, String to, String body, ZonedDateTime created) {}

    private final HttpServer server;
    private final List<Taken> taken = new ArrayList<>();

    TwilioStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<Taken> taken() {
        return List.copyOf(taken);
    }

    synchronized int count() {
        return taken.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.endsWith("/Messages.json")) {
            answer(exchange, 404, "{\"code\": 20404, \"message\": \"Not found\", \"status\": 404}");
            return;
        }
        if (exchange.getRequestMethod().equals("POST")) {
            Map<String, String> form =
                    parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Taken message = new Taken(
                    "SM" + UUID.randomUUID().toString().replace("-", ""),
                    form.get("To"),
                    form.get("Body"),
                    ZonedDateTime.now(ZoneOffset.UTC));
            synchronized (this) {
                taken.add(message);
            }
            answer(exchange, 201, json(message));
            return;
        }
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        StringBuilder listed = new StringBuilder();
        List<Taken> all = taken();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).to().equals(query.get("To"))) {
                listed.append(listed.isEmpty() ? "" : ",").append(json(all.get(i)));
            }
        }
        answer(
                exchange,
                200,
                "{\"messages\": [" + listed + "], \"end\": 0, \"first_page_uri\": \"" + path
                        + "?PageSize=50&Page=0\", \"next_page_uri\": null, \"page\": 0, \"page_size\": 50,"
                        + " \"previous_page_uri\": null, \"start\": 0, \"uri\": \"" + path + "?PageSize=50&Page=0\"}");
    }

    private static String json(Taken message) {
        return "{\"sid\": \"" + message.sid() + "\", \"to\": \"" + escape(message.to()) + "\", \"body\": \""
                + escape(message.body()) + "\", \"status\": \"queued\", \"date_created\": \""
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(message.created()) + "\"}";
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return fields;
        }
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
