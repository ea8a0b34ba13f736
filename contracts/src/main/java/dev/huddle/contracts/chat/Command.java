package dev.huddle.contracts.chat;

/**
 * One request of the chat protocol: the closed set of commands a client may send to chat-service,
 * whether typed as a line ({@link LineCodec}) or sent as a WebSocket JSON frame
 * ({@link JsonCommandCodec}).
 *
 * <p>Every record checks its values when built, with the same rules for both forms, so a
 * {@code Command} that exists is valid: ids are positive, required text is present, no control
 * characters (tab aside), messages at most {@value LineCodec#MAX_MESSAGE_CODE_POINTS} code points,
 * history limits 1 to {@value LineCodec#MAX_HISTORY_LIMIT}. A broken rule throws
 * {@link LineProtocolException} naming the command. Records are also canonical: spaces and tabs
 * around a project name or member list are dropped, and so are those before a message's text.
 *
 * <p>The command word is {@link #word()}, not {@code name()}: {@link NewProject#name()} is the
 * project's name.
 */
public sealed interface Command {

    /** Which command this is. */
    default Verb verb() {
        return switch (this) {
            case Reg c -> Verb.REG;
            case Login c -> Verb.LOGIN;
            case Logout c -> Verb.LOGOUT;
            case Whoami c -> Verb.WHOAMI;
            case Auth c -> Verb.AUTH;
            case Passwd c -> Verb.PASSWD;
            case TotpEnrol c -> Verb.TOTP_ENROL;
            case TotpConfirm c -> Verb.TOTP_CONFIRM;
            case TotpDisable c -> Verb.TOTP_DISABLE;
            case NewProject c -> Verb.NEW_PROJECT;
            case Projects c -> Verb.PROJECTS;
            case Members c -> Verb.MEMBERS;
            case AddGroup c -> Verb.ADD_GROUP;
            case Kick c -> Verb.KICK;
            case Join c -> Verb.JOIN;
            case Leave c -> Verb.LEAVE;
            case Chat c -> Verb.CHAT;
            case History c -> Verb.HISTORY;
            case Dm c -> Verb.DM;
            case DmHistory c -> Verb.DM_HISTORY;
            case DmThreads c -> Verb.DM_THREADS;
            case Upload c -> Verb.UPLOAD;
            case Download c -> Verb.DOWNLOAD;
            case Files c -> Verb.FILES;
            case DeleteFile c -> Verb.DELETE_FILE;
            case CallJoin c -> Verb.CALL_JOIN;
            case CallMembers c -> Verb.CALL_MEMBERS;
            case CallInvite c -> Verb.CALL_INVITE;
            case Help c -> Verb.HELP;
            case Quit c -> Verb.QUIT;
        };
    }

    /** The command word, e.g. {@code add_group}: what replies to this command echo. */
    default String word() {
        return verb().word();
    }

    /** A command made on behalf of a logged-in user: the server verifies {@link #token()} first. */
    sealed interface Authenticated extends Command {
        /** The bearer token from {@code login}. */
        String token();
    }

    /** A command that acts inside one project (meeting room). */
    sealed interface InProject extends Authenticated {
        long projectId();
    }

    /** {@code reg <username> <password> [<email>]}; {@code email} may be null (a blank one reads as null). */
    record Reg(String username, String password, String email) implements Command {
        public Reg {
            username = Checks.word(Verb.REG, "username", username);
            password = Checks.secret(Verb.REG, "password", password);
            // a web form's empty e-mail field arrives as "": the same as leaving it out
            email = email == null || email.isBlank() ? null : Checks.word(Verb.REG, "email", email);
        }
    }

    /**
     * {@code login <username> <password> [<code>]}; {@code code} (a TOTP or recovery code, needed
     * when the account has two-factor login on) may be null.
     */
    record Login(String username, String password, String code) implements Command {
        public Login {
            username = Checks.word(Verb.LOGIN, "username", username);
            password = Checks.secret(Verb.LOGIN, "password", password);
            code = code == null || code.isBlank() ? null : Checks.word(Verb.LOGIN, "code", code);
        }

        /** A login without a second factor. */
        public Login(String username, String password) {
            this(username, password, null);
        }
    }

    /** {@code logout <token>}: the token is revoked on every node. */
    record Logout(String token) implements Authenticated {
        public Logout {
            token = Checks.word(Verb.LOGOUT, "token", token);
        }
    }

    /** {@code whoami <token>}. */
    record Whoami(String token) implements Authenticated {
        public Whoami {
            token = Checks.word(Verb.WHOAMI, "token", token);
        }
    }

