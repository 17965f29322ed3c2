package org.dangan.workflow.registry;

/** A resident's phone number as it may appear where the number itself is not needed: a log line. */
public final class PhoneNumber {

    private PhoneNumber() {}

    /**
     * The first three and the last four digits of a mobile number (138****5678), as carriers and
     * banks print it: enough for a resident to recognise their own, too little to call it. Shorter
     * text is masked whole.
     */
    public static String mask(String raw) {
        if (raw == null || raw.isEmpty()) {
            return raw;
        }
        String p = raw.strip();
        if (p.length() < 8) {
            return "*".repeat(p.length());
        }
        return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
    }
}
