package app.leadline.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * The page's scripts, styles and icons under {@code /assets}: their names carry a hash of their content, so a browser
 * keeps each for a year without asking again, and gets the Brotli or gzip copy the build wrote beside it. The HTML
 * that names them, and every API answer, stay {@code no-store} (Spring Security's default), so a new build reaches
 * customers at once and no order is cached.
 */
@Configuration(proxyBeanMethods = false)
class StaticFiles implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new BrotliFirst())
                .addResolver(new EncodedResourceResolver());
    }

    /**
     * Brotli whenever the browser takes it. Spring's resolver tries the codings in the order the request lists them,
     * and browsers list gzip first without saying they prefer it ("gzip, deflate, br, zstd"): every customer got the
     * gzip copy, a fifth larger. Codings a request lists without weights are equally welcome (RFC 9110, 12.5.3), so
     * the resolver after this one is shown the list with Brotli first; a request that refuses it ("br;q=0") or does
     * not name it is passed on as it came.
     */
    static final class BrotliFirst extends AbstractResourceResolver {

        @Override
        protected Resource resolveResourceInternal(
                HttpServletRequest request,
                String requestPath,
                List<? extends Resource> locations,
                ResourceResolverChain chain) {
            return chain.resolveResource(request == null ? null : brotliFirst(request), requestPath, locations);
        }

        @Override
        protected String resolveUrlPathInternal(
                String resourceUrlPath, List<? extends Resource> locations, ResourceResolverChain chain) {
            return chain.resolveUrlPath(resourceUrlPath, locations);
        }

        static HttpServletRequest brotliFirst(HttpServletRequest request) {
            String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
            if (accepted == null) {
                return request;
            }
            List<String> codings = Arrays.stream(accepted.split(","))
                    .map(String::trim)
                    .filter(coding -> !coding.isEmpty())
                    .toList();
            List<String> brotli = codings.stream()
                    .filter(coding -> coding.equalsIgnoreCase("br"))
                    .toList();
            if (brotli.isEmpty() || codings.get(0).equalsIgnoreCase("br")) {
                return request;
            }
            String reordered = Stream.concat(
                            brotli.stream(), codings.stream().filter(coding -> !coding.equalsIgnoreCase("br")))
                    .collect(Collectors.joining(", "));
            return new HttpServletRequestWrapper(request) {
                @Override
                public String getHeader(String name) {
                    return HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(name) ? reordered : super.getHeader(name);
                }

                @Override
                public Enumeration<String> getHeaders(String name) {
                    return HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(name)
                            ? Collections.enumeration(List.of(reordered))
                            : super.getHeaders(name);
                }
            };
        }
    }

    /**
     * A browser sent to an address Leadline does not have gets the page, which says how to find an order (with a 404
     * status), not the framework's error page. API clients still get the error as JSON.
     */
    @org.springframework.context.annotation.Bean
    org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver pageForUnknownAddresses() {
        return (request, status, model) -> status == org.springframework.http.HttpStatus.NOT_FOUND
                ? new org.springframework.web.servlet.ModelAndView("forward:/index.html", status)
                : null;
    }

    /**
     * The uncompressed copy varies by Accept-Encoding too (the resolver says so only on the compressed ones), so
     * that a shared cache never hands it to a browser that could have had the smaller one, nor the other way round.
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
                        return true;
                    }
                })
                .addPathPatterns("/assets/**");
    }
}
