package app.leadline.tracking;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the single-page app for tracking links. The token stays in the path, which the page reads; the
 * security headers ({@code Referrer-Policy: no-referrer}, {@code Cache-Control: no-store}) keep it from leaking
 * to other sites or caches.
 */
@Controller
class TrackingPageController {

    @GetMapping({"/t/{token}", "/t/", "/t"})
    String page() {
        return "forward:/index.html";
    }
}
