package org.dangan.ui.backup;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.dangan.ui.support.Polling;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.Rows;
import org.dangan.workflow.backup.BackupProgress;
import org.dangan.workflow.backup.Backups;
import org.dangan.workflow.fixity.FixityAudit;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.security.CurrentUser;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Operations for administrators: a backup now (with its progress) and the snapshots in the backup
 * directory; the fixity audit's alarm (files changed or missing), a run now and the latest runs.
 */
@Route("operations")
@RolesAllowed("ADMIN")
public class OperationsView extends VerticalLayout implements HasDynamicTitle {

    private final Backups backups;
    private final FixityAudit fixity;
    final TextField directory = new TextField();
    final Button backup;
    final ProgressBar backupProgress = new ProgressBar();
    final Span backupText = new Span();
    final Grid<Backups.Snapshot> snapshots = new Grid<>();
    final Span alarm = new Span();
    final Button audit;
    final ProgressBar fixityProgress = new ProgressBar();
    final Grid<FixityAudit.Failure> failures = new Grid<>();
    final Grid<FixityAudit.Run> runs = new Grid<>();
    private final AtomicReference<BackupProgress> lastProgress = new AtomicReference<>();
    private final AtomicReference<Backups.Snapshot> backupDone = new AtomicReference<>();
    private final AtomicReference<String> backupError = new AtomicReference<>();
    private volatile Thread backupThread;
    private boolean wasBackingUp;
    private boolean wasAuditing;
    private boolean listed;

    public OperationsView(Backups backups, FixityAudit fixity) {
        this.backups = backups;
        this.fixity = fixity;
        directory.setId("operations-backup-directory");
        directory.setLabel(getTranslation("operations.backupDirectory"));
        directory.setWidth("32em");
        Rows.fitting(directory);
        backups.directory().ifPresent(d -> directory.setValue(d.toString()));
        backup = new Button(getTranslation("operations.backupNow"), e -> startBackup());
        backup.setId("operations-backup");
        backup.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        backupProgress.setId("operations-backup-progress");
        backupText.setId("operations-backup-text");
        snapshots.setId("operations-snapshots");
        snapshots.setEmptyStateText(getTranslation("operations.snapshots.none"));
        snapshots.addColumn(Backups.Snapshot::name).setHeader(getTranslation("operations.snapshot"));
        snapshots.addColumn(Backups.Snapshot::database).setHeader(getTranslation("operations.database"));
        snapshots.addColumn(Backups.Snapshot::storeFiles).setHeader(getTranslation("operations.storeFiles"));
        snapshots.addColumn(Backups.Snapshot::filesCopied).setHeader(getTranslation("operations.filesCopied"));
        snapshots.setAllRowsVisible(true);

        alarm.setId("operations-fixity-alarm");
        audit = new Button(getTranslation("operations.fixityNow"), e -> {
            fixity.runInBackground(CurrentUser.require().getUsername());
            refresh();
        });
        audit.setId("operations-fixity-run");
        fixityProgress.setId("operations-fixity-progress");
        failures.setId("operations-fixity-failures");
        failures.setEmptyStateText(getTranslation("operations.failures.none"));
        // the stored file's SHA-256 finds it on disk; as 64 hex digits it is a code, not words: it is
        // the button's tooltip and is copied by it, and the row names the scans it belongs to
        failures.addComponentColumn(f -> {
                    Button copy = new Button(getTranslation("operations.copyHash"), e -> {
                        getUI().ifPresent(
                                        ui -> ui.getPage().executeJs("navigator.clipboard.writeText($0)", f.sha256()));
                        Refusals.done(getTranslation("operations.hashCopied"));
                    });
                    copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                    copy.setTooltipText(f.sha256());
                    copy.getElement().setAttribute("data-sha256", f.sha256());
                    return copy;
                })
                .setHeader(getTranslation("operations.storedFile"))
                .setAutoWidth(true);
        failures.addColumn(
                        f -> getTranslation("operations.outcome." + f.outcome().name()))
                .setHeader(getTranslation("operations.outcome"));
        failures.addColumn(f -> f.documents().stream().map(d -> "#" + d).collect(Collectors.joining("、")))
                .setHeader(getTranslation("operations.documents"));
        failures.addColumn(f -> ChinaTime.minute(f.checkedAt())).setHeader(getTranslation("operations.checkedAt"));
        failures.setAllRowsVisible(true);
        runs.setId("operations-fixity-runs");
        runs.setEmptyStateText(getTranslation("operations.runs.none"));
        runs.addColumn(r -> ChinaTime.minute(r.startedAt())).setHeader(getTranslation("operations.startedAt"));
        runs.addColumn(r -> r.finishedAt() == null ? "…" : ChinaTime.minute(r.finishedAt()))
                .setHeader(getTranslation("operations.finishedAt"));
        runs.addColumn(FixityAudit.Run::files).setHeader(getTranslation("operations.files"));
        runs.addColumn(FixityAudit.Run::failures).setHeader(getTranslation("operations.failures"));
        runs.setAllRowsVisible(true);

        add(
                new H2(getTranslation("operations.title")),
                new H3(getTranslation("operations.backup")),
                directory,
                backup,
                backupProgress,
                backupText,
                snapshots,
                new H3(getTranslation("operations.fixity")),
                alarm,
                audit,
                fixityProgress,
                failures,
                runs);
        Polling.refreshWhileAttached(this, this::refresh);
        refresh();
    }

