/** Wiring of the platform (Camunda engine, database start-up); no domain logic. */
package org.dangan.workflow.platform;
