package org.dangan.ui.transfer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Resident;
import org.dangan.ui.support.ResidentField;
import org.dangan.ui.support.Rows;
import org.dangan.ui.support.Uploads;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionStatus;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.registry.CivilRegistration;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.transfer.RecordTransfers;

/**
 * A resident's record out to or in from another institution (转出/转入): asked for by the giving
 * archivist, accepted or refused by the receiving one; and the civil registration's deaths and
 * moves out of the province, uploaded as a CSV.
 */
@Route("transfers")
@PageTitle("转入转出")
@RolesAllowed({"ARCHIVIST", "SUPERVISOR"})
public class TransfersView extends VerticalLayout {

    private final RecordTransfers transfers;
    /** The resident whose record moves, picked by name or number (not 17 digits typed). */
    final ResidentField recordNumber;

    private final Records records;
    /** The residents the lists name, by record number (scoped: a record not yet the user's shows its number only). */
    private Map<String, String> names = new HashMap<>();

    final ComboBox<Institution> to = new ComboBox<>();
    final TextField reason = new TextField();
    final Grid<RecordTransfers.TransferView> grid = new Grid<>();
    final TextField refusal;
    final Span status = new Span();
    final Upload upload = Uploads.translated(new Upload());
    final Span registration = new Span();
    final Grid<CivilRegistration.FollowUp> followUps = new Grid<>();
    final TextField confirmation = new TextField();
    private final CivilRegistration civilRegistration;

    public TransfersView(
            RecordTransfers transfers,
            Institutions institutions,
            CivilRegistration civilRegistration,
            Records records) {
        this.transfers = transfers;
        this.records = records;
        this.recordNumber = new ResidentField("transfer-record", getTranslation("transfers.record"), records);
        this.civilRegistration = civilRegistration;
        add(new H2(getTranslation("transfers.title")));
        status.setId("transfer-status");
        to.setId("transfer-to");
        to.setLabel(getTranslation("transfers.to"));
        to.setItems(institutions.all().stream()
                .filter(i ->
                        i.getStatus() == InstitutionStatus.ACTIVE && i.getType().primaryCare())
                .toList());
        to.setItemLabelGenerator(Institution::getName);
        to.setWidth("20em");
        reason.setId("transfer-reason");
        reason.setLabel(getTranslation("transfers.reason"));
        Button request = new Button(
                getTranslation("transfers.request"),
                e -> Attempt.run(() -> {
                            RecordTransfers.Started started = transfers.request(new RecordTransfers.Request(
                                    recordNumber.recordNumber(),
                                    to.getValue() == null ? null : to.getValue().getCode(),
                                    reason.getValue()));
                            status.setText(getTranslation("transfers.requested", started.id()));
                        })
                        .ifPresentOrElse(status::setText, this::refresh));
        request.setId("transfer-request");
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = Rows.wrapping(recordNumber, to, reason, request);

        grid.setId("transfers-grid");
        grid.setEmptyStateText(getTranslation("transfers.none"));
        grid.addColumn(RecordTransfers.TransferView::id).setHeader("#").setAutoWidth(true);
        grid.addColumn(t -> Resident.label(names, t.recordNumber())).setHeader(getTranslation("transfers.record"));
        grid.addColumn(t -> t.fromName() + " → " + t.toName()).setHeader(getTranslation("transfers.fromTo"));
        grid.addColumn(t -> getTranslation("transferState." + t.state())
                        + (t.refusalReason() == null ? "" : "：" + t.refusalReason()))
                .setHeader(getTranslation("transfers.state"));
        grid.addColumn(RecordTransfers.TransferView::reason)
                .setHeader(getTranslation("transfers.reason"))
                .setFlexGrow(2);
        grid.setHeight("16em");
        TransferDecision deciding =
                new TransferDecision(transfers, () -> grid.asSingleSelect().getValue(), this::refresh);
        refusal = deciding.refusal;

        upload.setId("civil-registration-upload");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        registration.setId("civil-registration-result");
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> upload.getUI()
                .ifPresent(ui -> ui.access(() -> {
                    try (Reader csv = Files.newBufferedReader(file.toPath(), StandardCharsets.UTF_8)) {
                        Attempt.run(() -> {
                                    CivilRegistration.Result r = civilRegistration.apply(csv);
                                    registration.setText(getTranslation(
                                            "transfers.registrationResult",
                                            r.lines(),
                                            r.deceased(),
                                            r.movedOut(),
                                            r.unchanged(),
                                            r.notFound().size(),
                                            r.followUps()));
                                })
                                .ifPresent(registration::setText);
                        refresh();
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    } finally {
                        file.delete();
                    }
                }))));

        followUps.setId("follow-ups");
        followUps.setEmptyStateText(getTranslation("transfers.followUps.none"));
        followUps.addColumn(f -> Resident.label(names, f.recordNumber())).setHeader(getTranslation("transfers.record"));
        followUps
                .addColumn(f -> getTranslation("civilEvent." + f.event().name()))
                .setHeader(getTranslation("transfers.event"));
        followUps.setAllRowsVisible(true);
        confirmation.setId("follow-up-note");
        confirmation.setLabel(getTranslation("transfers.confirmation"));
        confirmation.setWidth("20em");
        Button confirm = new Button(getTranslation("transfers.confirm"), e -> {
            Attempt.onSelected(
                    followUps,
                    registration,
                    getTranslation("transfers.pickFollowUp"),
                    f -> civilRegistration.confirm(f, confirmation.getValue()),
                    f -> getTranslation("transfers.confirmed", f.recordNumber()));
            refresh();
        });
        confirm.setId("follow-up-confirm");
        HorizontalLayout confirming = Rows.wrapping(confirmation, confirm);

        add(
                new H3(getTranslation("transfers.new")),
                form,
                new H3(getTranslation("transfers.all")),
                grid,
                deciding,
                status,
                new H3(getTranslation("transfers.registration")),
                new Paragraph(getTranslation("transfers.registrationHelp")),
                upload,
                registration,
                followUps,
                confirming);
        refresh();
    }

    void refresh() {
        List<RecordTransfers.TransferView> moving = transfers.list();
        List<CivilRegistration.FollowUp> toConfirm = civilRegistration.followUps();
        List<String> numbers = Stream.concat(
                        moving.stream().map(RecordTransfers.TransferView::recordNumber),
                        toConfirm.stream().map(CivilRegistration.FollowUp::recordNumber))
                .distinct()
                .toList();
        names = numbers.isEmpty() ? new HashMap<>() : new HashMap<>(records.namesOf(numbers));
        grid.setItems(moving);
        followUps.setItems(toConfirm);
    }
}
