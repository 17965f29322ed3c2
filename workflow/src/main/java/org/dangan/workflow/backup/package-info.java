/**
 * Backup and restore: a consistent copy of the database, the file store and received bags, with a
 * manifest of the SHA-256 of every file, so that a restore proves what it puts back before it
 * puts anything back.
 */
package org.dangan.workflow.backup;
