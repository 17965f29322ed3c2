/**
 * What every module stands on, and no domain rule of its own: the process engine's start-up after
 * Liquibase, the mirror of accounts into Camunda's identity service and the engine REST's user,
 * the inbox over every process's user tasks ({@link org.dangan.workflow.platform.Inbox},
 * {@link org.dangan.workflow.platform.TaskKind}, task subjects and forms, the guard of what a
 * completion may carry), refusals a user can meet ({@link org.dangan.workflow.platform.Refused},
 * {@link org.dangan.workflow.platform.RoleCheck}), China time, the PDF font and printed sheets,
 * safe CSV downloads, command-line maintenance commands, and the release of job locks a killed
 * node left behind.
 */
package org.dangan.workflow.platform;
