package dev.autodev.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.autodev.common.ApiException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every error leaves as the same JSON shape: status, a short code, the field at fault (if any) and why. */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorBody(int status, String error, String field, String message) {}

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorBody> api(ApiException e) {
        String field = switch (e) {
            case ApiException.BadRequest bad -> bad.field();
            case ApiException.Conflict conflict -> conflict.field();
            default -> null;
        };
        return body(HttpStatus.valueOf(e.status()), field, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        if (BodySizeLimit.causedByTooLarge(e)) {
            return ResponseEntity.status(413).body(new ErrorBody(413, "payload_too_large", "body", e.getMostSpecificCause().getMessage()
                    + " (autodev.security.max-body-size)"));
        }
        Throwable cause = outermostJacksonCause(e);
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return body(HttpStatus.BAD_REQUEST, path(unknown), "unknown field");
        }
        if (cause instanceof InvalidFormatException invalid) {
            return body(HttpStatus.BAD_REQUEST, path(invalid), "expected " + typeName(invalid.getTargetType())
                    + ", got '" + invalid.getValue() + "'");
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return body(HttpStatus.BAD_REQUEST, path(mismatch), "expected " + typeName(mismatch.getTargetType()));
        }
        if (cause instanceof StreamReadException malformed) {
            return body(HttpStatus.BAD_REQUEST, "body", "malformed JSON: " + malformed.getOriginalMessage());
        }
        if (cause instanceof JacksonException json) {
            return body(HttpStatus.BAD_REQUEST, "body", "unreadable JSON: " + json.getOriginalMessage());
        }
        return body(HttpStatus.BAD_REQUEST, "body", "a JSON body is required");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, "send JSON with Content-Type: application/json");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, null, e.getMethod() + " is not supported here");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> noResource(NoResourceFoundException e) {
        return body(HttpStatus.NOT_FOUND, null, "no such endpoint: /" + e.getResourcePath());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        log.error("request failed", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, null, "internal error: " + e.getMessage());
    }

    /** Jackson wraps e.g. a DateTimeParseException; the Jackson exception around it knows the field. */
    private static Throwable outermostJacksonCause(HttpMessageNotReadableException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException) return t;
        }
        return e;
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String typeName(Class<?> type) {
        if (type == null) return "another type";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (type == Double.class || type == double.class) return "a number";
        if (type == String.class) return "a string";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (java.util.List.class.isAssignableFrom(type)) return "an array";
        if (java.util.Map.class.isAssignableFrom(type)) return "an object";
        if (type == java.time.Instant.class) return "an ISO-8601 time such as 2026-01-31T09:00:00Z";
        return "a " + type.getSimpleName();
    }

    private static ResponseEntity<ErrorBody> body(HttpStatus status, String field, String message) {
        String code = status.name().toLowerCase();
        return ResponseEntity.status(status).body(new ErrorBody(status.value(), code, field, message));
    }
}
