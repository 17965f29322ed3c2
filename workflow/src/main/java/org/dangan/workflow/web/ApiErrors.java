package org.dangan.workflow.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.security.AccountRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Errors of the REST API as JSON that names what was wrong, by a message key and a text in the
 * request's language; no stack traces, no personal data. Always JSON, whatever the request asked
 * for: a client that accepts only PDF still learns why it got none.
 */
@RestControllerAdvice(basePackages = "org.dangan.workflow")
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e, Locale locale) {
        return keyed(HttpStatus.FORBIDDEN, "error.forbidden", locale);
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<ApiError> refused(Refused e, Locale locale) {
        return json(
                HttpStatus.valueOf(e.kind().status()),
                messages.getMessage(e.key(), e.arguments(), locale),
                Map.of("key", e.key()));
    }

    @ExceptionHandler(AccountRefused.class)
    ResponseEntity<ApiError> accountRefused(AccountRefused e, Locale locale) {
        return json(
                HttpStatus.BAD_REQUEST, messages.getMessage(e.key(), e.arguments(), locale), Map.of("key", e.key()));
    }

    /**
     * A refusal still in the domain's own English: the caller gets the generic text in its language
     * under {@code error.badRequest}, and the English reason beside it unless it names code.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> badRequest(IllegalArgumentException e, Locale locale) {
        return withReason(HttpStatus.BAD_REQUEST, "error.badRequest", e.getMessage(), locale);
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ApiError> conflict(IllegalStateException e, Locale locale) {
        return withReason(HttpStatus.CONFLICT, "error.conflict", e.getMessage(), locale);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e, Locale locale) {
        return parameter("error.parameter.missing", e.getParameterName(), locale);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e, Locale locale) {
        return parameter("error.parameter.missing", e.getRequestPartName(), locale);
    }

    /** Spring's own text names the Java types it failed to convert to; the caller needs the parameter's name only. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> wrongValue(MethodArgumentTypeMismatchException e, Locale locale) {
        return parameter("error.parameter.invalid", e.getName(), locale);
    }

    /** Malformed JSON, a wrong type or date in it, nesting past the parser's limit: the body as a whole. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, Locale locale) {
        // a value that refuses its own content while the body is read (a paper check's note) says
        // why, not that the JSON could not be read
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof Refused refused) {
                return refused(refused, locale);
            }
        }
        return keyed(HttpStatus.BAD_REQUEST, "error.body.unreadable", locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, Locale locale) {
        ResponseEntity<ApiError> refusal = keyed(HttpStatus.METHOD_NOT_ALLOWED, "error.method", locale);
        if (e.getSupportedHttpMethods() == null) {
            return refusal;
        }
        return ResponseEntity.status(refusal.getStatusCode())
                .headers(refusal.getHeaders())
                .allow(e.getSupportedHttpMethods().toArray(HttpMethod[]::new))
                .body(refusal.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e, Locale locale) {
        return keyed(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType", locale);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e, Locale locale) {
        return keyed(HttpStatus.NOT_ACCEPTABLE, "error.notAcceptable", locale);
    }

    /** Two people changed the same thing at once: the later one is told to look again, nothing is half-done. */
    @ExceptionHandler({OptimisticLockingFailureException.class, OptimisticLockingException.class})
    ResponseEntity<ApiError> concurrent(RuntimeException e, Locale locale) {
        return keyed(HttpStatus.CONFLICT, "error.concurrent", locale);
    }

    /**
     * Input the database refused (a value past a column's length, a list past what a statement
     * holds). Its message quotes the statement and the values, so only the type is logged.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ApiError> refusedByDatabase(DataIntegrityViolationException e, Locale locale) {
        log.warn(
                "input refused by the database: {}",
                e.getMostSpecificCause().getClass().getName());
        return keyed(HttpStatus.BAD_REQUEST, "error.badRequest", locale);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e, Locale locale) {
        String limit = e.getMaxUploadSize() > 0
                ? DataSize.ofBytes(e.getMaxUploadSize()).toMegabytes() + " MB"
                : "?";
        return json(
                HttpStatus.PAYLOAD_TOO_LARGE,
                messages.getMessage("import.too.large", new Object[] {limit}, locale),
                Map.of("key", "import.too.large"));
    }

    private ResponseEntity<ApiError> keyed(HttpStatus status, String key, Locale locale) {
        return json(status, messages.getMessage(key, null, locale), Map.of("key", key));
    }

    private ResponseEntity<ApiError> parameter(String key, String name, Locale locale) {
        return json(
                HttpStatus.BAD_REQUEST,
                messages.getMessage(key, new Object[] {name}, locale),
                Map.of("key", key, "parameter", name));
    }

    private ResponseEntity<ApiError> withReason(HttpStatus status, String key, String reason, Locale locale) {
        Map<String, Object> details = new HashMap<>(Map.of("key", key));
        if (!namesCode(reason)) {
            details.put("reason", reason);
        }
        return json(status, messages.getMessage(key, null, locale), details);
    }

    /**
     * A message the JDK or a library wrote for programmers ("No enum constant org...") tells a
     * caller how the code is built and nothing they can mend; it is left out.
     */
    private static boolean namesCode(String message) {
        return message == null
                || message.contains("org.")
                || message.contains("java.")
                || message.contains("javax.")
                || message.contains("jakarta.")
                || message.contains("No enum constant");
    }

    /** The content type is set here, so Spring writes JSON even when the request accepted only PDF. */
    static ResponseEntity<ApiError> json(HttpStatus status, String message, Map<String, Object> details) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(status.value(), status.getReasonPhrase(), message, details));
    }
}
