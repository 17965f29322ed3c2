/**
 * Accounts, roles and grants, the password policy, login (one password check per attempt, the
 * account lockout and the per-address rate limit), HTTP Basic for the REST API and the engine
 * REST, the response headers and the request id on every request. Who may see which record is
 * decided by the services' queries, not here.
 */
package org.dangan.workflow.security;
