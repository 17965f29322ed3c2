package org.dangan.workflow.registry.importing;

/**
 * Why one value of one row was refused. {@code line} counts as a text editor does, the header
 * being line 1; {@code column} is the header as the file writes it; ID numbers are masked in
 * {@code value}.
 */
public record Rejection(long line, String column, String value, String reason, String code) {}
