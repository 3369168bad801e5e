package dev.autodev.web;

import dev.autodev.common.ApiException.BadRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses query parameters by hand, so a bad one gets the same JSON error as a bad body field. */
final class QueryParams {

    static final int MAX_PAGE_SIZE = 500;

    private QueryParams() {}

    static int page(String value) {
        int page = integer("page", value);
        if (page < 0) throw new BadRequest("page", "must be 0 or more");
        return page;
    }

    static int size(String value) {
        int size = integer("size", value);
        if (size < 1 || size > MAX_PAGE_SIZE) throw new BadRequest("size", "must be between 1 and " + MAX_PAGE_SIZE);
        return size;
    }

    static long longValue(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequest(name, "must be a whole number, was '" + value + "'");
        }
    }

    /**
     * A point in time: epoch milliseconds, an ISO-8601 instant ({@code 2026-01-31T12:00:00Z}) or a date, which means
     * its start in UTC. Null when absent.
     */
    static Instant time(String name, String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        try {
            if (v.chars().allMatch(Character::isDigit)) return Instant.ofEpochMilli(Long.parseLong(v));
            if (v.length() == 10) return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            return Instant.parse(v);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new BadRequest(name, "must be epoch milliseconds, an ISO-8601 instant or a date (yyyy-mm-dd), was '"
                    + value + "'");
        }
    }

    /** Refuses a window that ends before it starts. */
    static void window(Instant from, Instant to) {
        if (from != null && to != null && to.isBefore(from)) throw new BadRequest("to", "must not be before from");
    }

    static <E extends Enum<E>> E status(String value, E[] choices, Function<String, E> parse) {
        if (value == null || value.isBlank()) return null;
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            String names = Arrays.stream(choices).map(c -> c.name().toLowerCase()).collect(Collectors.joining(", "));
            throw new BadRequest("status", "must be one of " + names + ", was '" + value + "'");
        }
    }

    /** An optional boolean: null when absent, else exactly {@code true} or {@code false}. */
    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) return null;
        if (value.equals("true")) return Boolean.TRUE;
        if (value.equals("false")) return Boolean.FALSE;
        throw new BadRequest(name, "must be true or false, was '" + value + "'");
    }

    /** An optional text: null when absent or blank, else at most {@code max} characters. */
    static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) return null;
        if (value.length() > max) throw new BadRequest(name, "must be at most " + max + " characters");
        return value.strip();
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadRequest(name, "must be a whole number, was '" + value + "'");
        }
    }
}
