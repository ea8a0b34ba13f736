package dev.huddle.desktop.model;

import dev.huddle.client.HuddleClient;
import dev.huddle.client.state.MessageLog;
import dev.huddle.contracts.chat.DirectMessage;
import dev.huddle.contracts.chat.FileTarget;
import dev.huddle.contracts.chat.MessagePage;
import io.vertx.core.Future;
import java.util.Locale;
import java.util.function.Consumer;

/** A direct-message thread with one user: the same log and input as a room, without members. */
public final class DmModel extends ConversationModel<DirectMessage> {

    private final HuddleClient client;
    private final String peer;
    private final Consumer<DirectMessage> added;

    /** @param added told of each message that joins the thread live: received, sent, or caught up */
    DmModel(UiThread ui, HuddleClient client, String peer, Consumer<DirectMessage> added) {
        super(ui, new MessageLog<>(DirectMessage::id), DirectMessage::id);
        this.client = client;
        this.added = added;
        this.peer = peer;
        setTitle(peer);
    }

    public String peer() {
        return peer;
    }

    /** A direct message to or from the peer, pushed live. */
    void received(DirectMessage message) {
        arrived(message);
    }

    @Override
    protected void arrived(DirectMessage message) {
        super.arrived(message);
        added.accept(message);
    }

    /** The server tells only the recipient of a file's message: the sender fetches it. */
    @Override
    protected void uploaded() {
        catchUp();
    }

    @Override
    protected Future<MessagePage<DirectMessage>> page(Long beforeId, int limit) {
        return client.directHistory(peer, beforeId, limit);
    }

    @Override
    protected Future<DirectMessage> post(String text) {
        return client.sendDirect(peer, text);
    }

    @Override
    protected LogEntry entry(DirectMessage m) {
        return LogEntry.message(m.id(), m.from().username(), m.text(), m.createdAt(),
            client.session() != null && client.session().isMe(m.from().username()), m.file());
    }

    @Override
    protected FileTarget fileTarget() {
        return new FileTarget.User(peer);
    }

    @Override
    public String key() {
        return key(peer);
    }

    static String key(String peer) {
        return "dm." + peer.toLowerCase(Locale.ROOT);
    }

    @Override
    protected HuddleClient client() {
        return client;
    }
}
