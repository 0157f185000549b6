package dev.logshield.redact.policy;

import dev.logshield.redact.engine.Action;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The policy that policy/full.yaml and policy/full.json describe. */
final class ExamplePolicy {

    private ExamplePolicy() {
    }

    static RedactionPolicy expected() {
        return RedactionPolicy.builder()
                .detector(DetectorSetting.of("email", Action.PARTIAL))
                .detector(new DetectorSetting("ipv4", true, Action.MASK, Map.of("keepNetwork", "true")))
                .detector(DetectorSetting.off("ssn"))
                .detector(DetectorSetting.off("iban"))
                .detector(DetectorSetting.on("jwt"))
                .sensitiveKey("pin").sensitiveKey("otp").sensitiveKey("x-internal-auth")
                .rule(new CustomRule("order-id", "ORD-[0-9]{8}", List.of("ORD-"), Action.HASH, false))
                .rule(new CustomRule("employee-id", "emp[0-9]{6}", List.of(), Action.MASK, true))
                .hashKey(HashKeySpec.env("LOGSHIELD_HASH_KEY").withKeyId("k2"))
                .build();
    }

    static String resource(String name) throws Exception {
        try (InputStream in = ExamplePolicy.class.getClassLoader().getResourceAsStream("policy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
