package dev.autodev.jobs;

import dev.autodev.common.ShortTitles;

/** Makes a short title from a description, for jobs created without one. */
final class Titles {

    static final int MAX_LENGTH = 60;

    private Titles() {}

    static String fromDescription(String description) {
        return ShortTitles.firstLine(description, MAX_LENGTH);
    }
}
