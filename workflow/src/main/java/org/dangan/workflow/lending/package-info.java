/**
 * Check-out of paper files (调阅): a request names the files, the purpose and the day they come
 * back; a supervisor of the institution other than the requester approves or refuses; the files
 * go out (a custody entry each), come back (another), or fall due, which reminds and escalates.
 */
package org.dangan.workflow.lending;
