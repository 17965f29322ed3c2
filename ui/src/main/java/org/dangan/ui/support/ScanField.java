package org.dangan.ui.support;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/**
 * A field a hand scanner types into (the scanner acts as a keyboard: the code, then Enter): each
 * code goes to the screen, and the field is emptied and keeps the focus for the next label.
 */
public final class ScanField extends TextField {

    public ScanField(String id, String label, Consumer<String> scanned) {
        setId(id);
        setLabel(label);
        addKeyPressListener(Key.ENTER, e -> {
            String code = getValue().strip();
            clear();
            focus();
            if (!code.isEmpty()) {
                scanned.accept(code);
            }
        });
    }
}
