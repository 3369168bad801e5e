package dev.autodev.common;

/**
 * A request that cannot be carried out, with the HTTP status it maps to. Thrown before anything is written, so a
 * refused request changes nothing.
 */
public abstract sealed class ApiException extends RuntimeException {

    protected ApiException(String message) {
        super(message);
    }

    public abstract int status();

    /** 400: the input is wrong; {@code field} names which part of it. */
    public static final class BadRequest extends ApiException {
        private final String field;

        public BadRequest(String field, String reason) {
            super(reason);
            this.field = field;
        }

        public String field() {
            return field;
        }

        @Override
        public int status() {
            return 400;
        }
    }

    /** 404: no such thing. */
    public static final class NotFound extends ApiException {
        public NotFound(String what, String id) {
            super("no " + what + " with id " + id);
        }

        @Override
        public int status() {
            return 404;
        }
    }

    /** 409: the thing exists but its current state does not allow the action. */
    public static final class Conflict extends ApiException {
        private final String field;

        public Conflict(String reason) {
            this(null, reason);
        }

        /** A conflict caused by one field's value, e.g. a name already taken. */
        public Conflict(String field, String reason) {
            super(reason);
            this.field = field;
        }

        /** The field whose value conflicts, or null when the state of the thing itself is the reason. */
        public String field() {
            return field;
        }

        @Override
        public int status() {
            return 409;
        }
    }
}
