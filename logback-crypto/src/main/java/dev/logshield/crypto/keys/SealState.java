package dev.logshield.crypto.keys;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The logging host's half of the forward-secure seal keys: the current epoch and its key S_t, in a file only the
 * owner may read (mode 0600). {@link #advanceTo} moves to a later epoch, overwrites the file atomically and
 * durably with the new key and zeroes the old one, so nothing on the host can give back an earlier epoch's key.
 *
 * <pre>
 * LSE-SEAL-STATE-1
 * origin=&lt;ms&gt;
 * interval=&lt;s&gt;
 * epoch=&lt;t&gt;
 * key=&lt;base64url S_t, no padding&gt;
 * </pre>
 *
 * Thread-safe; one process should own a state file (the file is not locked).
 */
public final class SealState {

    /** The first line of a state file. */
    public static final String MAGIC = "LSE-SEAL-STATE-1";

    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;
    private final SealKeyChain chain;
    private final byte[] chainId;
    private long epoch;
    private byte[] key;

    private SealState(Path file, SealKeyChain chain, byte[] chainId, long epoch, byte[] key) {
        this.file = file;
        this.chain = chain;
        this.chainId = chainId.clone();
        this.epoch = epoch;
        this.key = key;
    }

    /** A new state and the verification key that goes to the auditor. */
    public record Created(SealState state, SealVerificationKey verificationKey) {
    }

    /**
     * Creates a state file at epoch 0 with a fresh S_0 from {@code random}: mode 0600, never overwriting.
     *
     * @return the state, and the verification key holding S_0 (hand it to the auditor; do not keep it on the host)
     * @throws KeyMaterialException when the file exists or cannot be written
     */
    public static Created create(Path stateFile, long originMs, int intervalSeconds, SecureRandom random)
            throws KeyMaterialException {
        if (originMs < 0) {
            throw new IllegalArgumentException("seal origin must be >= 0 ms, not " + originMs);
        }
        SealKeyChain chain = new SealKeyChain(originMs, intervalSeconds);
        byte[] s0 = new byte[SealKeyChain.KEY_LENGTH];
        random.nextBytes(s0);
        SealVerificationKey verificationKey = new SealVerificationKey(originMs, intervalSeconds, s0);
        SealState state = new SealState(stateFile, chain, verificationKey.chainId(), 0, s0);
        try {
            PrivateFiles.createNew(stateFile, state.render(0, s0));
        } catch (FileAlreadyExistsException e) {
            state.destroyKey();
            throw new KeyMaterialException("seal state " + stateFile + " already exists; refusing to overwrite it", e);
        } catch (IOException e) {
            state.destroyKey();
            throw new KeyMaterialException("cannot write seal state " + stateFile + ": " + e, e);
        }
        return new Created(state, verificationKey);
    }

    /**
     * Loads a state file.
     *
     * @throws KeyMaterialException when it is missing, unreadable, readable or writable by group or others (it
     *         says to chmod 600), or malformed (the message never quotes the key)
     */
    public static SealState load(Path file) throws KeyMaterialException {
        requireOwnerOnly(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new KeyMaterialException("seal state not found: " + file, e);
        } catch (AccessDeniedException e) {
            throw new KeyMaterialException("cannot read seal state " + file + ": permission denied", e);
        } catch (CharacterCodingException e) {
            throw malformed(file, "it is not ASCII text");
        } catch (IOException e) {
            throw new KeyMaterialException("cannot read seal state " + file + ": " + e, e);
        }
        if (lines.size() != 6 || !lines.get(0).equals(MAGIC)) {
            throw malformed(file, "expected 6 lines starting with " + MAGIC);
        }
        long origin = number(file, lines.get(1), "origin");
        long interval = number(file, lines.get(2), "interval");
        byte[] chainId;
        try {
            if (!lines.get(3).startsWith("chain=")) {
                throw new IllegalArgumentException("no chain=");
            }
            chainId = java.util.HexFormat.of().parseHex(lines.get(3).substring(6));
        } catch (IllegalArgumentException e) {
            throw malformed(file, "line 4 must be chain=<16 hex digits>");
        }
        if (chainId.length != SealKeyChain.CHAIN_ID_LENGTH) {
            throw malformed(file, "line 4 must be chain=<16 hex digits>");
        }
        long epoch = number(file, lines.get(4), "epoch");
        if (interval <= 0 || interval > Integer.MAX_VALUE) {
            throw malformed(file, "interval must be between 1 and " + Integer.MAX_VALUE + " seconds");
        }
        if (!lines.get(5).startsWith("key=")) {
            throw malformed(file, "line 6 must be key=<base64url>");
        }
        byte[] key = Base64Url.decodeKey(lines.get(5).substring(4), "seal state " + file);
        return new SealState(file, new SealKeyChain(origin, (int) interval), chainId, epoch, key);
    }

    /**
     * Moves to epoch {@code t}: evolves the key forward, writes it to {@code <name>.tmp} (0600), forces it to disk,
     * renames it over the state file atomically, syncs the directory, then zeroes the old key. Moving to the current
     * epoch does nothing. When writing fails the state stays at the old epoch (in memory as on disk).
     *
     * @throws IllegalArgumentException when {@code t} is before the current epoch (old keys are gone by design)
     * @throws KeyMaterialException when the new state cannot be written durably
     */
    public synchronized void advanceTo(long t) throws KeyMaterialException {
        if (t < epoch) {
            throw new IllegalArgumentException("seal state is at epoch " + epoch + " and cannot go back to " + t
                    + ": earlier keys are destroyed by design");
        }
        if (t == epoch) {
            return;
        }
        byte[] next = SealKeyChain.evolve(key, epoch, t);
        byte[] content = render(t, next);
        try {
            PrivateFiles.replaceAtomically(file, content);
        } catch (IOException e) {
            Arrays.fill(next, (byte) 0);
            throw new KeyMaterialException("cannot persist seal state " + file + " at epoch " + t
                    + "; it stays at epoch " + epoch + ": " + e, e);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
        Arrays.fill(key, (byte) 0);
        key = next;
        epoch = t;
    }

    /** The current epoch. */
    public synchronized long currentEpoch() {
        return epoch;
    }

    /** A copy of the current epoch's key S_t. */
    public synchronized byte[] currentKey() {
        return key.clone();
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

    /** The id of this chain, recorded in every segment it seals. */
    public byte[] chainId() {
        return chainId.clone();
    }

    /** The state file. */
    public Path file() {
        return file;
    }

    /** The array holding the current key itself (not a copy): lets tests prove an old key is zeroed. */
    synchronized byte[] liveKeyArray() {
        return key;
    }

    @Override
    public synchronized String toString() {
        return "SealState[" + file + ", epoch " + epoch + "]";
    }

    private byte[] render(long t, byte[] s) {
        // the key goes from bytes to bytes, never through a String that could not be cleared
        byte[] head = (MAGIC + "\norigin=" + chain.originMs() + "\ninterval=" + chain.intervalSeconds() + "\nchain="
                + java.util.HexFormat.of().formatHex(chainId) + "\nepoch=" + t
                + "\nkey=").getBytes(StandardCharsets.US_ASCII);
        byte[] encodedKey = Base64Url.encodeToBytes(s);
        byte[] out = Arrays.copyOf(head, head.length + encodedKey.length + 1);
        System.arraycopy(encodedKey, 0, out, head.length, encodedKey.length);
        out[out.length - 1] = '\n';
        Arrays.fill(encodedKey, (byte) 0);
        return out;
    }

    private void destroyKey() {
        Arrays.fill(key, (byte) 0);
    }

    private static void requireOwnerOnly(Path file) throws KeyMaterialException {
        if (!file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (NoSuchFileException e) {
            throw new KeyMaterialException("seal state not found: " + file, e);
        } catch (IOException e) {
            throw new KeyMaterialException("cannot read the permissions of seal state " + file + ": " + e, e);
        }
        Set<PosixFilePermission> extra = EnumSet.noneOf(PosixFilePermission.class);
        extra.addAll(permissions);
        extra.retainAll(GROUP_OR_OTHER);
        if (!extra.isEmpty()) {
            throw new KeyMaterialException("seal state " + file + " is accessible to group or others (mode "
                    + PosixFilePermissions.toString(permissions) + "); refusing to use it: run chmod 600 " + file);
        }
    }

    private static long number(Path file, String line, String name) throws KeyMaterialException {
        String prefix = name + "=";
        if (!line.startsWith(prefix)) {
            throw malformed(file, "expected " + prefix + "<number>");
        }
        try {
            long value = Long.parseLong(line.substring(prefix.length()));
            if (value < 0) {
                throw malformed(file, name + " must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw malformed(file, name + " is not a number");
        }
    }

    private static KeyMaterialException malformed(Path file, String why) {
        return new KeyMaterialException("malformed seal state " + file + ": " + why);
    }
}
