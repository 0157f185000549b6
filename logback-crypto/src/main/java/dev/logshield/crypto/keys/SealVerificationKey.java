package dev.logshield.crypto.keys;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the auditor keeps offline to verify checkpoints: the chain's origin and interval and the initial seal key
 * S_0, from which every epoch's key follows ({@link SealKeyChain}). Written once by {@link SealState#create}; it
 * must never stay on the logging host, since it can forge every checkpoint.
 *
 * <p>Text form, one line: {@code LSE-SEAL-VERIFY-1 <originMs> <intervalSeconds> <base64url S_0, no padding>}. A file
 * may add blank lines and {@code #} comments around it.
 *
 * <p>{@link #keyAt} remembers the last key it computed, so verifying epochs in increasing order costs one
 * evolution step per epoch. Thread-safe.
 */
public final class SealVerificationKey {

    /** The first word of the text form. */
    public static final String MAGIC = "LSE-SEAL-VERIFY-1";

    private final SealKeyChain chain;
    private final byte[] initialKey;
    private final byte[] chainId;
    private long cachedEpoch;
    private byte[] cachedKey;

    /**
     * @throws IllegalArgumentException when {@code s0} is not 32 bytes or the interval is not positive
     */
    public SealVerificationKey(long originMs, int intervalSeconds, byte[] s0) {
        this.chain = new SealKeyChain(originMs, intervalSeconds);
        SealKeyChain.requireKey(s0);
        this.chainId = SealKeyChain.chainId(s0, originMs, intervalSeconds);
        this.initialKey = s0.clone();
        this.cachedEpoch = 0;
        this.cachedKey = s0.clone();
    }

    /** The chain id every segment sealed with this chain records (see {@link SealKeyChain#chainId}). */
    public byte[] chainId() {
        return chainId.clone();
    }

    /**
     * Parses the one-line text form (surrounding white space ignored).
     *
     * @throws KeyMaterialException when the line is not a seal verification key (the message never quotes the key)
     */
    public static SealVerificationKey parse(String line) throws KeyMaterialException {
        String[] fields = line == null ? new String[0] : line.strip().split(" +");
        if (fields.length != 4 || !fields[0].equals(MAGIC)) {
            throw new KeyMaterialException("not a seal verification key: expected '" + MAGIC
                    + " <originMs> <intervalSeconds> <key>' on one line");
        }
        long origin;
        int interval;
        try {
            origin = Long.parseLong(fields[1]);
            interval = Integer.parseInt(fields[2]);
        } catch (NumberFormatException e) {
            throw new KeyMaterialException("not a seal verification key: origin and interval must be integers", e);
        }
        if (origin < 0 || interval <= 0) {
            throw new KeyMaterialException("not a seal verification key: origin must be >= 0 and interval > 0");
        }
        byte[] s0 = Base64Url.decodeKey(fields[3], "seal verification key");
        try {
            return new SealVerificationKey(origin, interval, s0);
        } finally {
            Arrays.fill(s0, (byte) 0);
        }
    }

    /**
     * Reads a file holding one verification key line (blank lines and {@code #} comments ignored).
     *
     * @throws KeyMaterialException when the file is missing, unreadable or does not hold exactly one key line
     */
    public static SealVerificationKey read(Path file) throws KeyMaterialException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new KeyMaterialException("seal verification key file not found: " + file, e);
        } catch (AccessDeniedException e) {
            throw new KeyMaterialException("cannot read seal verification key file " + file + ": permission denied", e);
        } catch (CharacterCodingException e) {
            throw new KeyMaterialException("seal verification key file " + file + " is not text", e);
        } catch (IOException e) {
            throw new KeyMaterialException("cannot read seal verification key file " + file + ": " + e, e);
        }
        List<String> keyLines = lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (keyLines.size() != 1) {
            throw new KeyMaterialException("seal verification key file " + file + " must hold exactly one '" + MAGIC
                    + " …' line, found " + keyLines.size());
        }
        try {
            return parse(keyLines.get(0));
        } catch (KeyMaterialException e) {
            throw new KeyMaterialException(file + ": " + e.getMessage(), e);
        }
    }

    /** The one-line text form (contains the secret S_0). */
    public String format() {
        return MAGIC + " " + chain.originMs() + " " + chain.intervalSeconds() + " " + Base64Url.encode(initialKey);
    }

    /**
     * Writes {@link #format()} and a newline to a new file, mode 0600.
     *
     * @throws KeyMaterialException when the file exists (it is never overwritten) or cannot be written
     */
    public void write(Path file) throws KeyMaterialException {
        try {
            PrivateFiles.createNew(file, (format() + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (FileAlreadyExistsException e) {
            throw new KeyMaterialException("seal verification key file " + file + " already exists; refusing to overwrite it", e);
        } catch (IOException e) {
            throw new KeyMaterialException("cannot write seal verification key file " + file + ": " + e, e);
        }
    }

    /** The epoch arithmetic of this chain. */
    public SealKeyChain chain() {
        return chain;
    }

    /** Start of epoch 0, in milliseconds since the Unix epoch. */
    public long originMs() {
        return chain.originMs();
    }

    /** Length of an epoch, in seconds. */
    public int intervalSeconds() {
        return chain.intervalSeconds();
    }

    /**
     * A copy of the seal key of epoch {@code t}, evolved from the last key computed when {@code t} is not before it,
     * from S_0 otherwise.
     */
    public synchronized byte[] keyAt(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("epochs start at 0, not " + t);
        }
        byte[] next = t >= cachedEpoch ? SealKeyChain.evolve(cachedKey, cachedEpoch, t) : SealKeyChain.evolve(initialKey, 0, t);
        Arrays.fill(cachedKey, (byte) 0);
        cachedKey = next;
        cachedEpoch = t;
        return next.clone();
    }

    @Override
    public String toString() {
        return "SealVerificationKey[origin " + chain.originMs() + " ms, interval " + chain.intervalSeconds() + " s]";
    }
}
