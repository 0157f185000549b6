package dev.logshield.crypto.cli;

import dev.logshield.crypto.format.SealKeySource;
import dev.logshield.crypto.keys.KeyMaterialException;
import dev.logshield.crypto.keys.SealState;
import java.io.IOException;

/** The host's seal state as the segment writer's evolving seal key, for tests that write sealed segments. */
record SealStateSource(SealState state) implements SealKeySource {

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
            throw new IOException(e);
        }
    }
}
