package org.dangan.workflow.retention;

/** A disposal list was approved by the county (the last approval) or rejected at either level; its proposer is told. */
public record DisposalDecided(long disposalId, String proposedBy, boolean approved) {}
