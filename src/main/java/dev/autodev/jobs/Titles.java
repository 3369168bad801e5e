package dev.autodev.jobs;

/** Makes a short title from a description, for jobs created without one. */
final class Titles {

    static final int MAX_LENGTH = 60;

    private Titles() {}

    static String fromDescription(String description) {
        String firstLine = description.strip().lines().findFirst().orElse("").strip();
        String collapsed = firstLine.replaceAll("\\s+", " ");
        if (collapsed.length() <= MAX_LENGTH) return collapsed;
        int cut = collapsed.lastIndexOf(' ', MAX_LENGTH - 1);
        if (cut < MAX_LENGTH / 2) cut = MAX_LENGTH - 1;
        return collapsed.substring(0, cut).stripTrailing() + "…";
    }
}
