package dev.huddle.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnAddressTest {

    @Test
    void picksTheFirstRoutableIpv4Address() throws UnknownHostException {
        assertThat(OwnAddress.pick(List.of(ip("fe80::1"), ip("169.254.3.4"), ip("127.0.0.1"), ip("0.0.0.0"),
            ip("2001:db8::7"), ip("10.89.0.5"), ip("192.168.1.20")))).contains("10.89.0.5");
    }

    @Test
    void findsNothingWithoutSuchAnAddress() throws UnknownHostException {
        assertThat(OwnAddress.pick(List.of(ip("127.0.0.1"), ip("::1"), ip("fe80::1")))).isEmpty();
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
