/**
 * One resident's record moving between institutions (转出/转入): the giving institution asks, the
 * receiving one accepts or refuses with a reason; on acceptance the record, its paper files (a
 * custody event on each side) and its documents move together, and both sides keep the trail.
 */
package org.dangan.workflow.transfer;
