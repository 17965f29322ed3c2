package org.dangan.workflow.platform;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A refusal a user can meet: a message key of the {@code i18n/messages} bundles with its arguments
 * and the kind of refusal, translated where it is shown (the API by the request's language, the
 * screens by the user's). Arguments must never carry personal data: the message is also what a log
 * line would show. An enum argument is shown by its own key ({@code Role.ARCHIVIST}, a nested
 * one by {@code Disposal.State.PROPOSED} first), a collection as
 * a list ({@code list.N}), so that no code reaches a Chinese screen.
 */
public class Refused extends RuntimeException {

    /** What kind of refusal it is; the API answers with its status. */
    public enum Kind {
        INVALID(400),
        FORBIDDEN(403),
        NOT_FOUND(404),
        CONFLICT(409),
        TOO_LARGE(413),
        /** Issue 19: who asked could not be recognised (a resident's sign-in code that did not match). */
        UNAUTHORIZED(401),
        /** Issue 19: too many attempts from one place; try again later. */
        TOO_MANY_REQUESTS(429);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String key;
    private final transient Object[] arguments;

    /** For refusals of one feature that callers catch by their own type (an import's whole-file refusal). */
    protected Refused(Kind kind, String key, Object... arguments) {
        super(key + Arrays.toString(arguments), null, false, false);
        this.kind = kind;
        this.key = key;
        this.arguments = Arrays.stream(arguments).map(Refused::translatable).toArray();
    }

    private static Object translatable(Object argument) {
        if (argument instanceof Enum<?> e) {
            // A nested enum is looked up by its outer-qualified key first: the nested names collide
            // (Disposal.State and RecordTransfer.State both have values of their own).
            Class<?> type = e.getDeclaringClass();
            String simple = type.getSimpleName() + "." + e.name();
            String[] codes = type.getEnclosingClass() == null
                    ? new String[] {simple}
                    : new String[] {type.getEnclosingClass().getSimpleName() + "." + simple, simple};
            return new DefaultMessageSourceResolvable(codes, e.name());
        }
        if (argument instanceof Collection<?> items) {
            return new DefaultMessageSourceResolvable(
                    new String[] {"list." + items.size()},
                    items.stream().map(Refused::translatable).toArray(),
                    items.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return argument;
    }

    /** What a refusal may echo of a value it was given: stripped, at most 40 characters, never megabytes. */
    public static String echo(String asked) {
        String shown = asked == null ? "" : asked.strip();
        return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    }

    /** A step the state of things does not allow (409). */
    public static Refused of(String key, Object... arguments) {
        return new Refused(Kind.CONFLICT, key, arguments);
    }

    /** Input that is wrong or past a limit (400). */
    public static Refused invalid(String key, Object... arguments) {
        return new Refused(Kind.INVALID, key, arguments);
    }

    /** The user lacks a role or permission for this (403). */
    public static Refused forbidden(String key, Object... arguments) {
        return new Refused(Kind.FORBIDDEN, key, arguments);
    }

    /** Nothing by this id in the user's scope (404). */
    public static Refused notFound(String key, Object... arguments) {
        return new Refused(Kind.NOT_FOUND, key, arguments);
    }

    /** An upload past a size limit (413). */
    public static Refused tooLarge(String key, Object... arguments) {
        return new Refused(Kind.TOO_LARGE, key, arguments);
    }

    /** Who asked could not be recognised (401): a sign-in that failed. */
    public static Refused unauthorized(String key, Object... arguments) {
        return new Refused(Kind.UNAUTHORIZED, key, arguments);
    }

    /** Too many attempts from one place (429). */
    public static Refused tooManyRequests(String key, Object... arguments) {
        return new Refused(Kind.TOO_MANY_REQUESTS, key, arguments);
    }

    public Kind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
