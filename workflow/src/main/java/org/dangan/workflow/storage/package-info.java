/**
 * Storage of paper (库房): locations (site > room > cabinet or shelf) of each institution, boxes with
 * their barcodes and positions on a shelf, moves and stocktakes by scanning, and the labels and
 * contents sheets printed for them. It owns the tables {@code storage_location}, {@code box},
 * {@code stocktake} and {@code stocktake_item}. It knows boxes, not what is in them: the module that
 * keeps the paper files (registry) depends on this one and tells it a box's contents through
 * {@link org.dangan.workflow.storage.BoxContents}.
 */
package org.dangan.workflow.storage;
