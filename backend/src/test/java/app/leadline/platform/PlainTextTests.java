package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTests {

    @Test
    void aTagsStartIsMarkupWhileALessThanSignInWordsIsNot() {
        assertThat(PlainText.hasMarkup("Sturm <b>über</b> der Ostsee")).isTrue();
        assertThat(PlainText.hasMarkup("late</p>")).isTrue();
        assertThat(PlainText.hasMarkup("<!-- hidden -->")).isTrue();
        assertThat(PlainText.hasMarkup("<img src=x onerror=alert(1)>")).isTrue();

        assertThat(PlainText.hasMarkup("Fewer chairs < ordered, more next week"))
                .isFalse();
        assertThat(PlainText.hasMarkup("Arrives in <5 days")).isFalse();
        assertThat(PlainText.hasMarkup("We <3 our customers -> sorry")).isFalse();
        assertThat(PlainText.hasMarkup(null)).isFalse();
    }
}
