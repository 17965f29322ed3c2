/**
 * Notifications (通知): a new task, a return, an approval or an overdue item tells the people
 * concerned, in the application (the bell: one row per person, read and unread) and, when the
 * county sets a webhook, to its messaging system too. Other modules only publish their events;
 * this module decides who is told and how, and owns the table {@code notification}.
 */
package org.dangan.workflow.notification;