    /** {@code auth <token>}: answered like {@code whoami}; on WebSocket it sets the session token. */
    record Auth(String token) implements Authenticated {
        public Auth {
            token = Checks.word(Verb.AUTH, "token", token);
        }
    }

    /** {@code passwd <token> <current_password> <new_password>}: the user's other tokens are revoked. */
    record Passwd(String token, String currentPassword, String newPassword) implements Authenticated {
        public Passwd {
            token = Checks.word(Verb.PASSWD, "token", token);
            currentPassword = Checks.secret(Verb.PASSWD, "current password", currentPassword);
            newPassword = Checks.secret(Verb.PASSWD, "new password", newPassword);
        }
    }

    /** {@code totp_enrol <token>}: a new TOTP secret, pending until confirmed. */
    record TotpEnrol(String token) implements Authenticated {
        public TotpEnrol {
            token = Checks.word(Verb.TOTP_ENROL, "token", token);
        }
    }

    /** {@code totp_confirm <token> <code>}: the first code turns two-factor login on. */
    record TotpConfirm(String token, String code) implements Authenticated {
        public TotpConfirm {
            token = Checks.word(Verb.TOTP_CONFIRM, "token", token);
            code = Checks.word(Verb.TOTP_CONFIRM, "code", code);
        }
    }

    /** {@code totp_disable <token> <password> <code>}: turns two-factor login off. */
    record TotpDisable(String token, String password, String code) implements Authenticated {
        public TotpDisable {
            token = Checks.word(Verb.TOTP_DISABLE, "token", token);
            password = Checks.secret(Verb.TOTP_DISABLE, "password", password);
            code = Checks.word(Verb.TOTP_DISABLE, "code", code);
        }
    }

    /** {@code new_project <token> <project_name ...>}: the name is the rest of the line, trimmed. */
    record NewProject(String token, String name) implements Authenticated {
        public NewProject {
            token = Checks.word(Verb.NEW_PROJECT, "token", token);
            name = Checks.phrase(Verb.NEW_PROJECT, "project name", name);
        }
    }

    /** {@code projects <token>}. */
    record Projects(String token) implements Authenticated {
        public Projects {
            token = Checks.word(Verb.PROJECTS, "token", token);
        }
    }

    /** {@code members <token> <project_id>}. */
    record Members(String token, long projectId) implements InProject {
        public Members {
            token = Checks.word(Verb.MEMBERS, "token", token);
            projectId = Checks.id(Verb.MEMBERS, "project id", projectId);
        }
    }

    /**
     * {@code add_group <token> <project_id> <user1>, <user2>; <user3>} (or {@code [a, b]}).
     * {@code members} is the list as typed, trimmed; room-service splits it on {@code ,} and
     * {@code ;} and reports unknown names.
     */
    record AddGroup(String token, long projectId, String members) implements InProject {
        public AddGroup {
            token = Checks.word(Verb.ADD_GROUP, "token", token);
            projectId = Checks.id(Verb.ADD_GROUP, "project id", projectId);
            members = Checks.phrase(Verb.ADD_GROUP, "members", members);
        }
    }

    /** {@code kick <token> <project_id> <username>}. */
    record Kick(String token, long projectId, String username) implements InProject {
        public Kick {
            token = Checks.word(Verb.KICK, "token", token);
            projectId = Checks.id(Verb.KICK, "project id", projectId);
            username = Checks.word(Verb.KICK, "username", username);
        }
    }

    /** {@code join <token> <project_id>}: start receiving the room's events. */
    record Join(String token, long projectId) implements InProject {
        public Join {
            token = Checks.word(Verb.JOIN, "token", token);
            projectId = Checks.id(Verb.JOIN, "project id", projectId);
        }
    }

    /** {@code leave <token> <project_id>}: leave the project (membership ends). */
    record Leave(String token, long projectId) implements InProject {
        public Leave {
            token = Checks.word(Verb.LEAVE, "token", token);
            projectId = Checks.id(Verb.LEAVE, "project id", projectId);
        }
    }

    /** {@code chat <token> <project_id> <message ...>}. */
    record Chat(String token, long projectId, String text) implements InProject {
        public Chat {
            token = Checks.word(Verb.CHAT, "token", token);
            projectId = Checks.id(Verb.CHAT, "project id", projectId);
            text = Checks.message(Verb.CHAT, text);
        }
    }

