-- dm_threads lists a user's conversations from the messages they sent as well as received:
-- with this index both halves of "sender_id = ? OR recipient_id = ?" are index look-ups.
CREATE INDEX direct_messages_by_sender ON direct_messages (sender_id, id);
