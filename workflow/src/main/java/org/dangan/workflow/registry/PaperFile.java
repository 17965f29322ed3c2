package org.dangan.workflow.registry;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.EnumMap;
import java.util.Map;
import org.dangan.workflow.platform.Refused;

/**
 * 纸质档案: the physical folder of a record. It moves RECEIVED > STORED > CHECKED_OUT >
 * RETURNED (> STORED again) > TRANSFERRED or DISPOSED, only through its own methods, each of
 * which refuses a step that the current state does not allow.
 */
@Entity
@Table(name = "paper_file")
public class PaperFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_number", nullable = false, unique = true, length = 40)
    private String fileNumber;

    @Column(name = "record_id", nullable = false)
    private Long recordId;

    @Column(name = "page_count", nullable = false)
    private int pageCount;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "paper_file_content", joinColumns = @JoinColumn(name = "paper_file_id"))
    @MapKeyColumn(name = "document_type", length = 32)
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "pages")
    private Map<DocumentType, Integer> contents = new EnumMap<>(DocumentType.class);

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PaperFileState state = PaperFileState.RECEIVED;

    @Column(name = "box_id")
    private Long boxId;

    @Version
    private long version;

    protected PaperFile() {}

    public PaperFile(String fileNumber, Long recordId, Map<DocumentType, Integer> contents) {
        if (fileNumber == null || fileNumber.isBlank()) {
            throw new IllegalArgumentException("a paper file needs a file number");
        }
        int pages = 0;
        for (Map.Entry<DocumentType, Integer> e : contents.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("page count of " + e.getKey() + " must be zero or more");
            }
            pages += e.getValue();
        }
        this.fileNumber = fileNumber;
        this.recordId = recordId;
        this.contents = contents.isEmpty() ? new EnumMap<>(DocumentType.class) : new EnumMap<>(contents);
        this.pageCount = pages;
    }

    public void storeIn(Long box) {
        require(box != null, "a box to store in");
        if (state != PaperFileState.RECEIVED
                && state != PaperFileState.RETURNED
                && state != PaperFileState.STORED
                && state != PaperFileState.TRANSFERRED) {
            throw Refused.of("paperFile.cannot.store", fileNumber, state);
        }
        this.boxId = box;
        this.state = PaperFileState.STORED;
    }

    /**
     * After the checker's sign-off the electronic record is primary; the paper is kept in a box.
     * A file out on loan or already gone cannot be retired.
     */
    public void retire(Long box) {
        require(box != null, "a box to keep the retired paper in");
        if (state != PaperFileState.RECEIVED && state != PaperFileState.RETURNED && state != PaperFileState.STORED) {
            throw Refused.of("paperFile.cannot.retire", fileNumber, state);
        }
        this.boxId = box;
        this.state = PaperFileState.RETIRED_PAPER;
    }

    public void checkOut() {
        if (state != PaperFileState.STORED) {
            throw Refused.of("paperFile.cannot.checkOut", fileNumber, state);
        }
        this.state = PaperFileState.CHECKED_OUT;
    }

    public void giveBack() {
        if (state != PaperFileState.CHECKED_OUT) {
            throw Refused.of("paperFile.cannot.return", fileNumber, state);
        }
        this.state = PaperFileState.RETURNED;
    }

    /** The file goes with its resident's record to another institution, out of its box, until boxed there. */
    public void transfer() {
        if (state == PaperFileState.CHECKED_OUT
                || state == PaperFileState.TRANSFERRED
                || state == PaperFileState.DISPOSED) {
            throw Refused.of("paperFile.cannot.transfer", fileNumber, state);
        }
        this.boxId = null;
        this.state = PaperFileState.TRANSFERRED;
    }

    public void dispose() {
        if (state != PaperFileState.STORED && state != PaperFileState.RETIRED_PAPER) {
            throw Refused.of("paperFile.cannot.dispose", fileNumber, state);
        }
        this.boxId = null;
        this.state = PaperFileState.DISPOSED;
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("missing " + what);
        }
    }

    public Long getId() {
        return id;
    }

    public String getFileNumber() {
        return fileNumber;
    }

    public Long getRecordId() {
        return recordId;
    }

    public int getPageCount() {
        return pageCount;
    }

    public Map<DocumentType, Integer> getContents() {
        return contents.isEmpty() ? new EnumMap<>(DocumentType.class) : new EnumMap<>(contents);
    }

    public PaperFileState getState() {
        return state;
    }

    public Long getBoxId() {
        return boxId;
    }
}
