/**
 * The verification campaign (清理核查) of notice 2019-137, one process instance per campaign:
 * rule checks of every record in batches (the pure {@link org.dangan.workflow.verification.RuleBook},
 * its severities and thresholds from the DMN tables), duplicate candidates, then per institution
 * the self-check (findings worked, corrected or waived; paper compared with the record), the
 * head's sign-off, the county's stratified and reproducible sample check and its error rate, in
 * rounds until it passes; the city's acceptance; the checker's sign-off, which retires each
 * verified paper file into a box and prints the sign-off sheets; and the campaign report. The
 * aggregate {@link org.dangan.workflow.verification.Campaign} refuses steps out of order and
 * four-eyes breaches, however a task is completed.
 */
package org.dangan.workflow.verification;
