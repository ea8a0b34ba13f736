package dev.huddle.chat.file;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.FileTarget;
import dev.huddle.server.http.ApiResponder;
import dev.huddle.server.http.BearerAuth;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Resumable uploads over HTTP: the tus 1.0.0 protocol (https://tus.io/protocols/resumable-upload)
 * with its creation, termination and checksum extensions, under {@value #BASE}:
 * <pre>
 * OPTIONS /api/files/uploads          204  Tus-Version, Tus-Extension, Tus-Max-Size, Tus-Checksum-Algorithm
 * POST    /api/files/uploads          201  Location: /api/files/uploads/{id}
 *         Upload-Length: N            the file's size
 *         Upload-Metadata: filename &lt;b64&gt;,target &lt;b64 of "7" or "@bob"&gt;,sha256 &lt;b64 of 64 hex digits&gt;
 * HEAD    /api/files/uploads/{id}     200  Upload-Offset, Upload-Length (+ Huddle-File-Id once complete)
 * PATCH   /api/files/uploads/{id}     204  Upload-Offset   (Content-Type: application/offset+octet-stream,
 *         Upload-Offset: where these bytes start; Upload-Checksum: "sha1|sha256|md5 &lt;b64&gt;" optional)
 *         the PATCH that completes the file answers Huddle-File-Id too, once it is stored and announced
 * DELETE  /api/files/uploads/{id}     204  the upload and its bytes are gone
 * </pre>
 * Clients that cannot send PATCH or DELETE (Java's HttpURLConnection) may POST with
 * {@code X-HTTP-Method-Override}. Every request but OPTIONS carries {@code Tus-Resumable: 1.0.0} and a
 * bearer token; an upload belongs to its creator. Everything is checked before the body is read
 * (a client sending {@code Expect: 100-continue} gets the go-ahead only then); the body streams to
 * the store. Refusals are {@code {"code","message"}} with the status of their code (TOO_LARGE and
 * QUOTA_EXCEEDED 413, SIZE_MISMATCH 400, CHECKSUM_MISMATCH 460, CONFLICT 409 for a wrong offset).
 */
public final class TusRoutes {

    public static final String BASE = "/api/files/uploads";
    static final String VERSION = "1.0.0";
    static final String OFFSET_STREAM = "application/offset+octet-stream";
    /** tus checksum algorithm names → JDK digest names. */
    private static final Map<String, String> CHECKSUMS = Map.of("sha1", "SHA-1", "sha256", "SHA-256", "md5", "MD5");

    private final FileTransfers transfers;
    private final HttpAnswers answers;
    private final BearerAuth auth;

    public TusRoutes(FileTransfers transfers, HttpAnswers answers, BearerAuth auth) {
        this.transfers = transfers;
        this.answers = answers;
        this.auth = auth;
    }

    public void mount(Router router) {
        router.options(BASE).handler(this::options);
        router.options(BASE + "/:id").handler(this::options);
        router.post(BASE).handler(this::tus).handler(auth.forAction("upload_create")).handler(this::create);
        router.head(BASE + "/:id").handler(this::tus).handler(auth.forAction("upload_status")).handler(this::status);
        router.patch(BASE + "/:id").handler(this::tus).handler(auth.forAction("upload")).handler(this::patch);
        router.delete(BASE + "/:id").handler(this::tus).handler(auth.forAction("upload_cancel")).handler(this::terminate);
        router.post(BASE + "/:id").handler(this::tus).handler(auth.forAction("upload")).handler(this::overridden);
    }

    private void options(RoutingContext ctx) {
        ctx.response().putHeader("Tus-Resumable", VERSION).putHeader("Tus-Version", VERSION)
            .putHeader("Tus-Extension", "creation,termination,checksum")
            .putHeader("Tus-Max-Size", Long.toString(transfers.config().maxBytes()))
            .putHeader("Tus-Checksum-Algorithm", "sha1,sha256,md5")
            .setStatusCode(204).end();
    }

    /** Every tus request: the body waits until it is wanted, and the protocol version must be ours. */
    private void tus(RoutingContext ctx) {
        ctx.request().pause();
        ctx.response().putHeader("Tus-Resumable", VERSION);
        if (!VERSION.equals(ctx.request().getHeader("Tus-Resumable"))) {
            ctx.response().putHeader("Tus-Version", VERSION);
            answers.fail(ctx, "upload", requestLine(ctx), HuddleException.badRequest(
                "Tus-Resumable: " + VERSION + " required"), 412);
            return;
        }
        ctx.next();
    }

    private void create(RoutingContext ctx) {
        String request = requestLine(ctx) + " Upload-Length: " + ctx.request().getHeader("Upload-Length")
            + " Upload-Metadata: " + describe(ctx.request().getHeader("Upload-Metadata"));
        Future.succeededFuture(ctx).map(c -> declaration(c.request(), BearerAuth.token(c)))
            .compose(d -> transfers.declare(ApiResponder.principal(ctx), d.target(), d.filename(), d.size(),
                d.sha256(), true))
            .compose(upload -> {
                ctx.response().putHeader("Location", BASE + "/" + upload.id()).putHeader("Upload-Offset", "0");
                String created = "Location: " + BASE + "/" + upload.id() + " name=" + upload.name() + " size="
                    + upload.size() + " sha256=" + upload.sha256();
                // an empty file is complete once declared: there is no PATCH to finish it
                return upload.size() > 0 ? Future.succeededFuture(created) : transfers.finish(upload).map(file -> {
                    ctx.response().putHeader("Huddle-File-Id", Long.toString(file.id()));
                    return created + " " + file.toJson().encode();
                });
            })
            .onSuccess(created -> answers.done(ctx, "upload_create", 201, request, created))
            .onFailure(error -> answers.fail(ctx, "upload_create", request, error));
    }

    private void status(RoutingContext ctx) {
        String request = requestLine(ctx);
        transfers.upload(ApiResponder.principal(ctx), ctx.pathParam("id"))
            .compose(upload -> transfers.offset(upload).map(offset -> {
                HttpServerResponse response = ctx.response().putHeader("Upload-Offset", Long.toString(offset))
                    .putHeader("Upload-Length", Long.toString(upload.size())).putHeader("Cache-Control", "no-store");
                if (upload.complete()) {
                    response.putHeader("Huddle-File-Id", Long.toString(upload.fileId()));
                }
                return offset;
            }))
            .onSuccess(offset -> answers.done(ctx, "upload_status", 200, request, "Upload-Offset: " + offset))
            .onFailure(error -> answers.fail(ctx, "upload_status", request, error));
    }

    /** POST with {@code X-HTTP-Method-Override: PATCH} or {@code DELETE}. */
    private void overridden(RoutingContext ctx) {
        String method = ctx.request().getHeader("X-HTTP-Method-Override");
        if ("PATCH".equalsIgnoreCase(method)) {
            patch(ctx);
        } else if ("DELETE".equalsIgnoreCase(method)) {
            terminate(ctx);
        } else {
            answers.fail(ctx, "upload", requestLine(ctx), HuddleException.badRequest(
                "POST to an upload needs X-HTTP-Method-Override: PATCH or DELETE"), 405);
        }
    }

    private void patch(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String logged = requestLine(ctx) + " Upload-Offset: " + request.getHeader("Upload-Offset")
            + " Content-Length: " + request.getHeader("Content-Length");
        String type = request.getHeader("Content-Type");
        if (type == null || !type.strip().toLowerCase(Locale.ROOT).startsWith(OFFSET_STREAM)) {
            answers.fail(ctx, "upload", logged, HuddleException.badRequest(
                "Content-Type: " + OFFSET_STREAM + " required"), 415);
            return;
        }
        Future.succeededFuture(ctx)
            .map(c -> new PatchHeaders(number(c.request(), "Upload-Offset", true),
                number(c.request(), "Content-Length", false), checksum(c.request().getHeader("Upload-Checksum"))))
            .compose(headers -> transfers.upload(ApiResponder.principal(ctx), ctx.pathParam("id"))
                .compose(upload -> receive(ctx, upload, headers)))
            .onSuccess(result -> answers.done(ctx, "upload", 204, logged, result))
            .onFailure(error -> answers.fail(ctx, "upload", logged, error));
    }

    private record PatchHeaders(long offset, Long contentLength, FileTransfers.ChunkChecksum checksum) {
    }

    private Future<String> receive(RoutingContext ctx, PendingUpload upload, PatchHeaders headers) {
        HttpServerResponse response = ctx.response();
        if (upload.complete()) {
            if (headers.offset() != upload.size() || headers.contentLength() == null || headers.contentLength() != 0) {
                return Future.failedFuture(new HuddleException(ErrorCode.CONFLICT, "upload " + upload.id()
                    + " is complete: file " + upload.fileId()));
            }
            response.putHeader("Upload-Offset", Long.toString(upload.size()))
                .putHeader("Huddle-File-Id", Long.toString(upload.fileId()));
            return Future.succeededFuture("file " + upload.fileId());
        }
        if (headers.contentLength() != null && headers.offset() + headers.contentLength() > upload.size()) {
            return Future.failedFuture(new HuddleException(ErrorCode.SIZE_MISMATCH, "Upload-Offset "
                + headers.offset() + " + Content-Length " + headers.contentLength() + " is past the declared "
                + upload.size() + " bytes"));
        }
        if ("100-continue".equalsIgnoreCase(ctx.request().getHeader("Expect"))) {
            response.writeContinue();
        }
        return transfers.append(upload, headers.offset(), ctx.request(), headers.checksum())
            .compose(offset -> {
                response.putHeader("Upload-Offset", Long.toString(offset));
                if (offset < upload.size()) {
                    return Future.succeededFuture("Upload-Offset: " + offset);
                }
                return transfers.finish(upload).map(file -> {
                    response.putHeader("Huddle-File-Id", Long.toString(file.id()));
                    return "Upload-Offset: " + offset + " " + file.toJson().encode();
                });
            });
    }

    private void terminate(RoutingContext ctx) {
        String request = requestLine(ctx);
        transfers.upload(ApiResponder.principal(ctx), ctx.pathParam("id"))
            .compose(upload -> transfers.discard(upload).map(upload))
            .onSuccess(upload -> answers.done(ctx, "upload_cancel", 204, request, "removed " + upload.name()))
            .onFailure(error -> answers.fail(ctx, "upload_cancel", request, error));
    }

    /** The upload a creation request declares, checked by the same rules as the line form's {@code upload}. */
    private static Command.Upload declaration(HttpServerRequest request, String token) {
        if (request.getHeader("Upload-Defer-Length") != null) {
            throw HuddleException.badRequest("Upload-Defer-Length is not supported: declare Upload-Length");
        }
        Long contentLength = number(request, "Content-Length", false);
        if (contentLength != null && contentLength > 0) {
            throw HuddleException.badRequest("creation-with-upload is not supported: create, then PATCH");
        }
        long length = number(request, "Upload-Length", true);
        Map<String, String> metadata = UploadMetadata.parse(request.getHeader("Upload-Metadata"));
        String name = metadata.getOrDefault("filename", metadata.get("name"));
        try {
            FileTarget target = FileTarget.parse(metadata.get("target"));
            return new Command.Upload(token, target, length, metadata.get("sha256"), name);
        } catch (IllegalArgumentException e) {
            throw HuddleException.badRequest("Upload-Metadata target: " + e.getMessage());
        }
    }

    private static FileTransfers.ChunkChecksum checksum(String header) {
        if (header == null) {
            return null;
        }
        String[] parts = header.strip().split(" ");
        String algorithm = parts.length == 2 ? CHECKSUMS.get(parts[0].toLowerCase(Locale.ROOT)) : null;
        if (algorithm == null) {
            throw HuddleException.badRequest("Upload-Checksum must be '<sha1|sha256|md5> <base64>'");
        }
        try {
            return new FileTransfers.ChunkChecksum(algorithm, Base64.getDecoder().decode(parts[1]));
        } catch (IllegalArgumentException e) {
            throw HuddleException.badRequest("Upload-Checksum: the checksum is not base64");
        }
    }

    private static Long number(HttpServerRequest request, String header, boolean required) {
        String value = request.getHeader(header);
        if (value == null) {
            if (required) {
                throw HuddleException.badRequest(header + " required");
            }
            return null;
        }
        String digits = value.strip();
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw HuddleException.badRequest(header + " must be a whole number");
        }
        return Long.parseLong(digits);
    }

    private static String requestLine(RoutingContext ctx) {
        return ctx.request().method() + " " + ctx.request().path();
    }

    // The log shows metadata decoded (the name, target and hash people recognise), not base64.
    private static String describe(String metadata) {
        try {
            return UploadMetadata.parse(metadata).toString();
        } catch (HuddleException e) {
            return "(malformed)";
        }
    }
}
