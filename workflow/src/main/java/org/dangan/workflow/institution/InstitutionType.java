package org.dangan.workflow.institution;

public enum InstitutionType {
    PROVINCE,
    CITY,
    COUNTY_BUREAU,
    TOWNSHIP_CENTRE,
    COMMUNITY_CENTRE,
    VILLAGE_CLINIC;

    /** Primary-care institutions keep paper files and manage records. */
    public boolean primaryCare() {
        return this == TOWNSHIP_CENTRE || this == COMMUNITY_CENTRE || this == VILLAGE_CLINIC;
    }
}
