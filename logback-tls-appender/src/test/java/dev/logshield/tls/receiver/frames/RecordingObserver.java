package dev.logshield.tls.receiver.frames;

import java.util.ArrayList;
import java.util.List;

/** Records what a reader tells its observer, as {@code started}, {@code ended} and {@code dropped oversize 100}. */
final class RecordingObserver implements FrameObserver {

    final List<String> calls = new ArrayList<>();
    private int open;

    @Override
    public void frameStarted() {
        if (open != 0) {
            throw new AssertionError("frameStarted while a frame is open: " + calls);
        }
        open++;
        calls.add("started");
    }

    @Override
    public void frameEnded() {
        if (open != 1) {
            throw new AssertionError("frameEnded without frameStarted: " + calls);
        }
        open--;
        calls.add("ended");
    }

    @Override
    public void dropped(DropReason reason, long bytes) {
        calls.add("dropped " + reason.tag() + " " + bytes);
    }

    /** Only the drops. */
    List<String> drops() {
        List<String> drops = new ArrayList<>();
        for (String call : calls) {
            if (call.startsWith("dropped")) {
                drops.add(call);
            }
        }
        return drops;
    }

    boolean isBetweenFrames() {
        return open == 0;
    }
}
