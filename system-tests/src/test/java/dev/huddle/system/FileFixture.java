package dev.huddle.system;

import dev.huddle.client.files.Sha256;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * What the file tests share: a cluster with small file limits, sample files of the kinds people
 * send (a PDF, a Word document, a PNG, an empty file), and accounts with a room.
 */
final class FileFixture {

    static final long MAX_BYTES = 4L * 1024 * 1024;
    static final long QUOTA_BYTES = 10L * 1024 * 1024;
    /** Limits small enough to reach in a test, and a short stall so a sender that stops is noticed quickly. */
    static final Map<String, String> ENV = Map.of("HUDDLE_FILES_MAX_BYTES", Long.toString(MAX_BYTES),
        "HUDDLE_FILES_QUOTA_BYTES", Long.toString(QUOTA_BYTES), "HUDDLE_FILES_STALL_TIMEOUT", "1s");
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** A sample file: its name, its bytes and the content type the server must find in them. */
    record Sample(String name, byte[] bytes, String contentType) {
        String sha256() {
            return Sha256.hex(bytes);
        }
    }

    /** A logged-in user. */
    record Account(String name, String token) {
    }

    private FileFixture() {
    }

    static List<Sample> samples() {
        return List.of(
            new Sample("Báo cáo quý 3.pdf", pdf(), "application/pdf"),
            new Sample("minutes.docx", docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            new Sample("diagram.png", png(), "image/png"),
            new Sample("empty.txt", new byte[0], "application/octet-stream"));
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] pdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(random(300_000, 1));
        out.writeBytes("\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A Word document's shape: a zip whose entries are the Office Open XML parts. */
    static byte[] docx() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : List.of("[Content_Types].xml", "_rels/.rels", "word/document.xml")) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(("<?xml version=\"1.0\"?><w:document>" + entry + "</w:document>").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("word/media/image1.bin"));
            zip.write(random(50_000, 2));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(3);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Registers and logs in a fresh user through {@code client}. */
    static Account account(RawLineClient client) {
        String name = "f" + NAMES.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36);
        client.ok("reg " + name + " violet-anchor-93-drum");
        return new Account(name, client.ok("login " + name + " violet-anchor-93-drum").getString("token"));
    }

    /** A room owned by {@code owner}'s token, with {@code members} added. */
    static long room(RawLineClient client, Account owner, Account... members) {
        long id = client.ok("new_project " + owner.token() + " files " + NAMES.incrementAndGet())
            .getJsonObject("project").getLong("id");
        if (members.length > 0) {
            client.ok("add_group " + owner.token() + " " + id + " "
                + String.join(", ", Stream.of(members).map(Account::name).toList()));
        }
        return id;
    }

    /** Every file under the cluster's file store (parts and stored), for "nothing left behind". */
    static List<Path> storeFiles(Path root) {
        Path store = root.resolve("chat-data/files");
        if (!Files.exists(store)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(store)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> parts(Path root) {
        return storeFiles(root).stream().filter(p -> p.getParent().getFileName().toString().equals("parts")).toList();
    }
}
