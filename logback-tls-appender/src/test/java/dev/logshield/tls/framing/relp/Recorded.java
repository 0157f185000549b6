package dev.logshield.tls.framing.relp;

import java.util.ArrayList;
import java.util.List;

/** A handler that records everything the parser hands over, as text, in order. */
final class Recorded implements RelpResponseHandler {

    final List<String> events = new ArrayList<>();
    final List<RelpResponse> responses = new ArrayList<>();

    @Override
    public void onResponse(RelpResponse response) {
        responses.add(response);
        events.add(response.toString());
    }

    @Override
    public void onServerClose() {
        events.add("serverclose");
    }

    @Override
    public void onHint(RelpFrame hint) {
        events.add("hint " + hint);
    }
}
