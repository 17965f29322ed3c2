package org.dangan.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Screens speak Chinese first, English second, from the same bundles as the API's messages. */
@Component
public class DanganI18NProvider implements I18NProvider {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final MessageSource messages;

    public DanganI18NProvider(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(CHINESE, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale target = locale != null && locale.getLanguage().equals("en") ? ENGLISH : CHINESE;
        return messages.getMessage(key, params, "!" + key, target);
    }
}
