package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logshield.redact.engine.Action;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectorSettingParsesCompactFormTest {

    @Test
    void actionNamesSetTheAction() throws Exception {
        assertThat(DetectorSetting.parse("email: partial"))
                .isEqualTo(new DetectorSetting("email", true, Action.PARTIAL, Map.of()));
        assertThat(DetectorSetting.parse("  jwt:HASH ")).isEqualTo(new DetectorSetting("jwt", true, Action.HASH, Map.of()));
    }

    @Test
    void offSwitchesOffAndOnKeepsTheDefaultAction() throws Exception {
        assertThat(DetectorSetting.parse("ipv4: off")).isEqualTo(DetectorSetting.off("ipv4"));
        DetectorSetting on = DetectorSetting.parse("ssn: on");
        assertThat(on.enabled()).isTrue();
        assertThat(on.action()).isNull();
        assertThat(on.actionOr(Action.MASK)).isEqualTo(Action.MASK);
    }

    @Test
    void optionsFollowTheActionOrStandAlone() throws Exception {
        DetectorSetting s = DetectorSetting.parse("ipv4: mask keepNetwork=true");
        assertThat(s.action()).isEqualTo(Action.MASK);
        assertThat(s.options()).containsExactly(Map.entry("keepNetwork", "true"));
        DetectorSetting o = DetectorSetting.parse("ipv6: keepNetwork=true");
        assertThat(o.action()).isNull();
        assertThat(o.options()).containsEntry("keepNetwork", "true");
    }

    @Test
    void compactStringRoundTrips() throws Exception {
        for (String text : new String[] {"email: partial", "ipv4: off", "ipv4: mask keepNetwork=true", "ssn: on"}) {
            assertThat(DetectorSetting.parse(text).toCompactString()).isEqualTo(text);
        }
    }

    @Test
    void badSyntaxIsRejectedWithTheExpectedForm() {
        assertThatThrownBy(() -> DetectorSetting.parse("email partial"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("no ':'").hasMessageContaining("email: partial");
        assertThatThrownBy(() -> DetectorSetting.parse("email:"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("names no action");
        assertThatThrownBy(() -> DetectorSetting.parse("e mail: mask"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("not a detector name");
        assertThatThrownBy(() -> DetectorSetting.parse("ipv4: mask keepNetwork"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("key=value");
        assertThatThrownBy(() -> DetectorSetting.parse("ipv4: mask a=1 a=2"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> DetectorSetting.parse("ipv4: off keepNetwork=true"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("switched off");
        assertThatThrownBy(() -> DetectorSetting.parse(null)).isInstanceOf(PolicyException.class);
    }

    @Test
    void unknownActionIsRejectedListingTheValidOnes() {
        assertThatThrownBy(() -> DetectorSetting.parse("email: masked"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("detector 'email': unknown action 'masked'; use one of mask, partial, hash, drop, on, off");
    }
}
