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
import dev.huddle.contracts.chat.Command.Logout;
import dev.huddle.contracts.chat.Command.Members;
import dev.huddle.contracts.chat.Command.NewProject;
import dev.huddle.contracts.chat.Command.Projects;
import dev.huddle.contracts.chat.Command.Quit;
import dev.huddle.contracts.chat.Command.Passwd;
import dev.huddle.contracts.chat.Command.Reg;
import dev.huddle.contracts.chat.Command.TotpConfirm;
import dev.huddle.contracts.chat.Command.TotpDisable;
import dev.huddle.contracts.chat.Command.TotpEnrol;
import dev.huddle.contracts.chat.Command.Whoami;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The line form of the chat protocol (seed 004): one UTF-8 command per line on chat-service's TCP
 * port (default 7000), one reply line each, pushed event lines in between. Stateless.
 *
 * <pre>
 * line   = [blanks] word *(blanks arg) [blanks free] [blanks] [EOL]
 * blanks = 1*(SP / HTAB)          EOL  = LF / CR LF / CR        word: case-insensitive ASCII
 * arg    = 1*(any but SP, HTAB)   free = the rest of the line (see below)
 * no control characters but HTAB anywhere; at most MAX_LINE_BYTES of UTF-8 before EOL
 *
 * reg         &lt;username&gt; &lt;password&gt; [&lt;email&gt;]
 * login       &lt;username&gt; &lt;password&gt; [&lt;code&gt;]           code: TOTP or recovery code (two-factor login)
 * logout      &lt;token&gt;
 * whoami      &lt;token&gt;
 * auth        &lt;token&gt;                                    (like whoami; WebSocket session token)
 * passwd      &lt;token&gt; &lt;current_password&gt; &lt;new_password&gt;
 * totp_enrol  &lt;token&gt;
 * totp_confirm &lt;token&gt; &lt;code&gt;
 * totp_disable &lt;token&gt; &lt;password&gt; &lt;code&gt;
 * new_project &lt;token&gt; &lt;project_name ...&gt;                  free, trimmed
 * projects    &lt;token&gt;
 * members     &lt;token&gt; &lt;project_id&gt;
 * add_group   &lt;token&gt; &lt;project_id&gt; &lt;u1&gt;, &lt;u2&gt;; &lt;u3&gt;        free, trimmed ([a, b] too)
 * kick        &lt;token&gt; &lt;project_id&gt; &lt;username&gt;
 * join        &lt;token&gt; &lt;project_id&gt;
 * leave       &lt;token&gt; &lt;project_id&gt;
 * chat        &lt;token&gt; &lt;project_id&gt; &lt;message ...&gt;           free, as typed
 * history     &lt;token&gt; &lt;project_id&gt; [limit|-] [before_id]   limit 1..500, '-' = server default
 * dm          &lt;token&gt; &lt;username&gt; &lt;message ...&gt;             free, as typed
 * dm_history  &lt;token&gt; &lt;username&gt; [limit|-] [before_id]
 * dm_threads  &lt;token&gt;
 * upload      &lt;token&gt; &lt;project_id|@user&gt; &lt;size&gt; &lt;sha256&gt; &lt;filename ...&gt;   free, trimmed
 * download    &lt;token&gt; &lt;file_id&gt;
 * files       &lt;token&gt; &lt;project_id|@user&gt; [limit|-] [before_id]
 * delete_file &lt;token&gt; &lt;file_id&gt;
 * call_join   &lt;token&gt; &lt;project_id&gt;
 * call_members &lt;token&gt; &lt;project_id&gt;
 * call_invite &lt;token&gt; &lt;project_id&gt;
 * help
 * quit
 *
 * server → client, one line each, no line breaks inside (JSON is written compactly, see LineReply):
 * OK    &lt;command&gt; &lt;json object or array&gt;      (download: followed by exactly "size" raw bytes)
 * READY &lt;command&gt; &lt;json object&gt;            (upload: now send exactly "size" raw bytes)
 * ERR   &lt;command&gt; &lt;CODE&gt; &lt;message&gt;        command is "-" when the line named none
 * EVENT &lt;type&gt; &lt;json object&gt;             chat, dm, joined, left, member_added, member_removed,
 *                                          owner_changed, project_renamed, project_deleted, file_deleted,
 *                                          call_joined, call_left, call_state, call_invite,
 *                                          closing
 * </pre>
 *
 * <p>Words are separated by runs of spaces and tabs; blanks around the line are ignored. A free
 * argument is the rest of the line after the blank run that ends the previous word: a project name
 * and a member list are trimmed; a chat or dm message keeps everything after that run as typed,
 * trailing spaces too (only the line ending is removed), so it never starts with a blank. Ids are
 * ASCII digits of a positive {@code long}. Control characters other than tab are refused anywhere
 * in an argument. Any Unicode text is fine.
 *
 * <p>Failures throw {@link LineProtocolException}: {@code UNKNOWN_COMMAND} for an unknown word,
 * {@code BAD_REQUEST} with {@code usage: ...} for missing or extra arguments, {@code BAD_REQUEST} for
 * bad ids, limits or characters, {@code PAYLOAD_TOO_LARGE} for a message or line over the limits. A
 * blank line is {@code BAD_REQUEST "empty line"}; a server that would rather ignore blank lines
 * (people press Enter in {@code nc}) tests {@link #isBlank(String)} first.
 *
 * <p>{@link #format(Command)} writes the canonical line; {@code parse(format(c)).equals(c)} holds for
 * every command the line form can carry (all but passwords containing blanks).
 */
public final class LineCodec {

    /** Longest accepted line in UTF-8 bytes, line ending excluded; servers check it before decoding. */
    public static final int MAX_LINE_BYTES = 16_384;
    /** Longest chat or dm message, in Unicode code points (an emoji counts as one). */
    public static final int MAX_MESSAGE_CODE_POINTS = 4_000;
    /** Largest page a history command may ask for. */
    public static final int MAX_HISTORY_LIMIT = 500;
    /** Stands for "no limit given" when a history line names a before_id but no limit. */
    public static final String DEFAULT_LIMIT = "-";

    private LineCodec() {
    }

    /** Whether a line holds nothing but spaces, tabs and a line ending (or is null). */
    public static boolean isBlank(String line) {
        return line == null || new LineScanner(line).atEnd();
    }

    /**
     * Reads one line (with or without its line ending) into a command.
     *
     * @throws LineProtocolException for anything but a well-formed, valid command
     */
    public static Command parse(String line) {
        LineScanner s = new LineScanner(line == null ? "" : line);
        String word = s.next();
        if (word == null) {
            throw new LineProtocolException(LineProtocolException.NO_COMMAND, ErrorCode.BAD_REQUEST, "empty line");
        }
        Verb verb = Verb.fromWord(word).orElseThrow(() -> LineProtocolException.unknownCommand(word));
        if (utf8Length(line) > MAX_LINE_BYTES) {
            throw new LineProtocolException(verb.word(), ErrorCode.PAYLOAD_TOO_LARGE,
                "line longer than " + MAX_LINE_BYTES + " bytes");
        }
        int lineBreak = line.indexOf('\n');
        if (lineBreak >= 0 && lineBreak < line.length() - 1) {
            // a message may hold line breaks in the JSON form; a line by definition holds none
            throw LineProtocolException.badRequest(verb, "a line must not contain line breaks");
        }
        return switch (verb) {
            case REG -> {
                String[] a = s.words(verb, 2, 3);
                yield new Reg(a[0], a[1], a.length == 3 ? a[2] : null);
            }
            case LOGIN -> {
                String[] a = s.words(verb, 2, 3);
                yield new Login(a[0], a[1], a.length == 3 ? a[2] : null);
            }
            case PASSWD -> {
                String[] a = s.words(verb, 3, 3);
                yield new Passwd(a[0], a[1], a[2]);
            }
            case TOTP_ENROL -> new TotpEnrol(s.words(verb, 1, 1)[0]);
            case TOTP_CONFIRM -> {
                String[] a = s.words(verb, 2, 2);
                yield new TotpConfirm(a[0], a[1]);
            }
            case TOTP_DISABLE -> {
                String[] a = s.words(verb, 3, 3);
                yield new TotpDisable(a[0], a[1], a[2]);
            }
            case LOGOUT -> new Logout(s.words(verb, 1, 1)[0]);
            case WHOAMI -> new Whoami(s.words(verb, 1, 1)[0]);
            case AUTH -> new Auth(s.words(verb, 1, 1)[0]);
            case NEW_PROJECT -> {
                String[] a = s.head(verb, 1);
                yield new NewProject(a[0], s.free(verb));
            }
            case PROJECTS -> new Projects(s.words(verb, 1, 1)[0]);
            case MEMBERS -> {
                String[] a = s.words(verb, 2, 2);
                yield new Members(a[0], projectId(verb, a[1]));
            }
            case ADD_GROUP -> {
                String[] a = s.head(verb, 2);
                String members = s.free(verb);
                yield new AddGroup(a[0], projectId(verb, a[1]), members);
            }
            case KICK -> {
                String[] a = s.words(verb, 3, 3);
                yield new Kick(a[0], projectId(verb, a[1]), a[2]);
            }
            case JOIN -> {
                String[] a = s.words(verb, 2, 2);
                yield new Join(a[0], projectId(verb, a[1]));
            }
            case LEAVE -> {
                String[] a = s.words(verb, 2, 2);
                yield new Leave(a[0], projectId(verb, a[1]));
            }
            case CHAT -> {
                String[] a = s.head(verb, 2);
                String text = s.free(verb);
                yield new Chat(a[0], projectId(verb, a[1]), text);
            }
            case HISTORY -> {
                String[] a = s.words(verb, 2, 4);
                yield new History(a[0], projectId(verb, a[1]), limit(verb, a), beforeId(verb, a));
            }
            case DM -> {
                String[] a = s.head(verb, 2);
                yield new Dm(a[0], a[1], s.free(verb));
            }
            case DM_HISTORY -> {
                String[] a = s.words(verb, 2, 4);
                yield new DmHistory(a[0], a[1], limit(verb, a), beforeId(verb, a));
            }
            case DM_THREADS -> new DmThreads(s.words(verb, 1, 1)[0]);
            case UPLOAD -> {
                String[] a = s.head(verb, 4);
                yield new Upload(a[0], Checks.target(verb, a[1]), Checks.parseSize(verb, a[2]), a[3], s.free(verb));
            }
            case DOWNLOAD -> {
                String[] a = s.words(verb, 2, 2);
                yield new Download(a[0], Checks.parsePositive(verb, "file id", a[1]));
            }
            case FILES -> {
                String[] a = s.words(verb, 2, 4);
                yield new Files(a[0], Checks.target(verb, a[1]), limit(verb, a), beforeId(verb, a));
            }
            case DELETE_FILE -> {
                String[] a = s.words(verb, 2, 2);
                yield new DeleteFile(a[0], Checks.parsePositive(verb, "file id", a[1]));
            }
            case CALL_JOIN -> {
                String[] a = s.words(verb, 2, 2);
                yield new CallJoin(a[0], projectId(verb, a[1]));
            }
            case CALL_MEMBERS -> {
                String[] a = s.words(verb, 2, 2);
                yield new CallMembers(a[0], projectId(verb, a[1]));
            }
            case CALL_INVITE -> {
                String[] a = s.words(verb, 2, 2);
                yield new CallInvite(a[0], projectId(verb, a[1]));
            }
            case HELP -> {
                s.words(verb, 0, 0);
                yield new Help();
            }
            case QUIT -> {
                s.words(verb, 0, 0);
                yield new Quit();
            }
        };
    }

    /**
     * The canonical line for a command, without a line ending: the command word in lower case and
     * single spaces between arguments.
     *
     * @throws IllegalArgumentException for a password containing a space or tab, or a message
     *                                  of several lines, which a line cannot carry (the JSON form can)
     */
    public static String format(Command command) {
        return switch (command) {
            case Reg c -> line(c, c.username(), password(c.password()), c.email());
            case Login c -> line(c, c.username(), password(c.password()), c.code());
            case Passwd c -> line(c, c.token(), password(c.currentPassword()), password(c.newPassword()));
            case TotpEnrol c -> line(c, c.token());
            case TotpConfirm c -> line(c, c.token(), c.code());
            case TotpDisable c -> line(c, c.token(), password(c.password()), c.code());
            case Logout c -> line(c, c.token());
            case Whoami c -> line(c, c.token());
            case Auth c -> line(c, c.token());
            case NewProject c -> line(c, c.token(), c.name());
            case Projects c -> line(c, c.token());
            case Members c -> line(c, c.token(), id(c.projectId()));
            case AddGroup c -> line(c, c.token(), id(c.projectId()), c.members());
            case Kick c -> line(c, c.token(), id(c.projectId()), c.username());
            case Join c -> line(c, c.token(), id(c.projectId()));
            case Leave c -> line(c, c.token(), id(c.projectId()));
            case Chat c -> line(c, c.token(), id(c.projectId()), oneLine(c.text()));
            case History c -> line(c, c.token(), id(c.projectId()), limit(c.limit(), c.beforeId()), id(c.beforeId()));
            case Dm c -> line(c, c.token(), c.username(), oneLine(c.text()));
            case DmHistory c -> line(c, c.token(), c.username(), limit(c.limit(), c.beforeId()), id(c.beforeId()));
            case DmThreads c -> line(c, c.token());
            case Upload c -> line(c, c.token(), c.target().toString(), Long.toString(c.size()), c.sha256(), c.filename());
            case Download c -> line(c, c.token(), id(c.fileId()));
            case Files c -> line(c, c.token(), c.target().toString(), limit(c.limit(), c.beforeId()), id(c.beforeId()));
            case DeleteFile c -> line(c, c.token(), id(c.fileId()));
            case CallJoin c -> line(c, c.token(), id(c.projectId()));
            case CallMembers c -> line(c, c.token(), id(c.projectId()));
            case CallInvite c -> line(c, c.token(), id(c.projectId()));
            case Help c -> line(c);
            case Quit c -> line(c);
        };
    }

    /** Every command's usage, in {@link Verb} order: the body of the {@code help} reply. */
    public static List<String> usages() {
        return Arrays.stream(Verb.values()).map(Verb::usage).toList();
    }

    /**
     * Decodes a received line's bytes (line ending excluded) as strict UTF-8.
     *
     * @throws LineProtocolException PAYLOAD_TOO_LARGE past {@link #MAX_LINE_BYTES}, BAD_REQUEST for
     *                               bytes that are not UTF-8 (never silently replaced)
     */
    public static String decodeUtf8(byte[] bytes) {
        if (bytes.length > MAX_LINE_BYTES) {
            throw new LineProtocolException(LineProtocolException.NO_COMMAND, ErrorCode.PAYLOAD_TOO_LARGE,
                "line longer than " + MAX_LINE_BYTES + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new LineProtocolException(LineProtocolException.NO_COMMAND, ErrorCode.BAD_REQUEST,
                "line is not valid UTF-8");
        }
    }

    /** The UTF-8 size of a line, its line ending excluded, without encoding it. */
    static int utf8Length(String line) {
        int end = LineScanner.contentEnd(line);
        int bytes = 0;
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            // a surrogate pair is 4 bytes, 2 per half; a lone surrogate is refused later anyway
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    private static long projectId(Verb verb, String raw) {
        return Checks.parsePositive(verb, "project id", raw);
    }

    private static Integer limit(Verb verb, String[] args) {
        if (args.length < 3 || args[2].equals(DEFAULT_LIMIT)) {
            return null;
        }
        String raw = args[2];
        // nine digits always fit a long; longer runs are out of range whatever they say
        boolean digits = !raw.isEmpty() && raw.length() <= 9 && raw.chars().allMatch(c -> c >= '0' && c <= '9');
        return Checks.limit(verb, digits ? Long.parseLong(raw) : -1);
    }

    private static Long beforeId(Verb verb, String[] args) {
        return args.length < 4 ? null : Checks.parsePositive(verb, "before id", args[3]);
    }

    private static String oneLine(String text) {
        if (text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("the line form cannot carry a message of several lines");
        }
        return text;
    }

    private static String password(String password) {
        for (int i = 0; i < password.length(); i++) {
            if (Checks.isBlank(password.charAt(i))) {
                throw new IllegalArgumentException("the line form cannot carry a password containing spaces or tabs");
            }
        }
        return password;
    }

    /** The limit argument; {@code -} holds its place when only a before_id follows. */
    private static String limit(Integer limit, Long beforeId) {
        return limit != null ? limit.toString() : beforeId != null ? DEFAULT_LIMIT : null;
    }

    private static String id(Long id) {
        return id == null ? null : id.toString();
    }

    /** The command word and each non-null argument, separated by single spaces. */
    private static String line(Command command, String... args) {
        StringBuilder line = new StringBuilder(command.word());
        for (String arg : args) {
            if (arg != null) {
                line.append(' ').append(arg);
            }
        }
        return line.toString();
    }
}
