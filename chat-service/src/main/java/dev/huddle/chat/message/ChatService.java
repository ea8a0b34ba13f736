package dev.huddle.chat.message;

import dev.huddle.contracts.chat.DmThreadList;
import dev.huddle.server.token.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Room chat and direct messages: validates, stores, reads history. Plain Java and blocking
 * (SQLite): the verticles run it on worker threads. Thread-safe, with no lock of its own: ids are
 * assigned by the database in commit order, which is the order history shows.
 *
 * <p>What this class does NOT check, because the answer lives in other services: whether the sender
 * is a member of the project (the Vert.x layer asks room-service before calling
 * {@link #postToRoom} or {@link #roomHistory}) and whether a DM recipient exists (the Vert.x layer
 * resolves the username with auth-service before calling {@link #sendDirect} or
 * {@link #directHistory}). Callers that skip those checks leak or accept messages.
 *
 * <p>Every method that returns normally has committed what it returns: a message handed back from
 * {@code postToRoom} or {@code sendDirect} may be acknowledged and published, and history returns it
 * equal (same id, text and timestamp). Every refusal is a
 * {@link dev.huddle.contracts.HuddleException} and changes nothing.
 */
public final class ChatService {

    private final MessageRepository repository;
    private final Clock clock;

    /** @param clock the source of message timestamps (truncated to milliseconds) */
    public ChatService(MessageRepository repository, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a message in a project's room. The caller has already checked that {@code sender} is a
     * member of {@code projectId} (room-service decides membership).
     *
     * @param text as typed; see {@link MessageRules#validateText} for what is accepted and stored
     * @return the stored message, to acknowledge and publish to the room
     * @throws dev.huddle.contracts.HuddleException BAD_REQUEST or PAYLOAD_TOO_LARGE for bad text or a
     *                                              non-positive project id
     */
    public ChatMessage postToRoom(Principal sender, long projectId, String text) {
        MessageRules.requireId(projectId, "project id");
        String valid = MessageRules.validateText(text);
        return repository.insertRoomMessage(projectId, sender.userId(), sender.username(), valid, now());
    }

    /**
     * One page of a project's history, oldest → newest. The caller has already checked that the
     * reader is a member of {@code projectId} (or an admin).
     *
     * @param limit    {@code null} for {@value MessageRules#DEFAULT_LIMIT}, else 1 to {@value MessageRules#MAX_LIMIT}
     * @param beforeId {@code null} for the newest page, else only messages with a smaller id (to walk
     *                 back, pass the id of the first item of the previous page)
     * @throws dev.huddle.contracts.HuddleException BAD_REQUEST for out-of-range arguments
     */
    public Page<ChatMessage> roomHistory(long projectId, Integer limit, Long beforeId) {
        MessageRules.requireId(projectId, "project id");
        return repository.roomPage(projectId, MessageRules.page(limit, beforeId));
    }

    /**
     * Stores a direct message. The caller has already resolved the recipient with auth-service. A
     * note to self ({@code recipientId} is the sender's own id) is allowed, as in Mattermost.
     *
     * @param recipientUsername the recipient's username as auth-service resolved it
     * @param text              as typed; see {@link MessageRules#validateText}
     * @return the stored message, to acknowledge and push to both users' live connections
     * @throws dev.huddle.contracts.HuddleException BAD_REQUEST or PAYLOAD_TOO_LARGE for bad text, a
     *                                              non-positive id or a blank username
     */
    public DirectMessage sendDirect(Principal sender, long recipientId, String recipientUsername, String text) {
        MessageRules.requireId(recipientId, "recipient id");
        String recipient = MessageRules.requireUsername(recipientUsername);
        String valid = MessageRules.validateText(text);
        return repository.insertDirect(sender.userId(), sender.username(), recipientId, recipient, valid, now());
    }

    /**
     * One page of the conversation between {@code me} and {@code otherUserId}, both directions,
     * oldest → newest; the same page whichever of the two asks. Paging as in {@link #roomHistory}.
     *
     * @throws dev.huddle.contracts.HuddleException BAD_REQUEST for out-of-range arguments
     */
    public Page<DirectMessage> directHistory(Principal me, long otherUserId, Integer limit, Long beforeId) {
        MessageRules.requireId(otherUserId, "user id");
        return repository.conversationPage(me.userId(), otherUserId, MessageRules.page(limit, beforeId));
    }

    /**
     * {@code me}'s conversations, newest message first, at most {@link DmThreadList#MAX_THREADS}: each
     * peer (the caller for notes to self) with the newest message, whoever sent it.
     */
    public DmThreadList directThreads(Principal me) {
        return new DmThreadList(repository.newestPerConversation(me.userId(), DmThreadList.MAX_THREADS).stream()
            .map(last -> last.threadSeenBy(me.userId())).toList());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
