package dev.huddle.chat.file;

import dev.huddle.chat.session.Session;
import dev.huddle.chat.session.ThenBytes;
import dev.huddle.contracts.chat.Command;
import dev.huddle.server.token.Principal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The file commands of the chat protocol for a verified caller. On the line protocol
 * {@code upload} is answered {@code READY} and then reads exactly the declared bytes, and
 * {@code download}'s OK line is followed by the file's bytes; a WebSocket carries no raw bytes, so
 * there those two are refused with a pointer to the HTTP endpoints, and {@code files} and
 * {@code delete_file} work as everywhere.
 */
public final class FileCommands {

    private final FileTransfers transfers;

    public FileCommands(FileTransfers transfers) {
        this.transfers = transfers;
    }

    /** Declared and checked first; READY; the bytes; then the file's JSON, or the refusal that left nothing. */
    public Future<JsonObject> upload(Session session, Principal caller, Command.Upload upload) {
        if (!session.carriesBytes()) {
            return session.receiveBytes(upload.word(), null, 0, body -> Future.succeededFuture());
        }
        return transfers.declare(caller, upload.target(), upload.filename(), upload.size(), upload.sha256(), false)
            .compose(pending -> session.receiveBytes(upload.word(), ticket(pending), pending.size(),
                    body -> transfers.append(pending, 0, body, null))
                .compose(received -> transfers.finish(pending))
                .recover(error -> transfers.discard(pending).transform(x -> Future.failedFuture(error))))
            .map(StoredFile::toJson);
    }

    /** The file's JSON as the OK line, its bytes right after. */
    public Future<Object> download(Session session, Principal caller, Command.Download download) {
        if (!session.carriesBytes()) {
            return session.sendBytes(null).map(v -> null);
        }
        return transfers.readable(caller, download.fileId())
            .compose(file -> transfers.open(file, 0, file.size()).map(bytes -> new ThenBytes(file.toJson(), bytes)));
    }

    public Future<JsonObject> list(Principal caller, Command.Files files) {
        return transfers.list(caller, files.target(), files.limit(), files.beforeId());
    }

    public Future<JsonObject> delete(Principal caller, Command.DeleteFile delete) {
        return transfers.remove(caller, delete.fileId());
    }

    private static JsonObject ticket(PendingUpload pending) {
        return new JsonObject().put("uploadId", pending.id()).put("name", pending.name()).put("size", pending.size());
    }
}
