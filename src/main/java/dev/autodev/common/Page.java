package dev.autodev.common;

import java.util.List;

/** One page of a longer list, with what a client needs to fetch the next one. */
public record Page<T>(List<T> items, int page, int size, long total) {}
