package org.dangan.workflow.security;

import java.util.Arrays;

/**
 * A password the policy refuses or a user name already taken (400), with the rule's message key
 * and its arguments, translated where it is shown like {@link org.dangan.workflow.platform.Refused}.
 * Not a Refused itself: that type lives in the platform module, which depends on this one, and a
 * dependency back would be a cycle between modules. Never carries the password.
 */
public class AccountRefused extends RuntimeException {

    private final String key;
    private final transient Object[] arguments;

    AccountRefused(String key, Object... arguments) {
        super(key + Arrays.toString(arguments), null, false, false);
        this.key = key;
        this.arguments = arguments.clone();
    }

    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
