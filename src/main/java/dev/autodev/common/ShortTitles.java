package dev.autodev.common;

/** A short title made from a longer text (a job's description, a workflow's or debate's task). */
public final class ShortTitles {

    private ShortTitles() {}

    /** The text's first line, spaces collapsed, cut at a word (or hard, if no word ends late enough) with an ellipsis. */
    public static String firstLine(String text, int maxLength) {
        String line = text.strip().lines().findFirst().orElse("").strip().replaceAll("\\s+", " ");
        if (line.length() <= maxLength) return line;
        int cut = line.lastIndexOf(' ', maxLength - 1);
        if (cut < maxLength / 2) cut = maxLength - 1;
        return line.substring(0, cut).stripTrailing() + "…";
    }
}
