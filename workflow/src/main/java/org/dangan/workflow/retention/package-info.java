/**
 * Retention of paper: how long each kind of paper is kept (the DMN table {@code Retention}), the
 * day a paper file may be disposed of, and legal holds that stop disposal whatever that day says.
 */
package org.dangan.workflow.retention;
