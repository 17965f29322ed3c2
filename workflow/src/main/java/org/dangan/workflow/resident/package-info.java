/**
 * The record opened to its resident (notice §3.2, issue 19): sign-in by a code sent to the mobile
 * number on file, the resident's own record, the reports scanned for them, who read their record,
 * and correction requests that an archivist of the managing institution answers. A resident is
 * never a staff user: their principal is a {@link org.dangan.workflow.resident.ResidentPrincipal},
 * reached only through {@code /api/resident/**} with a bearer token.
 */
package org.dangan.workflow.resident;
