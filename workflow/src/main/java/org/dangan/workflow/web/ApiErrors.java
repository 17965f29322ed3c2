package org.dangan.workflow.web;

import java.util.Locale;
import java.util.Map;
import org.dangan.workflow.platform.Refused;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Errors of the REST API as JSON that names what was wrong; no stack traces, no personal data. */
@RestControllerAdvice(basePackages = "org.dangan.workflow")
class ApiErrors {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e, Locale locale) {
        return error(HttpStatus.FORBIDDEN, messages.getMessage("error.forbidden", null, locale));
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<ApiError> refused(Refused e, Locale locale) {
        HttpStatus status = HttpStatus.valueOf(e.kind().status());
        String text = messages.getMessage(e.key(), e.arguments(), locale);
        return ResponseEntity.status(status)
                .body(new ApiError(status.value(), status.getReasonPhrase(), text, Map.of("key", e.key())));
    }

    @ExceptionHandler(org.dangan.workflow.security.PasswordRefused.class)
    ResponseEntity<ApiError> passwordRefused(org.dangan.workflow.security.PasswordRefused e, Locale locale) {
        String text = messages.getMessage(e.key(), e.arguments(), locale);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new ApiError(HttpStatus.BAD_REQUEST.value(),
                HttpStatus.BAD_REQUEST.getReasonPhrase(), text, Map.of("key", e.key())));
    }

    @ExceptionHandler({IllegalArgumentException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class})
    ResponseEntity<ApiError> badRequest(Exception e, Locale locale) {
        if (namesCode(e.getMessage())) {
            String key = "error.badRequest";
            return ResponseEntity.badRequest().body(new ApiError(HttpStatus.BAD_REQUEST.value(),
                    HttpStatus.BAD_REQUEST.getReasonPhrase(), messages.getMessage(key, null, locale), Map.of("key", key)));
        }
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /**
     * A message the JDK or a library wrote for programmers ("No enum constant org...") tells a
     * caller how the code is built and nothing they can mend; they get a generic text instead.
     */
    private static boolean namesCode(String message) {
        return message == null || message.contains("org.") || message.contains("java.") || message.contains("javax.")
                || message.contains("jakarta.") || message.contains("No enum constant");
    }

    /** Spring's own text names the Java types it failed to convert to; the caller needs the parameter's name only. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> wrongValue(MethodArgumentTypeMismatchException e, Locale locale) {
        String key = "error.parameter.invalid";
        String text = messages.getMessage(key, new Object[] {e.getName()}, locale);
        return ResponseEntity.badRequest().body(new ApiError(HttpStatus.BAD_REQUEST.value(),
                HttpStatus.BAD_REQUEST.getReasonPhrase(), text, Map.of("key", key, "parameter", e.getName())));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ApiError> conflict(IllegalStateException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e, Locale locale) {
        String limit = e.getMaxUploadSize() > 0 ? DataSize.ofBytes(e.getMaxUploadSize()).toMegabytes() + " MB" : "?";
        return error(HttpStatus.PAYLOAD_TOO_LARGE, messages.getMessage("import.too.large", new Object[] {limit}, locale));
    }

    static ResponseEntity<ApiError> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(ApiError.of(status.value(), status.getReasonPhrase(), message));
    }
}
