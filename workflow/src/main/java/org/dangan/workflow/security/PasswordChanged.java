package org.dangan.workflow.security;

/** Published in the transaction that changes a password, for the audit log (the password itself never leaves). */
public record PasswordChanged(String username, Long institutionId) {}
