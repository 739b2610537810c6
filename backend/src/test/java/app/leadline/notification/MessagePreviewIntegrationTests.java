package app.leadline.notification;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.Refusals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;

/** Admins see what customers read; nobody else does. */
@LeadlineIntegrationTest
class MessagePreviewIntegrationTests {

    @Autowired
    Clients clients;

    @Test
    void anAdminSeesEveryMessageRenderedInTheChosenLanguage() {
        var previews = clients.agent("ada", "AGENT", "ADMIN")
                .documentName("messagePreviews")
                .variable("language", "da")
                .execute();
        previews.path("messagePreviews[*].kind")
                .entityList(String.class)
                .satisfies(kinds ->
                        org.assertj.core.api.Assertions.assertThat(kinds).containsAll(MessageTemplates.KINDS));
        previews.path("messagePreviews[?(@.kind == 'PAST_PROMISE' && @.channel == 'EMAIL')].subject")
                .entityList(String.class)
                .containsExactly("Ordre SAMPLE-1042 kommer senere end lovet");
        previews.path("messagePreviews[?(@.channel == 'SMS')].segments")
                .entityList(Integer.class)
                .satisfies(segments -> org.assertj.core.api.Assertions.assertThat(segments)
                        .allSatisfy(count -> org.assertj.core.api.Assertions.assertThat(count)
                                .isBetween(1, 2)));
    }

    @Test
    void anAgentWithoutTheAdminRoleIsRefused() {
        clients.agent("sam", "AGENT")
                .documentName("messagePreviews")
                .variable("language", "en")
                .execute()
                .errors()
                .satisfy(Refusals.only(ErrorType.FORBIDDEN));
        clients.anonymous()
                .documentName("messagePreviews")
                .variable("language", "en")
                .execute()
                .errors()
                .satisfy(Refusals.only(ErrorType.UNAUTHORIZED));
    }
}