    private void startBackup() {
        if (directory.getValue().isBlank()) {
            backupText.setText(getTranslation("operations.backupDirectoryMissing"));
            return;
        }
        Path dir = Path.of(directory.getValue().strip());
        backupDone.set(null);
        backupError.set(null);
        lastProgress.set(new BackupProgress("database", 0, 1));
        // the audit entry names the administrator: the worker thread carries the session's security context
        Thread worker = new Thread(
                new DelegatingSecurityContextRunnable(() -> {
                    try {
                        backupDone.set(backups.take(dir, lastProgress::set));
                    } catch (RuntimeException e) {
                        // the cause's own words are for the log; the screen says it in the user's language
                        LoggerFactory.getLogger(OperationsView.class).warn("backup failed", e);
                        backupError.set(
                                e instanceof Refused r
                                        ? getTranslation(r.key(), r.arguments())
                                        : getTranslation("error.notDone"));
                    }
                }),
                "backup");
        worker.setDaemon(true);
        backupThread = worker;
        worker.start();
        refresh();
    }

    /** The backup started from this screen, to wait for. */
    Thread backupThread() {
        return backupThread;
    }

    /** Every second: the progress of what runs; the lists only when something has just finished. */
    void refresh() {
        boolean backingUp = backupThread != null && backupThread.isAlive();
        boolean auditing = fixity.status().running();
        if (!backingUp && !auditing && (wasBackingUp || wasAuditing || !listed)) {
            refreshLists();
        }
        wasBackingUp = backingUp;
        wasAuditing = auditing;
        backup.setEnabled(!backingUp);
        backupProgress.setVisible(backingUp);
        BackupProgress p = lastProgress.get();
        if (backingUp && p != null) {
            backupProgress.setValue(Math.min(1, p.fraction()));
            backupText.setText(getTranslation("operations.progress." + p.step(), p.done(), p.total()));
        } else if (backupDone.get() != null) {
            Backups.Snapshot done = backupDone.get();
            backupText.setText(
                    getTranslation("operations.backupDone", done.name(), done.storeFiles(), done.filesCopied()));
        } else if (backupError.get() != null) {
            backupText.setText(getTranslation("operations.backupFailed", backupError.get()));
        }
        FixityAudit.Status status = fixity.status();
        audit.setEnabled(!status.running());
        fixityProgress.setVisible(status.running());
        fixityProgress.setValue(status.total() == 0 ? 0 : (double) status.done() / status.total());
    }

    /** The snapshots in the directory and the fixity alarm: a directory listing and a query over every event. */
    void refreshLists() {
        listed = true;
        if (!directory.getValue().isBlank()) {
            snapshots.setItems(backups.list(Path.of(directory.getValue().strip())));
        }
        List<FixityAudit.Failure> failing = fixity.failures();
        alarm.setText(
                failing.isEmpty()
                        ? getTranslation("operations.fixityGood")
                        : getTranslation("operations.fixityAlarm", failing.size()));
        alarm.getStyle()
                .set("color", failing.isEmpty() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        failures.setItems(failing);
        failures.setVisible(!failing.isEmpty());
        runs.setItems(fixity.runs(10));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("operations.title");
    }
}
