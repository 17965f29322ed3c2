/**
 * What every REST answer shares: the JSON error body with a message key and a text in the
 * request's language, whatever the request accepted, and 404 in JSON for an address under
 * {@code /api} that nothing serves.
 */
package org.dangan.workflow.web;
