package dev.huddle.chat.file;

import dev.huddle.chat.session.ThenBytes;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.FileTarget;
import dev.huddle.server.http.ApiResponder;
import dev.huddle.server.http.BearerAuth;
import dev.huddle.server.token.Principal;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Files over HTTP besides uploads:
 * <pre>
 * GET|HEAD /api/files/{id}                       the bytes (members / the two parties only), with Range and ETag
 * GET      /api/files?target=7|@bob[&amp;limit=N][&amp;before=ID]   {"files":[...],"hasMore":..}, newest first
 * DELETE   /api/files/{id}                       uploader, room owner or admin
 * </pre>
 * A download is never something a browser runs or renders in place: {@code Content-Type} is what
 * the bytes were found to be, {@code Content-Disposition: attachment} (RFC 6266, UTF-8 name),
 * {@code X-Content-Type-Options: nosniff} and a sandboxing {@code Content-Security-Policy}. The ETag
 * is the file's SHA-256 (files never change), also sent as {@code Repr-Digest} (RFC 9530), so a
 * client checks what it received.
 */
public final class FileRoutes {

    private final FileTransfers transfers;
    private final HttpAnswers answers;
    private final BearerAuth auth;

    public FileRoutes(FileTransfers transfers, HttpAnswers answers, BearerAuth auth) {
        this.transfers = transfers;
        this.answers = answers;
        this.auth = auth;
    }

    /** The streamed download route (before the JSON body handler). */
    public void mount(Router router) {
        router.get("/api/files/:id").handler(auth.forAction("download")).handler(this::download);
        router.head("/api/files/:id").handler(auth.forAction("download")).handler(this::download);
    }

    /** {@code GET /api/files?target=..}: a room's or a conversation's files. */
    public Future<JsonObject> list(Principal caller, RoutingContext ctx) {
        String target = ctx.queryParams().get("target");
        if (target == null) {
            throw HuddleException.badRequest("target required: ?target=<project_id> or ?target=@<username>");
        }
        FileTarget parsed;
        try {
            parsed = FileTarget.parse(target);
        } catch (IllegalArgumentException e) {
            throw HuddleException.badRequest(e.getMessage());
        }
        String limit = ctx.queryParams().get("limit");
        String before = ctx.queryParams().get("before");
        return transfers.list(caller, parsed, limit == null ? null : (int) Math.min(Integer.MAX_VALUE,
            positive(limit, "limit")), before == null ? null : positive(before, "before"));
    }

    /** {@code DELETE /api/files/{id}}. */
    public Future<JsonObject> delete(Principal caller, RoutingContext ctx) {
        return transfers.remove(caller, positive(ctx.pathParam("id"), "file id"));
    }

    private void download(RoutingContext ctx) {
        String range = ctx.request().getHeader("Range");
        String request = ctx.request().method() + " " + ctx.request().path() + (range == null ? "" : " Range: " + range);
        Future.succeededFuture(ctx).map(c -> positive(c.pathParam("id"), "file id"))
            .compose(id -> transfers.readable(ApiResponder.principal(ctx), id))
            .compose(file -> send(ctx, file, range).map(status -> new Sent(status, file)))
            .onSuccess(sent -> answers.done(ctx, "download", sent.status(), request, sent.file().toJson().encode()))
            .onFailure(error -> answers.fail(ctx, "download", request, error));
    }

    private record Sent(int status, StoredFile file) {
    }

    /** Answers with the file or the asked part of it; completes with the status once the bytes are handed on. */
    private Future<Integer> send(RoutingContext ctx, StoredFile file, String rangeHeader) {
        HttpServerResponse response = ctx.response();
        String etag = "\"" + file.sha256() + "\"";
        response.putHeader("ETag", etag)
            .putHeader("Accept-Ranges", "bytes")
            .putHeader("Cache-Control", "private, no-cache")
            .putHeader("Content-Type", file.contentType())
            .putHeader("Content-Disposition", FileNames.contentDisposition(file.name()))
            .putHeader("X-Content-Type-Options", "nosniff")
            .putHeader("Content-Security-Policy", "default-src 'none'; sandbox")
            .putHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of()
                .parseHex(file.sha256())) + ":")
            // compressing would break Content-Length and ranges; files are mostly compressed already
            .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        if (matches(ctx.request().getHeader("If-None-Match"), etag)) {
            response.setStatusCode(304).end();
            return Future.succeededFuture(304);
        }
        String ifRange = ctx.request().getHeader("If-Range");
        ByteRange.Request asked = ifRange != null && !ifRange.equals(etag) ? new ByteRange.Request.Whole()
            : ByteRange.parse(rangeHeader, file.size());
        ByteRange range;
        int status;
        switch (asked) {
            case ByteRange.Request.Unsatisfiable u -> {
                response.putHeader("Content-Range", "bytes */" + file.size()).setStatusCode(416).end();
                return Future.succeededFuture(416);
            }
            case ByteRange.Request.Part part -> {
                range = part.range();
                status = 206;
                response.putHeader("Content-Range", range.contentRange(file.size()));
            }
            case ByteRange.Request.Whole whole -> {
                range = new ByteRange(0, file.size());
                status = 200;
            }
        }
        response.setStatusCode(status).putHeader("Content-Length", Long.toString(range.length()));
        if (ctx.request().method() == HttpMethod.HEAD || range.length() == 0) {
            response.end();
            return Future.succeededFuture(status);
        }
        return transfers.open(file, range.start(), range.length())
            .compose(bytes -> switch (bytes) {
                case ThenBytes.LocalFile local -> response.sendFile(local.path().toString(), local.offset(),
                    local.length());
                case ThenBytes.Streamed streamed -> streamed.stream().pipeTo(response)
                    .recover(e -> streamed.release().transform(x -> Future.failedFuture(e)));
            })
            .map(status);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static long positive(String text, String what) {
        boolean digits = text != null && !text.isEmpty() && text.length() <= 18
            && text.chars().allMatch(c -> c >= '0' && c <= '9');
        long value = digits ? Long.parseLong(text) : 0;
        if (value < 1) {
            throw HuddleException.badRequest(what + " must be a positive integer");
        }
        return value;
    }
}
