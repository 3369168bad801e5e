package dev.autodev.locks;

/**
 * The lock hook's answer: may this run edit this file now.
 *
 * @param allowed true only when the run holds a lock covering the file
 * @param file    the absolute, normalised path that was checked
 * @param reason  why, written for the agent that will read it when the edit is refused
 */
public record LockCheck(boolean allowed, String file, String reason) {}
