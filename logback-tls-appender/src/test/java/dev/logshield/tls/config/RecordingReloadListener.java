package dev.logshield.tls.config;

import java.util.ArrayList;
import java.util.List;

/** Writes down what a reloading context tells its listener: "failed: problem" or "reloaded: leaf subject". */
final class RecordingReloadListener implements ReloadingTlsContext.Listener {

    private final List<String> events = new ArrayList<>();

    @Override
    public void reloadFailed(String problem) {
        events.add("failed: " + problem);
    }

    @Override
    public void reloaded(KeyMaterial key, TrustMaterial trust) {
        events.add("reloaded: " + key.leaf().getSubjectX500Principal().getName());
    }

    /** What was heard so far, oldest first (the live list). */
    List<String> events() {
        return events;
    }
}
