/**
 * Handover of a whole archive (档案移交) when an institution merges, closes or changes function:
 * the inventory with counts and a checksum, the handover list, the receiving side's check by
 * scanning every box, differences resolved or the handover returned, a supervisor's approval
 * (neither the initiator nor a checker), then custody switched in one transaction; the digital
 * part leaves as a BagIt bag, and a bag that comes in is verified before it is taken.
 */
package org.dangan.workflow.handover;
