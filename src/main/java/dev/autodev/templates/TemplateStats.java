package dev.autodev.templates;

import java.util.List;

/** A template's runs, all together and by the model they ran on. */
public record TemplateStats(String templateId, String templateName, RunStats overall, List<ModelStats> byModel) {

    /** The runs of one template on one model. */
    public record ModelStats(String model, RunStats stats) {}

    /** One row of the template × model table: the runs of one template on one model. */
    public record TemplateModelStats(String templateId, String templateName, String model, RunStats stats) {}
}
