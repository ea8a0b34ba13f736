package dev.huddle.relay.control;

import dev.huddle.relay.RelayConfig;
import dev.huddle.relay.path.RelayCounters;
import dev.huddle.relay.path.UdpDataPath;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.bus.BusEndpoints;
import dev.huddle.server.bus.BusErrors;
import dev.huddle.server.bus.JsonFields;
import dev.huddle.server.bus.media.CallEventJson;
import dev.huddle.server.bus.media.RelayAnnouncement;
import dev.huddle.contracts.room.RoomEvent;
import dev.huddle.contracts.room.RoomEventJson;
import dev.huddle.server.runtime.ServiceRuntime;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's control side on Vert.x: opens the {@link UdpDataPath}, announces the relay to the
 * cluster every heartbeat (and that it leaves, on stop), publishes the data path's call events,
 * answers who is in a call, and ends sessions at once when room-service removes a member or deletes
 * a project, or when the token behind a ticket is revoked. Media never touches the event bus.
 */
public final class RelayVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(RelayVerticle.class);

    private final ServiceRuntime runtime;
    private final RelayConfig config;
    private final RelayCounters counters = new RelayCounters();
    private TicketKeys keys;
    private BusEndpoints endpoints;
    private volatile UdpDataPath path;
    private long heartbeatTimer;
    private long lastPacketsIn;

    public RelayVerticle(ServiceRuntime runtime, RelayConfig config) {
        this.runtime = runtime;
        this.config = config;
    }

    public RelayCounters counters() {
        return counters;
    }

    /** The running data path ({@code null} before start). */
    public UdpDataPath dataPath() {
        return path;
    }

    @Override
    public Future<?> start() {
        keys = new TicketKeys(vertx.eventBus(), config.busTimeout());
        Context events = context;
        Future<UdpDataPath> opened = Future.fromCompletionStage(UdpDataPath.open(runtime.config().httpHost(),
            config.udpPort(), config.path(), keys.ring(), new BouncyCastleProvider(), keys::want, counters,
            event -> events.runOnContext(v -> vertx.eventBus().publish(BusAddresses.MEDIA_CALL_EVENTS,
                CallEventJson.toJson(event))),
            runtime.clock()), context);
        return opened.compose(dataPath -> {
            path = dataPath;
            endpoints = new BusEndpoints(vertx.eventBus(), runtime.actionLog());
            endpoints.subscribe(BusAddresses.ROOM_EVENTS, this::onRoomEvent);
            endpoints.subscribe(BusAddresses.relayMembersAddressOf(config.relayId()), this::members);
            runtime.tokens().onRevocation(tokenId -> path.dropToken(tokenId));
            heartbeatTimer = vertx.setPeriodic(config.heartbeat().toMillis(), id -> heartbeat());
            LOG.info("media-relay {} on udp {}:{} ({}), advertised as {}:{}", config.relayId(),
                runtime.config().httpHost(), dataPath.localPort(),
                dataPath.nativeTransport() ? "epoll, recvmmsg/sendmmsg" : "NIO, no batching",
                config.advertisedHost(), config.portForClients(dataPath.localPort()));
            return endpoints.ready();
        }).compose(v -> {
            heartbeat();
            return Future.succeededFuture();
        });
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(heartbeatTimer);
        if (path == null) {
            return Future.succeededFuture();
        }
        vertx.eventBus().publish(BusAddresses.MEDIA_RELAYS, announcement(true, List.of(), 0).toJson());
        return Future.fromCompletionStage(path.close(), context);
    }

    private void heartbeat() {
        keys.refreshIfWanted();
        long packetsIn = counters.packetsIn();
        long perSecond = (packetsIn - lastPacketsIn) * 1000 / Math.max(1, config.heartbeat().toMillis());
        lastPacketsIn = packetsIn;
        Future.fromCompletionStage(path.rooms(), context).onSuccess(rooms -> vertx.eventBus().publish(
            BusAddresses.MEDIA_RELAYS, announcement(false, rooms, perSecond).toJson()));
    }

    private RelayAnnouncement announcement(boolean leaving, List<Long> rooms, long packetsPerSecond) {
        return new RelayAnnouncement(config.relayId(), config.advertisedHost(), config.portForClients(path.localPort()),
            path.sessionCount(), rooms, packetsPerSecond, leaving, runtime.clock().instant());
    }

    /** A removed member leaves the call at once; a deleted project's call ends. */
    private void onRoomEvent(Message<JsonObject> message) {
        switch (RoomEventJson.fromJson(message.body())) {
            case RoomEvent.MemberRemoved removed -> path.dropMember(removed.projectId(), removed.user().id());
            case RoomEvent.ProjectDeleted deleted -> path.dropRoom(deleted.projectId());
            default -> {
                // nobody else loses the right to be in a call
            }
        }
    }

    private void members(Message<JsonObject> message) {
        long projectId;
        try {
            projectId = JsonFields.requiredId(message.body(), "projectId");
        } catch (RuntimeException e) {
            BusErrors.fail(message, e);
            return;
        }
        Future.fromCompletionStage(path.members(projectId), context).onComplete(
            members -> message.reply(new JsonObject().put("projectId", projectId).put("relayId", config.relayId())
                .put("members", new JsonArray(members.stream().map(CallEventJson::member).toList()))),
            error -> BusErrors.fail(message, error));
    }
}
