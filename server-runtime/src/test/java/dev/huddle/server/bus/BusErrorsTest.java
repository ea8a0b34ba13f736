package dev.huddle.server.bus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.junit.jupiter.api.Test;

class BusErrorsTest {

    @Test
    void recipientFailureCarriesCodeAndMessageBack() {
        ReplyException failure = new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 409,
            "USERNAME_TAKEN username 'alice' is taken");
        HuddleException refusal = BusErrors.toRefusal(failure);
        assertThat(refusal.code()).isEqualTo(ErrorCode.USERNAME_TAKEN);
        assertThat(refusal.getMessage()).isEqualTo("username 'alice' is taken");
    }

    @Test
    void timeoutsAndMissingConsumersMeanTheServiceIsUnavailable() {
        assertThat(BusErrors.toRefusal(new ReplyException(ReplyFailure.TIMEOUT, "timed out")).code())
            .isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(BusErrors.toRefusal(new ReplyException(ReplyFailure.NO_HANDLERS, "none")).code())
            .isEqualTo(ErrorCode.UNAVAILABLE);
    }

    @Test
    void unknownOrMissingCodeIsInternalNotACrash() {
        assertThat(BusErrors.toRefusal(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 500, "garbage")).code())
            .isEqualTo(ErrorCode.INTERNAL);
        assertThat(BusErrors.toRefusal(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 500, null)).code())
            .isEqualTo(ErrorCode.INTERNAL);
        assertThat(BusErrors.toRefusal(new IllegalStateException("boom")).code()).isEqualTo(ErrorCode.INTERNAL);
    }
}
