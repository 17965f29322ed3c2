/**
 * The demo data, loaded once into an empty database under the {@code demo} profile: the
 * institutions and demo users, generated records with the faults a campaign must find, their
 * paper files, records rooms with shelves and boxes, and archived report pages. Generated from a
 * fixed seed, so every demo starts the same.
 */
package org.dangan.workflow.demo;