    /** {@code history <token> <project_id> [limit] [before_id]}; null means the server's default / newest. */
    record History(String token, long projectId, Integer limit, Long beforeId) implements InProject {
        public History {
            token = Checks.word(Verb.HISTORY, "token", token);
            projectId = Checks.id(Verb.HISTORY, "project id", projectId);
            limit = Checks.limit(Verb.HISTORY, limit);
            beforeId = Checks.optionalId(Verb.HISTORY, "before id", beforeId);
        }
    }

    /** {@code dm <token> <username> <message ...>}. */
    record Dm(String token, String username, String text) implements Authenticated {
        public Dm {
            token = Checks.word(Verb.DM, "token", token);
            username = Checks.word(Verb.DM, "username", username);
            text = Checks.message(Verb.DM, text);
        }
    }

    /** {@code dm_threads <token>}: the caller's direct-message conversations, newest first. */
    record DmThreads(String token) implements Authenticated {
        public DmThreads {
            token = Checks.word(Verb.DM_THREADS, "token", token);
        }
    }

    /** {@code dm_history <token> <username> [limit] [before_id]}. */
    record DmHistory(String token, String username, Integer limit, Long beforeId) implements Authenticated {
        public DmHistory {
            token = Checks.word(Verb.DM_HISTORY, "token", token);
            username = Checks.word(Verb.DM_HISTORY, "username", username);
            limit = Checks.limit(Verb.DM_HISTORY, limit);
            beforeId = Checks.optionalId(Verb.DM_HISTORY, "before id", beforeId);
        }
    }

    /**
     * {@code upload <token> <project_id|@username> <size> <sha256> <filename ...>}: declares a file
     * before any byte of it moves. On the line form the server answers {@code READY upload {..}} and
     * then reads exactly {@code size} raw bytes; the filename is the rest of the line.
     */
    record Upload(String token, FileTarget target, long size, String sha256, String filename) implements Authenticated {
        public Upload {
            token = Checks.word(Verb.UPLOAD, "token", token);
            target = Checks.target(Verb.UPLOAD, target);
            size = Checks.size(Verb.UPLOAD, size);
            sha256 = Checks.sha256(Verb.UPLOAD, sha256);
            filename = Checks.filename(Verb.UPLOAD, filename);
        }
    }

    /** {@code download <token> <file_id>}: on the line form the OK line is followed by the file's raw bytes. */
    record Download(String token, long fileId) implements Authenticated {
        public Download {
            token = Checks.word(Verb.DOWNLOAD, "token", token);
            fileId = Checks.id(Verb.DOWNLOAD, "file id", fileId);
        }
    }

    /** {@code files <token> <project_id|@username> [limit] [before_id]}: newest first. */
    record Files(String token, FileTarget target, Integer limit, Long beforeId) implements Authenticated {
        public Files {
            token = Checks.word(Verb.FILES, "token", token);
            target = Checks.target(Verb.FILES, target);
            limit = Checks.limit(Verb.FILES, limit);
            beforeId = Checks.optionalId(Verb.FILES, "before id", beforeId);
        }
    }

    /** {@code delete_file <token> <file_id>}. */
    record DeleteFile(String token, long fileId) implements Authenticated {
        public DeleteFile {
            token = Checks.word(Verb.DELETE_FILE, "token", token);
            fileId = Checks.id(Verb.DELETE_FILE, "file id", fileId);
        }
    }

    /** {@code call_join <token> <project_id>}: a relay and a media ticket (docs/MEDIA_PROTOCOL.md). */
    record CallJoin(String token, long projectId) implements InProject {
        public CallJoin {
            token = Checks.word(Verb.CALL_JOIN, "token", token);
            projectId = Checks.id(Verb.CALL_JOIN, "project id", projectId);
        }
    }

    /** {@code call_members <token> <project_id>}: who is in the room's call. */
    record CallMembers(String token, long projectId) implements InProject {
        public CallMembers {
            token = Checks.word(Verb.CALL_MEMBERS, "token", token);
            projectId = Checks.id(Verb.CALL_MEMBERS, "project id", projectId);
        }
    }

    /** {@code call_invite <token> <project_id>}: everyone in the room is asked to join its call. */
    record CallInvite(String token, long projectId) implements InProject {
        public CallInvite {
            token = Checks.word(Verb.CALL_INVITE, "token", token);
            projectId = Checks.id(Verb.CALL_INVITE, "project id", projectId);
        }
    }

    /** {@code help}. */
    record Help() implements Command {
    }

    /** {@code quit}: the server answers, then closes the connection. */
    record Quit() implements Command {
    }
}
