package dev.huddle.contracts.chat;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.chat.Command.AddGroup;
import dev.huddle.contracts.chat.Command.Auth;
import dev.huddle.contracts.chat.Command.CallInvite;
import dev.huddle.contracts.chat.Command.CallJoin;
import dev.huddle.contracts.chat.Command.CallMembers;
import dev.huddle.contracts.chat.Command.Chat;
import dev.huddle.contracts.chat.Command.DeleteFile;
import dev.huddle.contracts.chat.Command.Download;
import dev.huddle.contracts.chat.Command.Files;
import dev.huddle.contracts.chat.Command.Upload;
import dev.huddle.contracts.chat.Command.Dm;
import dev.huddle.contracts.chat.Command.DmHistory;
import dev.huddle.contracts.chat.Command.DmThreads;
import dev.huddle.contracts.chat.Command.Help;
import dev.huddle.contracts.chat.Command.History;
import dev.huddle.contracts.chat.Command.Join;
import dev.huddle.contracts.chat.Command.Kick;
import dev.huddle.contracts.chat.Command.Leave;
import dev.huddle.contracts.chat.Command.Login;
import dev.huddle.contracts.chat.Command.Passwd;
import dev.huddle.contracts.chat.Command.TotpConfirm;
import dev.huddle.contracts.chat.Command.TotpDisable;
import dev.huddle.contracts.chat.Command.TotpEnrol;
import dev.huddle.contracts.chat.Command.Logout;
import dev.huddle.contracts.chat.Command.Members;
import dev.huddle.contracts.chat.Command.NewProject;
import dev.huddle.contracts.chat.Command.Projects;
import dev.huddle.contracts.chat.Command.Quit;
import dev.huddle.contracts.chat.Command.Reg;
import dev.huddle.contracts.chat.Command.Whoami;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * The WebSocket JSON form of the chat protocol ({@code /ws} on chat-service's HTTP port): the same
 * {@link Command}s, one JSON object per text frame.
 *
 * <pre>
 * request  {"id": any JSON value (echoed), "command": "chat", "token": "...", "projectId": 1, "text": "hi"}
 * reply    {"id": ..., "ok": true,  "command": "chat", "result": {...}}
 *          {"id": ..., "ok": false, "command": "chat", "error": {"code": "NOT_MEMBER", "message": "..."}}
 * event    {"event": "chat", "data": {...}}
 * </pre>
 *
 * Fields: {@code token, username, password, email, name, projectId, members, text, limit, beforeId,
 * target, size, sha256, filename, fileId}
 * as each command needs them (see {@link #encode(Command)}); unknown fields are ignored. The command
 * word is case-insensitive. {@code members} is a string ({@code "a, b; c"}) or an array of strings,
 * joined into {@code "a, b"}. Ids and limits are JSON integers (a string or {@code 7.0} is refused).
 *
 * <p>Token rule: a frame's own {@code token} wins; without one the connection's session token (set by
 * {@code auth} or {@code ?token=}) is used; with neither, a command that needs one is refused with
 * {@link ErrorCode#INVALID_TOKEN} "token required", so clients treat it like an expired session and
 * log in again. Wrong JSON types are {@code BAD_REQUEST} naming the field; value rules are those of
 * the records, shared with the line form.
 */
public final class JsonCommandCodec {

    private JsonCommandCodec() {
    }

    /**
     * Reads a text frame into a JSON object.
     *
     * @throws LineProtocolException BAD_REQUEST when the text is not one JSON object
     */
    public static JsonObject parseFrame(String text) {
        try {
            return new JsonObject(text);
        } catch (RuntimeException e) {
            throw new LineProtocolException(LineProtocolException.NO_COMMAND, ErrorCode.BAD_REQUEST,
                "frame must be a JSON object");
        }
    }

    /** The frame's {@code id}, to echo in the reply; null when absent or when there is no frame. */
    public static Object requestId(JsonObject frame) {
        return frame == null ? null : frame.getValue("id");
    }

    /**
     * Reads a request frame.
     *
     * @param sessionToken the token the connection authenticated with, or null
     * @throws LineProtocolException for a missing or unknown command, a wrong field type, a missing
     *                               token (INVALID_TOKEN) or a broken value rule
     */
    public static Command decode(JsonObject frame, String sessionToken) {
        if (frame == null) {
            throw new LineProtocolException(LineProtocolException.NO_COMMAND, ErrorCode.BAD_REQUEST,
                "frame must be a JSON object");
        }
        if (!(frame.getValue("command") instanceof String word)) {
            throw new LineProtocolException(LineProtocolException.NO_COMMAND, ErrorCode.BAD_REQUEST,
                "command required: a string such as \"chat\"");
        }
        Verb verb = Verb.fromWord(word).orElseThrow(() -> LineProtocolException.unknownCommand(word));
        JsonFields f = new JsonFields(verb, frame, sessionToken);
        return switch (verb) {
            case REG -> new Reg(f.string("username"), f.string("password"), f.optionalString("email"));
            case LOGIN -> new Login(f.string("username"), f.string("password"), f.optionalString("totp"));
            case PASSWD -> new Passwd(f.token(), f.string("currentPassword"), f.string("newPassword"));
            case TOTP_ENROL -> new TotpEnrol(f.token());
            case TOTP_CONFIRM -> new TotpConfirm(f.token(), f.string("totp"));
            case TOTP_DISABLE -> new TotpDisable(f.token(), f.string("password"), f.string("totp"));
            case LOGOUT -> new Logout(f.token());
            case WHOAMI -> new Whoami(f.token());
            case AUTH -> new Auth(f.token());
            case NEW_PROJECT -> new NewProject(f.token(), f.string("name"));
            case PROJECTS -> new Projects(f.token());
            case MEMBERS -> new Members(f.token(), f.id("projectId"));
            case ADD_GROUP -> new AddGroup(f.token(), f.id("projectId"), f.members());
            case KICK -> new Kick(f.token(), f.id("projectId"), f.string("username"));
            case JOIN -> new Join(f.token(), f.id("projectId"));
            case LEAVE -> new Leave(f.token(), f.id("projectId"));
            case CHAT -> new Chat(f.token(), f.id("projectId"), f.string("text"));
            case HISTORY -> new History(f.token(), f.id("projectId"), f.limit(), f.optionalId("beforeId"));
            case DM -> new Dm(f.token(), f.string("username"), f.string("text"));
            case DM_HISTORY -> new DmHistory(f.token(), f.string("username"), f.limit(), f.optionalId("beforeId"));
            case DM_THREADS -> new DmThreads(f.token());
            case UPLOAD -> new Upload(f.token(), Checks.target(verb, f.string("target")), Checks.size(verb, f.id("size")),
                f.string("sha256"), f.string("filename"));
            case DOWNLOAD -> new Download(f.token(), f.id("fileId"));
            case FILES -> new Files(f.token(), Checks.target(verb, f.string("target")), f.limit(), f.optionalId("beforeId"));
            case DELETE_FILE -> new DeleteFile(f.token(), f.id("fileId"));
            case CALL_JOIN -> new CallJoin(f.token(), f.id("projectId"));
            case CALL_MEMBERS -> new CallMembers(f.token(), f.id("projectId"));
            case CALL_INVITE -> new CallInvite(f.token(), f.id("projectId"));
            case HELP -> new Help();
            case QUIT -> new Quit();
        };
    }

    /**
     * The request frame for a command, without an {@code id} (add one to match the reply); optional
     * fields that are null are left out. {@code decode(encode(c), null).equals(c)} for every command.
     */
    public static JsonObject encode(Command command) {
        JsonObject f = new JsonObject().put("command", command.word());
        return switch (command) {
            case Reg c -> put(f.put("username", c.username()).put("password", c.password()), "email", c.email());
            case Login c -> put(f.put("username", c.username()).put("password", c.password()), "totp", c.code());
            case Passwd c -> f.put("token", c.token()).put("currentPassword", c.currentPassword())
                .put("newPassword", c.newPassword());
            case TotpEnrol c -> f.put("token", c.token());
            case TotpConfirm c -> f.put("token", c.token()).put("totp", c.code());
            case TotpDisable c -> f.put("token", c.token()).put("password", c.password()).put("totp", c.code());
            case Logout c -> f.put("token", c.token());
            case Whoami c -> f.put("token", c.token());
            case Auth c -> f.put("token", c.token());
            case NewProject c -> f.put("token", c.token()).put("name", c.name());
            case Projects c -> f.put("token", c.token());
            case Members c -> f.put("token", c.token()).put("projectId", c.projectId());
            case AddGroup c -> f.put("token", c.token()).put("projectId", c.projectId()).put("members", c.members());
            case Kick c -> f.put("token", c.token()).put("projectId", c.projectId()).put("username", c.username());
            case Join c -> f.put("token", c.token()).put("projectId", c.projectId());
            case Leave c -> f.put("token", c.token()).put("projectId", c.projectId());
            case Chat c -> f.put("token", c.token()).put("projectId", c.projectId()).put("text", c.text());
            case History c -> put(put(f.put("token", c.token()).put("projectId", c.projectId()), "limit", c.limit()),
                "beforeId", c.beforeId());
            case Dm c -> f.put("token", c.token()).put("username", c.username()).put("text", c.text());
            case DmHistory c -> put(put(f.put("token", c.token()).put("username", c.username()), "limit", c.limit()),
                "beforeId", c.beforeId());
            case DmThreads c -> f.put("token", c.token());
            case Upload c -> f.put("token", c.token()).put("target", c.target().toString()).put("size", c.size())
                .put("sha256", c.sha256()).put("filename", c.filename());
            case Download c -> f.put("token", c.token()).put("fileId", c.fileId());
            case Files c -> put(put(f.put("token", c.token()).put("target", c.target().toString()), "limit", c.limit()),
                "beforeId", c.beforeId());
            case DeleteFile c -> f.put("token", c.token()).put("fileId", c.fileId());
            case CallJoin c -> f.put("token", c.token()).put("projectId", c.projectId());
            case CallMembers c -> f.put("token", c.token()).put("projectId", c.projectId());
            case CallInvite c -> f.put("token", c.token()).put("projectId", c.projectId());
            case Help c -> f;
            case Quit c -> f;
        };
    }

    /** {@code {"id":..,"ok":true,"command":..,"result":..}}; {@code id} is left out when null. */
    public static JsonObject okFrame(Object id, String command, Object result) {
        return reply(id, true, command).put("result", result);
    }

    /**
     * {@code {"id":..,"ok":false,"command":..,"error":{"code":..,"message":..}}}; {@code id} is left
     * out when null, a null command is {@code "-"} and an empty message becomes the code in words.
     */
    public static JsonObject errFrame(Object id, String command, ErrorCode code, String message) {
        ErrorCode safeCode = code == null ? ErrorCode.INTERNAL : code;
        String text = message == null || message.isBlank()
            ? safeCode.name().toLowerCase(Locale.ROOT).replace('_', ' ') : message;
        return reply(id, false, command == null ? LineProtocolException.NO_COMMAND : command)
            .put("error", new JsonObject().put("code", safeCode.name()).put("message", text));
    }

    /** The error frame for a refused request, echoing its command word. */
    public static JsonObject errFrame(Object id, LineProtocolException refusal) {
        return errFrame(id, refusal.command(), refusal.code(), refusal.getMessage());
    }

    /** {@code {"event":type,"data":data}}: the same events as the line form's {@code EVENT} lines. */
    public static JsonObject eventFrame(String type, JsonObject data) {
        return new JsonObject().put("event", type).put("data", data);
    }

    private static JsonObject reply(Object id, boolean ok, String command) {
        JsonObject frame = new JsonObject();
        if (id != null) {
            frame.put("id", id);
        }
        return frame.put("ok", ok).put("command", command);
    }

    private static JsonObject put(JsonObject frame, String field, Object value) {
        return value == null ? frame : frame.put(field, value);
    }
}
