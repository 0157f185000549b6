package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A finding's report line names file, segment, record and byte offset whenever they apply, the first of each
 * included (segment 0, record 0, byte 0), and leaves out only what does not apply (-1).
 */
class FindingSaysWhereItIsTest {

    @Test
    void theFirstSegmentRecordAndByteAreNamed() {
        Finding finding = new Finding(Finding.Severity.TAMPERED, "app.lse", 0, 0, 0, "first record is DATA, not META");

        assertThat(finding.describe())
                .isEqualTo("TAMPERED app.lse: segment 0, record 0 at byte 0: first record is DATA, not META");
    }

    @Test
    void whatDoesNotApplyIsLeftOut() {
        Finding finding = new Finding(Finding.Severity.UNCLOSED, null, -1, -1, -1, "empty file");

        assertThat(finding.describe()).isEqualTo("UNCLOSED -: empty file");
    }
}
