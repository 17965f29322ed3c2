package org.dangan.workflow.storage;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What stands in the boxes, told by the module that keeps the paper files (the registry implements
 * this): storage knows boxes and places, not files or residents, and asks here for a box's
 * contents sheet, a file's label and how full a shelf's boxes are, so that it never depends on the
 * registry.
 */
public interface BoxContents {

    /** A paper file as a label or a contents sheet shows it; {@code state} is translated for print. */
    record File(String fileNumber, String recordNumber, String name, int pages, Enum<?> state, long institutionId) {}

    /** How many paper files each of these boxes holds (a box with none is left out). */
    Map<Long, Integer> fileCounts(Collection<Long> boxIds);

    /** The files in a box, by file number. */
    List<File> filesIn(long boxId);

    Optional<File> file(String fileNumber);
}
