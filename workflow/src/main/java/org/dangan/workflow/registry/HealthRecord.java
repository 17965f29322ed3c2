package org.dangan.workflow.registry;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dangan.workflow.platform.Refused;

/**
 * 居民健康档案. The ID number is stored whole: records come from county systems that hold
 * numbers with wrong check digits, and finding those is the verification campaign's job, not
 * the registry's. Imports validate; legacy rows may not.
 */
@Entity
@Table(name = "health_record")
public class HealthRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "record_number", nullable = false, unique = true, length = 17)
    private String recordNumber;

    @Column(nullable = false, length = 50)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    private Gender gender;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "id_number", length = 18)
    private String idNumber;

    @Column(length = 20)
    private String phone;

    @Column(length = 200)
    private String address;

    /** What screens and figures read back; may hold a tag an older tool wrote that this version does not know. */
    @Column(name = "key_populations", nullable = false, length = 200)
    private String keyPopulations = "";

    /**
     * The known tags of {@link #keyPopulations} again, as rows the list filter finds by index;
     * written with it, never alone. Keyed by record number, as the list is scoped by its ranges.
     */
    @ElementCollection
    @CollectionTable(
            name = "health_record_key_population",
            joinColumns = @JoinColumn(name = "record_number", referencedColumnName = "record_number"))
    @Enumerated(EnumType.STRING)
    @Column(name = "key_population", nullable = false, length = 32)
    private Set<KeyPopulation> tagRows = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RecordStatus status = RecordStatus.ACTIVE;

    @Column(name = "institution_id", nullable = false)
    private Long institutionId;

    @Column(name = "last_service_date")
    private LocalDate lastServiceDate;

    @Column(name = "deceased_on")
    private LocalDate deceasedOn;

    @Column(name = "duplicate_of")
    private Long duplicateOf;

    /** The institution whose code the record number carries, when another manages the record now. */
    @Column(name = "numbered_by")
    private Long numberedBy;

    @Version
    private long version;

    protected HealthRecord() {}

    public HealthRecord(
            RecordNumber recordNumber,
            String name,
            Gender gender,
            LocalDate birthDate,
            String idNumber,
            Long institutionId) {
        this.recordNumber = recordNumber.value();
        this.name = name;
        this.gender = gender;
        this.birthDate = birthDate;
        this.idNumber = idNumber;
        this.institutionId = institutionId;
    }

    public HealthRecord contact(String phone, String address) {
        this.phone = phone;
        this.address = address;
        return this;
    }

    public HealthRecord tagged(Set<KeyPopulation> tags) {
        setKeyPopulations(tags);
        return this;
    }

    private void setKeyPopulations(Set<KeyPopulation> tags) {
        keyPopulations = KeyPopulation.toColumn(tags);
        // changed in place: Hibernate then inserts and deletes only the rows that differ
        tagRows.retainAll(tags);
        tagRows.addAll(tags);
    }

    public HealthRecord servedOn(LocalDate date) {
        this.lastServiceDate = date;
        return this;
    }

    /**
     * Corrects what a check found wrong. Only an active record is corrected: a deceased, moved-out,
     * duplicate or paper-retired record is closed. Answers the names of the fields that changed.
     */
    public List<String> correct(RecordCorrection c) {
        if (status != RecordStatus.ACTIVE) {
            throw Refused.of("record.cannotCorrect", recordNumber, status);
        }
        List<String> changed = new ArrayList<>();
        if (c.name() != null && !c.name().equals(name)) {
            name = c.name();
            changed.add("name");
        }
        if (c.gender() != null && c.gender() != gender) {
            gender = c.gender();
            changed.add("gender");
        }
        if (c.birthDate() != null && !c.birthDate().equals(birthDate)) {
            birthDate = c.birthDate();
            changed.add("birthDate");
        }
        if (c.idNumber() != null && !c.idNumber().equals(idNumber)) {
            idNumber = ResidentId.of(c.idNumber()).value();
            changed.add("idNumber");
        }
        if (c.phone() != null && !c.phone().equals(phone)) {
            phone = c.phone();
            changed.add("phone");
        }
        if (c.address() != null && !c.address().equals(address)) {
            address = c.address();
            changed.add("address");
        }
        if (c.keyPopulations() != null
                && !KeyPopulation.toColumn(c.keyPopulations()).equals(keyPopulations)) {
            setKeyPopulations(c.keyPopulations());
            changed.add("keyPopulations");
        }
        if (c.lastServiceDate() != null && !c.lastServiceDate().equals(lastServiceDate)) {
            lastServiceDate = c.lastServiceDate();
            changed.add("lastServiceDate");
        }
        return changed;
    }

    /** Only an active record changes status; the electronic record stays primary once paper retires. */
    public void markStatus(RecordStatus newStatus) {
        if (status != RecordStatus.ACTIVE) {
            throw Refused.of("record.cannotBecome", recordNumber, status, newStatus);
        }
        if (newStatus == RecordStatus.ACTIVE) {
            throw Refused.of("record.alreadyActive", recordNumber);
        }
        this.status = newStatus;
    }

    /**
     * The resident died on that day. An active record becomes DECEASED; a record whose paper is
     * already retired stays so, with the date. A record moved out or merged as a duplicate is no
     * longer this institution's to mark; a death already recorded is not recorded again.
     */
    public void recordDeath(LocalDate on, LocalDate today) {
        if (on == null) {
            throw Refused.invalid("record.death.dateRequired");
        }
        if (on.isAfter(today)) {
            throw Refused.invalid("record.death.future");
        }
        if (birthDate != null && on.isBefore(birthDate)) {
            throw Refused.invalid("record.death.beforeBirth", on.toString());
        }
        if (deceasedOn != null) {
            throw Refused.of("record.death.already", recordNumber, deceasedOn.toString());
        }
        if (status != RecordStatus.ACTIVE && status != RecordStatus.RETIRED_PAPER && status != RecordStatus.DECEASED) {
            throw Refused.of("record.death.elsewhere", recordNumber, status);
        }
        deceasedOn = on;
        if (status == RecordStatus.ACTIVE) {
            status = RecordStatus.DECEASED;
        }
    }

    /**
     * This record was the same person as {@code survivor}: it is kept as DUPLICATE, pointing to it.
     * Only an open record is merged, and only into another open one.
     */
    void mergedInto(HealthRecord survivor) {
        if (survivor.id.equals(id)) {
            throw Refused.invalid("record.merge.itself");
        }
        for (HealthRecord r : new HealthRecord[] {this, survivor}) {
            if (r.status != RecordStatus.ACTIVE && r.status != RecordStatus.RETIRED_PAPER) {
                throw Refused.of("record.merge.state", r.recordNumber, r.status);
            }
        }
        status = RecordStatus.DUPLICATE;
        duplicateOf = survivor.id;
    }

    public Long getDuplicateOf() {
        return duplicateOf;
    }

    /** The resident left the province: the record is closed here. Answers whether it changed. */
    public boolean moveOut() {
        if (status != RecordStatus.ACTIVE && status != RecordStatus.RETIRED_PAPER) {
            return false;
        }
        status = RecordStatus.MOVED_OUT;
        return true;
    }

    /** The resident moved: another institution manages the record from now on. */
    public void transferTo(long institutionId) {
        if (status != RecordStatus.ACTIVE && status != RecordStatus.RETIRED_PAPER) {
            throw Refused.of("record.transfer.state", recordNumber, status);
        }
        if (this.institutionId.equals(institutionId)) {
            throw Refused.invalid("record.transfer.same", recordNumber);
        }
        if (numberedBy == null) {
            numberedBy = this.institutionId;
        }
        this.institutionId = institutionId;
    }

    public LocalDate getDeceasedOn() {
        return deceasedOn;
    }

    public Long getId() {
        return id;
    }

    public String getRecordNumber() {
        return recordNumber;
    }

    public String getName() {
        return name;
    }

    public Gender getGender() {
        return gender;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    /** The whole number: callers decide whether the viewer may see it, and audit when they do. */
    public String getIdNumber() {
        return idNumber;
    }

    public String getMaskedIdNumber() {
        return ResidentId.mask(idNumber);
    }

    public String getPhone() {
        return phone;
    }

    public String getAddress() {
        return address;
    }

    public Set<KeyPopulation> getKeyPopulations() {
        return KeyPopulation.fromColumn(keyPopulations);
    }

    public RecordStatus getStatus() {
        return status;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public LocalDate getLastServiceDate() {
        return lastServiceDate;
    }
}
