/**
 * Search of scanned documents: every page of every archived document, with its record's number and
 * resident's name, in an index that is derived data (embedded Lucene by default, Elasticsearch for
 * several nodes), fed through a transactional outbox and rebuilt from the database when lost.
 * Institution scope and restricted documents are part of every query, never a filter afterwards.
 */
package org.dangan.workflow.search;
