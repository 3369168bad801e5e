package dev.autodev.common;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two ways into the database. Use {@link #write()} for anything inside a transaction or that changes data
 * (it is the single writer connection); use {@link #read()} for queries that serve the API, so they never queue
 * behind writes.
 */
public record Db(JdbcClient write, JdbcClient read) {}
