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
        public Conflict(String reason) {
            super(reason);
        }

        @Override
        public int status() {
            return 409;
        }
    }
}
