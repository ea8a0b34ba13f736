package dev.huddle.chat;

import dev.huddle.chat.session.OutboundEvent;
import dev.huddle.chat.session.Session;
import dev.huddle.chat.session.SessionRegistry;
import dev.huddle.server.token.InvalidTokenException;
import dev.huddle.server.token.Principal;
import dev.huddle.server.token.TokenGate;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a connection's binding when the token it came from stops being valid: revoked (logout, a
 * role change, an admin's revocation), signed by a retired key, or expired. The connection then
 * leaves every room and its user's feed, so it receives no more room events or direct messages,
 * and is told with {@code EVENT session_ended {"reason": ...}}; its next command needs a valid token.
 *
 * <p>Revocations and key changes are seen the moment this node's token gate applies them; expiry by
 * a timer per connection, at the token's expiry plus the allowed clock skew (the same instant from
 * which the gate refuses it).
 */
final class SessionGuard {

    private static final Logger LOG = LoggerFactory.getLogger(SessionGuard.class);

    private final Vertx vertx;
    private final TokenGate tokens;
    private final SessionRegistry sessions;
    private final Feeds feeds;
    private final Clock clock;
    private final Duration skew;

    SessionGuard(Vertx vertx, TokenGate tokens, SessionRegistry sessions, Feeds feeds, Clock clock, Duration skew) {
        this.vertx = vertx;
        this.tokens = tokens;
        this.sessions = sessions;
        this.feeds = feeds;
        this.clock = clock;
        this.skew = skew;
        tokens.onChange(this::recheckAll);
    }

    /**
     * Call after each bind: arms the expiry timer when the binding's token changed, then re-checks
     * the token at once, in case it was revoked between its verification and the bind.
     */
    void watch(Session session) {
        Principal principal = session.principal();
        String token = session.token();
        if (principal == null || token == null) {
            return;
        }
        if (session.expiryTimer() < 0 || !token.equals(session.expiryTimerToken())) {
            forget(session);
            long delay = Math.max(1, principal.expiresAt().plus(skew).toEpochMilli() - clock.millis() + 1);
            session.expiryTimer(vertx.setTimer(delay, id -> recheck(session)), token);
        }
        recheck(session);
    }

    /** The connection closed or its binding ended: no timer for it any more. */
    void forget(Session session) {
        long timer = session.expiryTimer();
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            session.expiryTimer(-1, null);
        }
    }

    private void recheckAll() {
        sessions.bound().forEach(this::recheck);
    }

    private void recheck(Session session) {
        String token = session.token();
        if (token == null) {
            return;
        }
        try {
            tokens.check(token);
        } catch (InvalidTokenException e) {
            end(session, token, reason(e));
        }
    }

    private void end(Session session, String token, String reason) {
        Principal principal = session.principal();
        List<Long> left = sessions.unbindIf(session, token);
        if (left == null || principal == null) {
            return; // rebound to a newer token meanwhile, or ended already
        }
        forget(session);
        left.forEach(projectId -> feeds.presence("left", principal, projectId));
        LOG.info("{} of {} ended: token {}", session, principal.username(), reason);
        session.deliver(new OutboundEvent("session_ended", new JsonObject().put("reason", reason)));
    }

    private static String reason(InvalidTokenException e) {
        return switch (e.reason()) {
            case REVOKED -> "revoked";
            case EXPIRED -> "expired";
            case UNKNOWN_KEY -> "key_retired";
            default -> "invalid";
        };
    }
}
