package org.dangan.workflow.resident;

import java.util.Map;

/**
 * Sends a short message to a resident's phone through the county's SMS gateway (or, in the demo,
 * to the application log). The text is the gateway's template, chosen by kind; we send only the
 * template's parameters (a code, a date), never a name.
 */
public interface SmsSender {

    enum Kind {
        /** The six-digit sign-in code. */
        SIGN_IN_CODE,
        /** The code that confirms a new phone number before it is stored. */
        PHONE_CONFIRMATION,
        /** A follow-up or examination is due. */
        SERVICE_DUE
    }

    void send(String phone, Kind kind, Map<String, String> parameters);
}
