/**
 * Fixity: every file of the store re-hashed on a schedule at a bounded rate, an event per file,
 * and an alarm (screen, metric, log) for a file changed or missing. Nothing is repaired: a bad
 * file is put right by a person, from a backup, and the next audit records that it is good again.
 */
package org.dangan.workflow.fixity;
