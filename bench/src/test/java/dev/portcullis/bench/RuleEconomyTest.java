package dev.portcullis.bench;

import dev.portcullis.component.testing.RecordingMocks;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleEconomyTest {

    @Test
    void noPlanEmitsMoreRulesThanTheMinimumAndEveryPlanIsTwoLevelsDeep() {
        for (RuleEconomy.Row row : RuleEconomy.all()) {
            assertThat(row.rules()).as("%s %s %s", row.distribution(), row.cloud(), row.stack()).isEqualTo(row.minimum());
            assertThat(row.depth()).as("groups, then rules").isEqualTo(2);
        }
    }

    @Test
    void theHandWrittenBaselineRegistersExactlyWhatTheComponentDoes() {
        Benchmarks.checkIdentical();
        assertThat(Benchmarks.index(new RecordingMocks())).isEmpty();
    }
}
