package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.RedactionListener;
import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.engine.Rule;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Every detector of this package, for tests that must hold for all of them. */
final class AllDetectors {

    private AllDetectors() {
    }

    static List<Detector> list() {
        return List.of(new JwtDetector(), new AuthorizationHeaderDetector(), new AwsAccessKeyDetector(), new GithubTokenDetector(),
                new SlackTokenDetector(), new StripeKeyDetector(), new GoogleApiKeyDetector(), new OpenAiKeyDetector(),
                new GenericTokenDetector(), new PemPrivateKeyDetector(), new SecretKeyValueDetector(), new UrlCredentialsDetector());
    }

    /** A redactor with all detectors that records the first detector failure into {@code failure}. */
    static Redactor redactor(List<Detector> detectors, AtomicReference<Throwable> failure) {
        Redactor.Builder b = Redactor.builder().listener(new RedactionListener() {
            @Override
            public void onFailure(Rule rule, Throwable t) {
                failure.compareAndSet(null, new AssertionError(rule.name() + " threw", t));
            }
        });
        for (Detector d : detectors) {
            b.rule(d, Action.MASK);
        }
        return b.build();
    }
}
