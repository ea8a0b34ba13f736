package dev.huddle.client.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.huddle.server.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VideoAdaptationTest {

    private static final int LOSSY = 51; // 20 % of 256
    private static final int CLEAN = 0;

    private final MutableClock clock = MutableClock.atFixedInstant();
    private final VideoAdaptation adaptation = new VideoAdaptation(0.7f, clock);

    @Test
    void startsAtTheConfiguredQualityAndFullSize() {
        assertThat(adaptation.level()).isEqualTo(new VideoAdaptation.Level(0.7f, 1.0));
    }

    @Test
    void lossLowersQualityFirstThenSizeOneStepASecond() {
        adaptation.onReport(LOSSY);
        assertThat(adaptation.level().quality()).isCloseTo(0.6f, within(1e-4f));
        adaptation.onReport(LOSSY); // a second receiver's report in the same second: no second step
        assertThat(adaptation.level().quality()).isCloseTo(0.6f, within(1e-4f));
        for (int second = 0; second < 3; second++) {
            clock.advance(Duration.ofSeconds(1));
            adaptation.onReport(LOSSY);
        }
        assertThat(adaptation.level()).as("quality at its floor, size untouched so far")
            .satisfies(l -> assertThat(l.quality()).isCloseTo(0.3f, within(1e-4f)))
            .satisfies(l -> assertThat(l.scale()).isEqualTo(1.0));
        clock.advance(Duration.ofSeconds(1));
        adaptation.onReport(LOSSY);
        assertThat(adaptation.level().scale()).isEqualTo(0.75);
        clock.advance(Duration.ofSeconds(1));
        adaptation.onReport(LOSSY);
        clock.advance(Duration.ofSeconds(1));
        adaptation.onReport(LOSSY);
        assertThat(adaptation.level().scale()).as("never below the smallest size").isEqualTo(0.5);
        assertThat(adaptation.level().quality()).isCloseTo(0.3f, within(1e-4f));
    }

    @Test
    void lossUnderFivePercentChangesNothing() {
        for (int second = 0; second < 10; second++) {
            adaptation.onReport(12); // 4.7 %
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(adaptation.level()).isEqualTo(new VideoAdaptation.Level(0.7f, 1.0));
    }

    @Test
    void aCalmPathRaisesSizeFirstThenQualityBackToTheConfiguredOne() {
        for (int second = 0; second < 6; second++) {
            adaptation.onReport(LOSSY);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(adaptation.level()).satisfies(l -> assertThat(l.scale()).isEqualTo(0.5));
        clock.advance(Duration.ofSeconds(3)); // 4 s since the last lossy report: not calm yet
        adaptation.onReport(CLEAN);
        assertThat(adaptation.level().scale()).isEqualTo(0.5);
        clock.advance(Duration.ofSeconds(1));
        assertThat(adaptation.level().scale()).as("calm for 5 s: one step up").isEqualTo(0.75);
        clock.advance(Duration.ofSeconds(1));
        assertThat(adaptation.level().scale()).as("at most a step every 2 s").isEqualTo(0.75);
        clock.advance(Duration.ofSeconds(1));
        assertThat(adaptation.level()).satisfies(l -> assertThat(l.scale()).isEqualTo(1.0))
            .satisfies(l -> assertThat(l.quality()).isCloseTo(0.3f, within(1e-4f)));
        for (int step = 0; step < 10; step++) {
            clock.advance(Duration.ofSeconds(2));
            adaptation.onReport(CLEAN);
        }
        assertThat(adaptation.level().quality()).as("back to, never above, the configured quality")
            .isCloseTo(0.7f, within(1e-4f));
    }

    @Test
    void lossAgainWhileRecoveringStepsDownAgainAndRestartsTheCalmWait() {
        for (int second = 0; second < 6; second++) {
            adaptation.onReport(LOSSY);
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofSeconds(5));
        assertThat(adaptation.level().scale()).isEqualTo(0.75);
        adaptation.onReport(LOSSY);
        assertThat(adaptation.level().scale()).isEqualTo(0.5);
        clock.advance(Duration.ofSeconds(4));
        assertThat(adaptation.level().scale()).isEqualTo(0.5);
    }
}
