package org.dangan.workflow.backup;

/** A backup that cannot be taken or a restore that must not go on; the message names what and where. */
class BackupRefusedException extends RuntimeException {

    public BackupRefusedException(String message) {
        super(message);
    }

    public BackupRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
