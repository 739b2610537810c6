package app.leadline.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;

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
                .addResolver(new EncodedResourceResolver());
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
