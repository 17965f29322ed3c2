package org.dangan.workflow.document;

/** Published inside the transaction that archives a document (or archives it again after a change). */
public record DocumentArchived(long documentId) {}
