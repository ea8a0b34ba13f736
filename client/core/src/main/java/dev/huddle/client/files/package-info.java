/**
 * Sending and fetching files: resumable uploads over HTTP (tus 1.0, {@link dev.huddle.client.files.TusUpload}),
 * downloads over HTTP ({@link dev.huddle.client.files.HttpDownload}) and both over the line protocol's raw
 * bytes ({@link dev.huddle.client.files.LineFiles}). Every transfer is checked against the file's SHA-256.
 */
package dev.huddle.client.files;
