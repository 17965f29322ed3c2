/**
 * Custody of paper: the ledger of every physical event of a paper file or box (received, stored,
 * moved, checked out, returned, transferred, disposed), append-only and hash-chained per
 * institution, so that an entry changed or removed behind the application's back is found.
 */
package org.dangan.workflow.custody;
