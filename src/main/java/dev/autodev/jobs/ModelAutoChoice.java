package dev.autodev.jobs;

/**
 * Whether jobs created without a model wait for a classifier to pick one. Implemented by the feature that
 * classifies (above jobs); without an implementation such jobs simply get the default model.
 */
public interface ModelAutoChoice {

    /** True when a job created now without a model should wait as pending for the classifier. */
    boolean active();
}
