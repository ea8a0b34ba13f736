package dev.huddle.relay.control;

import dev.huddle.relay.path.DropReason;
import dev.huddle.relay.path.RelayCounters;
import dev.huddle.relay.path.UdpDataPath;
import dev.huddle.server.http.ApiVerticle;
import dev.huddle.server.runtime.ServiceRuntime;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * media-relay's HTTP port: {@code /health} and {@code /metrics} (no API: clients talk to the relay in
 * UDP, and to room-service to join). The data path's counters are registered here as Prometheus
 * meters: {@code huddle_relay_packets_in_total}, {@code _bytes_in_total}, {@code _packets_out_total},
 * {@code _bytes_out_total}, {@code _joins_total}, {@code _drops_total{reason}},
 * {@code _read_batches_total{size}}, {@code _datagram_residence_total{le_us}}, and the gauges {@code huddle_relay_sessions}, {@code huddle_relay_rooms}.
 */
public final class RelayHttpVerticle extends ApiVerticle {

    private final RelayCounters counters;
    private final Supplier<UdpDataPath> path;

    public RelayHttpVerticle(ServiceRuntime runtime, RelayCounters counters, Supplier<UdpDataPath> path) {
        super(runtime, "openapi/media-relay.yaml");
        this.counters = counters;
        this.path = path;
    }

    @Override
    protected void routes() {
        MeterRegistry registry = runtime.node().metrics();
        counter(registry, "huddle.relay.packets.in", "datagrams received", c -> c.packetsIn());
        counter(registry, "huddle.relay.bytes.in", "bytes received", c -> c.bytesIn());
        counter(registry, "huddle.relay.packets.out", "datagrams sent", c -> c.packetsOut());
        counter(registry, "huddle.relay.bytes.out", "bytes sent", c -> c.bytesOut());
        counter(registry, "huddle.relay.joins", "sessions opened by a JOIN", c -> c.joins());
        for (DropReason reason : DropReason.values()) {
            FunctionCounter.builder("huddle.relay.drops", counters, c -> c.drops(reason))
                .description("datagrams dropped, by reason").tag("reason", reason.tag()).register(registry);
        }
        for (int i = 0; i < RelayCounters.BATCH_BUCKETS.length; i++) {
            int bucket = i;
            FunctionCounter.builder("huddle.relay.read.batches", counters, c -> c.batches(bucket))
                .description("read batches (one recvmmsg wake-up, flushed once), by datagrams in the batch")
                .tag("size", RelayCounters.BATCH_BUCKETS[i]).register(registry);
        }
        for (int i = 0; i < RelayCounters.RESIDENCE_BUCKETS.length; i++) {
            int bucket = i;
            FunctionCounter.builder("huddle.relay.datagram.residence", counters, c -> c.residences(bucket))
                .description("datagrams read, by the time from the first datagram of their flush in hand to that"
                    + " flush (the longest any of them waited), upper bound in µs")
                .tag("le_us", RelayCounters.RESIDENCE_BUCKETS[i]).register(registry);
        }
        Gauge.builder("huddle.relay.sessions", path, p -> p.get() == null ? 0 : p.get().sessionCount())
            .description("call sessions on this relay").register(registry);
        Gauge.builder("huddle.relay.rooms", path, p -> p.get() == null ? 0 : p.get().roomCount())
            .description("calls (rooms) on this relay").register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description,
                         ToDoubleFunction<RelayCounters> value) {
        FunctionCounter.builder(name, counters, value).description(description).register(registry);
    }
}
