package org.dangan.ui.support;

import com.vaadin.flow.component.combobox.ComboBox;
import org.dangan.workflow.registry.Records;

/**
 * Picks a resident by name or record number as the user types: the registry answers a few rows at
 * a time from the user's institutions (scoped and audited there), never the whole list.
 */
public class ResidentField extends ComboBox<Records.Resident> {

    public ResidentField(String id, String label, Records records) {
        setId(id);
        setLabel(label);
        setPlaceholder(getTranslation("resident.placeholder"));
        setHelperText(getTranslation("resident.help"));
        setItemLabelGenerator(r -> Resident.label(r.name(), r.recordNumber()));
        setPageSize(20);
        setWidth("22em");
        setClearButtonVisible(true);
        // no count: the registry answers a page at a time, and a blank filter would otherwise count the county
        setItems(
                query -> records.residents(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
    }

    /** The record number of the picked resident, or null. */
    public String recordNumber() {
        return getValue() == null ? null : getValue().recordNumber();
    }
}
