/**
 * The verification campaign (清理核查): rule checks of every record, self-check, county sample
 * check, city acceptance and checker sign-off. So far: the rule checks of one record.
 */
package org.dangan.workflow.verification;
