package dev.huddle.server.actionlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            reg         | Register
            login       | Login
            logout      | Logout
            me          | Who am I
            whoami      | Who am I
            new_project | New project
            add_group   | Add group members
            chat        | Chat
            projects    | List projects
            members     | List members
            history     | Chat history
            join        | Join room
            leave       | Leave room
            dm          | Direct message
            dm_history  | Direct message history
            dm_threads  | List direct message threads
            kick        | Kick member
            help        | Help
            quit        | Quit
            list_users  | List users
            set_role    | Change role
            public_key  | Public key
            """)
    void knownActionTypesHaveTheirFixedName(String type, String name) {
        assertThat(ActionNames.of(type)).isEqualTo(name);
    }

    @Test
    void knownTypesAreMatchedInAnyCase() {
        assertThat(ActionNames.of("NEW_PROJECT")).isEqualTo("New project");
        assertThat(ActionNames.of(" Reg ")).isEqualTo("Register");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            upload_file       | Upload file
            ping              | Ping
            file_chunk_ack    | File chunk ack
            Upload_File       | Upload file
            ______etc         | Etc
            _leading__double_ | Leading double
            é_bien            | É bien
            """)
    void otherTypesTurnUnderscoresIntoSpacesAndCapitaliseTheFirstLetter(String type, String name) {
        assertThat(ActionNames.of(type)).isEqualTo(name);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "___"})
    void missingTypeIsNamedUnknown(String type) {
        assertThat(ActionNames.of(type)).isEqualTo("Unknown");
    }
}
