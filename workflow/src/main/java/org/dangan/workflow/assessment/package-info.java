/**
 * The performance assessment of notice §4 (两卡制 绩效考核): the indicators each institution is
 * assessed on, computed at night (or on a supervisor's button) into dated snapshots over every
 * institution and level, the resident population the county enters for the record rate, the
 * targets (DMN {@code IndicatorTargets}) that colour a figure, and the table as a workbook.
 */
package org.dangan.workflow.assessment;
