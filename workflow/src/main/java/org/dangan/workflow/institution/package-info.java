/**
 * The institution tree (province, city, county health bureau, township and community health
 * centres, village clinics) and each user's scope: their own institution and everything below it,
 * which every query in the other modules carries in its WHERE clause.
 */
package org.dangan.workflow.institution;
