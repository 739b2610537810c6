package app.leadline.platform;

import app.leadline.platform.GraphQlConfiguration.GraphQlLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the body of {@code POST /graphql}: callers with a token may send a shop's batch of orders, callers
 * without one (customers) only what their page sends. A larger body is refused with 413 and a GraphQL error whose
 * {@code extensions.code} is {@code REQUEST_TOO_LARGE}, before any of it is parsed. Runs after the bearer token is
 * checked, so it knows which limit applies.
 */
final class GraphQlRequestSize extends OncePerRequestFilter {

    private final DataSize withToken;
    private final DataSize withoutToken;

    GraphQlRequestSize(GraphQlLimits limits) {
        this.withToken = limits.maxRequestSize();
        this.withoutToken = limits.maxAnonymousRequestSize();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/graphql".equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        DataSize limit = SecurityContextHolder.getContext().getAuthentication()
                        instanceof AbstractOAuth2TokenAuthenticationToken<?>
                ? withToken
                : withoutToken;
        long bytes = limit.toBytes();
        if (request.getContentLengthLong() > bytes) {
            refuse(response, limit);
            return;
        }
        // Without a declared length (chunked), read at most one byte more than allowed to know.
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, bytes + 1));
        if (body.length > bytes) {
            refuse(response, limit);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private static void refuse(HttpServletResponse response, DataSize limit) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Connection", "close");
        response.getOutputStream()
                .write(("{\"errors\":[{\"message\":\"The request is larger than " + limit.toKilobytes()
                                + " KB.\",\"extensions\":{\"code\":\"REQUEST_TOO_LARGE\"}}]}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** The request with its body already read. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset =
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }
    }
}
