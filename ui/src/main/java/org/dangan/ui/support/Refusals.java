package org.dangan.ui.support;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.dangan.workflow.platform.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * What the screens say when the domain refuses a step: a {@link Refused} in the user's language
 * from its key; anything else (a refusal still in the domain's own English, a failure) as a
 * general sentence, the exception logged by its type only, since its message may name a person.
 */
public final class Refusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private Refusals() {}

    public static String message(RuntimeException e) {
        UI ui = UI.getCurrent();
        if (e instanceof Refused refused) {
            return ui.getTranslation(refused.key(), refused.arguments());
        }
        if (e instanceof AccessDeniedException) {
            return ui.getTranslation("error.forbidden");
        }
        log.warn(
                "a step was refused without a message key: {} at {}",
                e.getClass().getName(),
                e.getStackTrace().length == 0 ? "?" : e.getStackTrace()[0]);
        return ui.getTranslation("error.notDone");
    }

    /** Shows the refusal as an error notification and answers its text. */
    public static String show(RuntimeException e) {
        String text = message(e);
        Notification n = Notification.show(text, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        return text;
    }

    /** Tells the user what was done, in a sentence that names it ("已批准调阅 #1"). */
    public static void done(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
