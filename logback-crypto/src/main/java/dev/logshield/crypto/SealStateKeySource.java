package dev.logshield.crypto;

import dev.logshield.crypto.format.SealKeySource;
import dev.logshield.crypto.keys.KeyMaterialException;
import dev.logshield.crypto.keys.SealState;
import java.io.IOException;
import java.nio.file.Path;

/** The host's seal state file as the segment writer's evolving seal key. */
public final class SealStateKeySource implements SealKeySource {

    private final SealState state;

    private SealStateKeySource(SealState state) {
        this.state = state;
    }

    /** Loads the state file ({@code logcrypt keygen --seal}). */
    public static SealStateKeySource load(Path file) throws KeyMaterialException {
        return new SealStateKeySource(SealState.load(file));
    }

    /** A state already loaded or created. */
    public static SealStateKeySource of(SealState state) {
        return new SealStateKeySource(state);
    }

    @Override
    public long originMs() {
        return state.originMs();
    }

    @Override
    public int intervalSeconds() {
        return state.intervalSeconds();
    }

    @Override
    public byte[] chainId() {
        return state.chainId();
    }

    @Override
    public long currentEpoch() {
        return state.currentEpoch();
    }

    @Override
    public byte[] currentKey() {
        return state.currentKey();
    }

    @Override
    public void advanceTo(long epoch) throws IOException {
        try {
            state.advanceTo(epoch);
        } catch (KeyMaterialException e) {
            throw new IOException("cannot persist the evolved seal key: " + e.getMessage(), e);
        }
    }
}
