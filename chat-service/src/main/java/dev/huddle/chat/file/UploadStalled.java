package dev.huddle.chat.file;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;

/**
 * An upload's sender stopped sending before the declared end. On the line protocol that is a size
 * mismatch (the client declared more than it sent); over HTTP the bytes so far are kept and the
 * upload can be resumed.
 */
final class UploadStalled extends HuddleException {

    UploadStalled(String message) {
        super(ErrorCode.SIZE_MISMATCH, message);
    }
}
