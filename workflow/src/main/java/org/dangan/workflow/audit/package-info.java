/**
 * The audit log: one append-only entry per read of personal data, list, import, login, failed
 * login, account change and process step, written in the transaction of what it records and read
 * by auditors and administrators within their institutions. ID numbers looked up and login names
 * of no account are kept only as a keyed hash.
 */
package org.dangan.workflow.audit;
