package dev.portcullis.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a file a user named on the command line: a regular file of UTF-8 text below a size limit, so
 * {@code /dev/zero}, a FIFO or a stray disk image gets a one-line error instead of hanging the command
 * or exhausting its heap.
 */
public final class TextFiles {
    /** Far above any plan, config or listing Portcullis reads, far below a default heap. */
    public static final long DEFAULT_LIMIT = 64L << 20;

    private TextFiles() {}

    /**
     * @param what how the message names the file, e.g. {@code --against 'base.json'}
     * @throws IllegalArgumentException starting with {@code what}, if the file is missing, not a regular
     *     file, larger than {@code limit} bytes, unreadable, or not UTF-8
     */
    public static String read(String what, Path file, long limit) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(what + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + " is not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(what + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " cannot be read: " + e.getMessage());
        }
        if (bytes.length > limit) {
            throw new IllegalArgumentException(what + " is larger than " + (limit >> 20) + " MiB: that is not a file this reads");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " is not UTF-8 text");
        }
    }
}
