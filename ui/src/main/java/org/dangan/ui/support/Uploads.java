package org.dangan.ui.support;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;

/** The upload widget's own words ("Upload Files…", "Drop files here") in the user's language. */
public final class Uploads {

    private Uploads() {}

    public static Upload translated(Upload upload) {
        UI ui = UI.getCurrent();
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles()
                .setOne(ui.getTranslation("upload.dropOne"))
                .setMany(ui.getTranslation("upload.dropMany")));
        i18n.setAddFiles(new UploadI18N.AddFiles()
                .setOne(ui.getTranslation("upload.addOne"))
                .setMany(ui.getTranslation("upload.addMany")));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(ui.getTranslation("upload.tooMany"))
                .setFileIsTooBig(ui.getTranslation("upload.tooBig"))
                .setIncorrectFileType(ui.getTranslation("upload.wrongType")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(ui.getTranslation("upload.connecting"))
                        .setStalled(ui.getTranslation("upload.stalled"))
                        .setProcessing(ui.getTranslation("upload.processing"))
                        .setHeld(ui.getTranslation("upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(ui.getTranslation("upload.remaining"))
                        .setUnknown(ui.getTranslation("upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(ui.getTranslation("upload.serverUnavailable"))
                        .setUnexpectedServerError(ui.getTranslation("upload.serverError"))
                        .setForbidden(ui.getTranslation("upload.forbidden"))));
        i18n.setFile(new UploadI18N.File()
                .setRetry(ui.getTranslation("upload.retry"))
                .setStart(ui.getTranslation("upload.start"))
                .setRemove(ui.getTranslation("upload.remove")));
        i18n.setUnits(new UploadI18N.Units(List.of("B", "KB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        upload.setI18n(i18n);
        return upload;
    }
}
