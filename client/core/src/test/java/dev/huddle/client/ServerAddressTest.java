package dev.huddle.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "localhost              | localhost | 8081  | 8082  | 8083",
        "  Chat.Example.org/    | chat.example.org | 8081 | 8082 | 8083",
        "http://10.0.0.5:9000   | 10.0.0.5  | 9000  | 9001  | 9002",
        "127.0.0.1:4001,4107,4203 | 127.0.0.1 | 4001 | 4107 | 4203",
        "[::1]:8081             | [::1]     | 8081  | 8082  | 8083"
    })
    void readsTheThreeForms(String text, String host, int auth, int room, int chat) {
        ServerAddress address = ServerAddress.parse(text);

        assertThat(address).isEqualTo(new ServerAddress(host, auth, room, chat));
        assertThat(ServerAddress.parse(address.text())).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "host:", "host:abc", "host:1,2", "host:70000", ":8081", "a b:8081"})
    void refusesWhatIsNoAddressWithAMessageForPeople(String text) {
        assertThatThrownBy(() -> ServerAddress.parse(text)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageNotContaining("Exception");
    }
}
