package dev.autodev.testsupport;

import java.util.Map;

/** Reads values out of the Prometheus text format, as a scraper would. */
public final class PrometheusText {

    private PrometheusText() {}

    /**
     * The sum of every sample of {@code name} whose labels include all of {@code labels}; 0 when there is none (a
     * counter not yet touched is simply absent).
     */
    public static double sum(String text, String name, Map<String, String> labels) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) continue;
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            if (labels.entrySet().stream().allMatch(l -> series.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                total += Double.parseDouble(line.substring(space + 1));
            }
        }
        return total;
    }

    public static double sum(String text, String name) {
        return sum(text, name, Map.of());
    }
}
