package org.carelog.infra.operations;

/** A backup, restore or verification that was refused or failed, with a message an operator can act on. */
class BackupException extends RuntimeException {

    BackupException(String message) {
        super(message);
    }

    BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
