/**
 * Retention and disposal of paper: how long each kind of paper is kept (the DMN table
 * {@code Retention}), the day a paper file may be disposed of, legal holds that stop disposal
 * whatever that day says, and disposal lists taken through appraisal, the institution's approval
 * and the county's (four eyes at each step) to the disposal of each file, a custody entry each,
 * and a certificate.
 */
package org.dangan.workflow.retention;
