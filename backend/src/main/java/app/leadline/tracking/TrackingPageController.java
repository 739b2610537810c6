package app.leadline.tracking;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the single-page app for tracking links. The token stays in the path, which the page reads; the
 * security headers ({@code Referrer-Policy: no-referrer}, {@code Cache-Control: no-store}) keep it from leaking
 * to other sites or caches. Anything after the token (a slash a mail client added, a full stop copied from a text
 * message) still opens the page, which reads the token from the path's start.
 */
@Controller
class TrackingPageController {

    @GetMapping({"/t", "/t/**"})
    String page() {
        return "forward:/index.html";
    }
}
