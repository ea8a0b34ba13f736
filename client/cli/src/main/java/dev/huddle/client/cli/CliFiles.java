package dev.huddle.client.cli;

import dev.huddle.client.files.FileNames;
import dev.huddle.client.files.HttpDownload;
import dev.huddle.client.files.Sha256;
import dev.huddle.client.files.TusUpload;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.FileSize;
import dev.huddle.contracts.chat.FileTarget;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * huddle-cli's file commands. {@code send-file} uploads over HTTP with tus, in acknowledged pieces:
 * a dropped connection is resumed at once (a few tries), and running the same command again later
 * resumes from what the server has ({@link UploadResumes}). {@code get-file} downloads over HTTP and
 * checks the bytes' SHA-256 before the file is given its name. Both draw a {@link ProgressBar} on a
 * terminal. Listing and removal go over the line protocol like every other command.
 */
final class CliFiles {

    private static final int RESUME_TRIES = 5;
    private static final int DEFAULT_HTTP_PORT = 8083;

    private final Cli cli;
    private final Args options;
    private final boolean terminal;

    CliFiles(Cli cli, Args options, boolean terminal) {
        this.cli = cli;
        this.options = options;
        this.terminal = terminal;
    }

    /** {@code send-file <project_id|@user> <path> [--name NAME]}: prints the stored file's id, name, size and hash. */
    int send(String token, String targetWord, String pathWord) {
        FileTarget target = target(targetWord);
        Path path = Path.of(pathWord);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new HuddleException(ErrorCode.BAD_REQUEST, "cannot read the file " + path);
        }
        String name = options.value("name") != null ? options.value("name") : path.getFileName().toString();
        long size = size(path);
        String sha256 = Sha256.of(path);
        URI server = server();
        TusUpload tus = new TusUpload(server, token, timeout(), Cli.tls(options));
        UploadResumes resumes = new UploadResumes(cli.tokens().file().resolveSibling("uploads"));
        URI upload = resumes.find(sha256, target.toString(), server).filter(u -> stillThere(tus, u))
            .orElseGet(() -> tus.create(target, name, size, sha256));
        resumes.save(sha256, target.toString(), server, upload);
        ProgressBar bar = new ProgressBar(cli.err(), name, terminal, System::nanoTime);
        long fileId;
        try {
            fileId = sendWithRetries(tus, upload, path, bar);
        } finally {
            bar.finish();
        }
        resumes.forget(sha256, target.toString(), server);
        cli.out().println(new JsonObject().put("id", fileId).put("name", name).put("size", size)
            .put("sha256", sha256).put("target", target.toString()).encode());
        return 0;
    }

    /** {@code get-file <file_id> [-o PATH]}: into PATH, or the server's name for it in the current directory. */
    int get(String token, long fileId) {
        HttpDownload download = new HttpDownload(server(), token, timeout(), Cli.tls(options));
        String output = options.value("output");
        Path temp = temporary(output == null ? Path.of("") : Path.of(output));
        ProgressBar bar = new ProgressBar(cli.err(), "file " + fileId, terminal, System::nanoTime);
        HttpDownload.Received received;
        try (OutputStream out = Files.newOutputStream(temp)) {
            received = download.fetch(fileId, out, bar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp, e);
        } catch (RuntimeException e) {
            delete(temp);
            throw e;
        } finally {
            bar.finish();
        }
        Path target = output != null && !Files.isDirectory(Path.of(output)) ? Path.of(output)
            : (output == null ? Path.of("") : Path.of(output)).resolve(FileNames.safe(received.name()));
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            delete(temp);
            throw new UncheckedIOException("cannot write " + target, e);
        }
        cli.out().println(new JsonObject().put("id", fileId).put("path", target.toString())
            .put("size", received.size()).put("sha256", received.sha256()).put("contentType", received.contentType())
            .encode());
        return 0;
    }

    /** A page of {@code files}: one line per file, newest first, or the JSON with {@code --json}. */
    void print(JsonObject page) {
        if (options.flag("json")) {
            cli.out().println(page.encode());
            return;
        }
        JsonArray files = page.getJsonArray("files", new JsonArray());
        for (Object item : files) {
            if (item instanceof JsonObject file) {
                JsonObject uploader = file.getJsonObject("uploader", new JsonObject());
                cli.out().println(String.join("  ", List.of(String.valueOf(file.getValue("id")),
                    String.valueOf(file.getValue("name")), FileSize.human(file.getLong("size", 0L)),
                    String.valueOf(file.getValue("contentType")), String.valueOf(uploader.getValue("username")),
                    String.valueOf(file.getValue("createdAt")))));
            }
        }
        if (page.getBoolean("hasMore", false) && !files.isEmpty()) {
            cli.err().println("more: --before " + files.getJsonObject(files.size() - 1).getValue("id"));
        }
    }

    static FileTarget target(String word) {
        try {
            return FileTarget.parse(word);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
    }

    private long sendWithRetries(TusUpload tus, URI upload, Path path, ProgressBar bar) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tus.resume(upload, path, bar);
            } catch (HuddleException e) {
                if (e.code() != ErrorCode.UNAVAILABLE || attempt == RESUME_TRIES) {
                    throw e;
                }
                cli.err().println();
                cli.err().println("connection lost (" + e.getMessage() + "); resuming");
                LockSupport.parkNanos(Duration.ofMillis(250L * attempt).toNanos());
            }
        }
    }

    private static boolean stillThere(TusUpload tus, URI upload) {
        try {
            tus.status(upload);
            return true;
        } catch (HuddleException e) {
            return false;
        }
    }

    private URI server() {
        String host = Optional.ofNullable(options.value("host")).orElse(Cli.DEFAULT_HOST);
        String port = options.value("http-port");
        long httpPort = port == null ? DEFAULT_HTTP_PORT : Args.positive(port, "--http-port");
        return URI.create(Cli.tls(options).httpScheme() + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + httpPort);
    }

    private Duration timeout() {
        String seconds = options.value("timeout");
        return Duration.ofSeconds(seconds == null ? 30 : Args.positive(seconds, "--timeout"));
    }

    private static Path temporary(Path near) {
        Path dir = Files.isDirectory(near) ? near : near.toAbsolutePath().getParent();
        try {
            return Files.createTempFile(dir == null ? Path.of(".") : dir, ".huddle-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in " + dir, e);
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless
        }
    }
}
