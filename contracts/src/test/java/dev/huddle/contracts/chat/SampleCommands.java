package dev.huddle.contracts.chat;

import dev.huddle.contracts.chat.Command.AddGroup;
import dev.huddle.contracts.chat.Command.Auth;
import dev.huddle.contracts.chat.Command.Chat;
import dev.huddle.contracts.chat.Command.DeleteFile;
import dev.huddle.contracts.chat.Command.Download;
import dev.huddle.contracts.chat.Command.Files;
import dev.huddle.contracts.chat.Command.Upload;
import dev.huddle.contracts.chat.Command.Dm;
import dev.huddle.contracts.chat.Command.DmHistory;
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
import dev.huddle.contracts.chat.Command.Reg;
import dev.huddle.contracts.chat.Command.Whoami;
import java.util.List;

/** Commands of every kind, with the awkward values round trips must survive. */
final class SampleCommands {

    static final String TOKEN = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxIn0.c2ln";
    static final String SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private SampleCommands() {
    }

    static List<Command> all() {
        return List.of(
            new Reg("alice", "s3cret-pass", "alice@example.com"),
            new Reg("bob", "hunter22!", null),
            new Reg("nguyễn", "mật-khẩu-🔑", null),
            new Login("alice", "s3cret-pass"),
            new Login("alice", "s3cret-pass", "287082"),
            new Command.Passwd(TOKEN, "s3cret-pass", "plum-orbit-lantern"),
            new Command.TotpEnrol(TOKEN),
            new Command.TotpConfirm(TOKEN, "287082"),
            new Command.TotpDisable(TOKEN, "s3cret-pass", "ABCDE-FGHIJ"),
            new Logout(TOKEN),
            new Whoami(TOKEN),
            new Auth(TOKEN),
            new NewProject(TOKEN, "Launch"),
            new NewProject(TOKEN, "Dự án  mùa\tthu 🍂"),
            new Projects(TOKEN),
            new Members(TOKEN, 1),
            new AddGroup(TOKEN, 7, "bob, carol; dave"),
            new AddGroup(TOKEN, Long.MAX_VALUE, "[bob, carol]"),
            new Kick(TOKEN, 7, "bob"),
            new Join(TOKEN, 7),
            new Leave(TOKEN, 7),
            new Chat(TOKEN, 7, "hi"),
            new Chat(TOKEN, 7, "Xin chào   mọi người 👋🏽 \t tab"),
            new Chat(TOKEN, 7, "trailing spaces kept   "),
            new Chat(TOKEN, 7, "x".repeat(LineCodec.MAX_MESSAGE_CODE_POINTS)),
            new History(TOKEN, 7, null, null),
            new History(TOKEN, 7, 50, null),
            new History(TOKEN, 7, 500, 120L),
            new History(TOKEN, 7, null, 120L),
            new Dm(TOKEN, "bob", "psst — 秘密 😀"),
            new DmHistory(TOKEN, "bob", null, null),
            new DmHistory(TOKEN, "bob", 1, null),
            new DmHistory(TOKEN, "bob", null, 9L),
            new Command.DmThreads(TOKEN),
            new Upload(TOKEN, new FileTarget.Room(7), 2_411_724, SHA256, "report.pdf"),
            new Upload(TOKEN, new FileTarget.User("bob"), 0, SHA256, "Báo cáo  quý 3 (final).docx"),
            new Download(TOKEN, 12),
            new Files(TOKEN, new FileTarget.Room(7), null, null),
            new Files(TOKEN, new FileTarget.User("bob"), 20, 90L),
            new Files(TOKEN, new FileTarget.Room(7), null, 90L),
            new DeleteFile(TOKEN, 12),
            new Command.CallJoin(TOKEN, 7),
            new Command.CallMembers(TOKEN, 7),
            new Command.CallInvite(TOKEN, 7),
            new Help(),
            new Quit());
    }
}
