// Machine probe for UdpLoad's latency runs: how long a datagram takes on this machine's loopback with
// no JVM anywhere, directly (one process sends and receives) or through a forwarder in another process
// (e.g. the C reference, ../shared/bench/udpfwd.c). Tells the machine's own stalls from a forwarder's.
//
//   gcc -O2 -pthread -o /tmp/udplat benchmarks/native/udplat.c
//   /tmp/udplat <datagrams/s> <size> <seconds>                         direct
//   /tmp/udpfwd fwd 41001 41002 4 & /tmp/udplat <in/s> <size> <seconds> 41002 41001   through udpfwd
//
// The sender stamps each datagram with CLOCK_MONOTONIC and sends what is due every 200 µs with one
// sendmmsg (as UdpLoad's generator does); a receiver thread reads with recvmmsg. Prints the latency
// percentiles of everything received, and one line per stall (a datagram over 5 ms) to stderr.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH 64
#define MAX_US 200000

static int receiver;
static volatile int done;
static long histogram[MAX_US];
static long received;

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000ull + t.tv_nsec;
}

// Points each of the BATCH messages at its own buffer of `length` bytes, addressed to `to` (or none).
static void messages(struct mmsghdr *msgs, struct iovec *iov, char (*buf)[1500], int length, struct sockaddr_in *to) {
    memset(msgs, 0, BATCH * sizeof *msgs);
    for (int i = 0; i < BATCH; i++) {
        iov[i].iov_base = buf[i];
        iov[i].iov_len = length;
        msgs[i].msg_hdr.msg_iov = &iov[i];
        msgs[i].msg_hdr.msg_iovlen = 1;
        msgs[i].msg_hdr.msg_name = to;
        msgs[i].msg_hdr.msg_namelen = to ? sizeof *to : 0;
    }
}

static void *receive(void *unused) {
    static char buf[BATCH][1500];
    struct mmsghdr in[BATCH];
    struct iovec iov[BATCH];
    messages(in, iov, buf, sizeof buf[0], NULL);
    struct timeval timeout = {0, 100000};
    setsockopt(receiver, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    uint64_t last_stall = 0;
    while (!done) {
        int n = recvmmsg(receiver, in, BATCH, MSG_WAITFORONE, NULL);
        uint64_t at = now_ns();
        for (int i = 0; i < n; i++) {
            uint64_t stamp;
            memcpy(&stamp, buf[i], sizeof stamp);
            long us = (long) ((at - stamp) / 1000);
            if (us >= MAX_US) us = MAX_US - 1;
            if (us > 5000 && at - last_stall > 50000000ull) {
                fprintf(stderr, "stall: received at %.6f s, %ld us late, %d in the batch\n", at / 1e9, us, n);
                last_stall = at;
            }
            histogram[us]++;
            received++;
        }
    }
    return NULL;
}

static long percentile(double p) {
    long seen = 0;
    for (long us = 0; us < MAX_US; us++) {
        seen += histogram[us];
        if (seen >= received * p) return us;
    }
    return MAX_US;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: udplat <datagrams/s> <size> <seconds> [receive port] [send to port]\n");
        return 2;
    }
    long rate = atol(argv[1]);
    int size = atoi(argv[2]);
    double seconds = atof(argv[3]);
    int receive_port = argc > 4 ? atoi(argv[4]) : 0;
    int forward_port = argc > 5 ? atoi(argv[5]) : 0;
    if (size < 8 || size > 1500) {
        fprintf(stderr, "size must be 8 to 1500 bytes\n");
        return 2;
    }
    int buffer = 4 << 20;
    receiver = socket(AF_INET, SOCK_DGRAM, 0);
    setsockopt(receiver, SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(receive_port),
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(receiver, (struct sockaddr *) &to, sizeof to)) {
        perror("bind");
        return 1;
    }
    socklen_t length = sizeof to;
    getsockname(receiver, (struct sockaddr *) &to, &length);
    if (forward_port) to.sin_port = htons(forward_port);
    pthread_t thread;
    pthread_create(&thread, NULL, receive, NULL);

    int sender = socket(AF_INET, SOCK_DGRAM, 0);
    setsockopt(sender, SOL_SOCKET, SO_SNDBUF, &buffer, sizeof buffer);
    static char out_buf[BATCH][1500];
    struct mmsghdr out[BATCH];
    struct iovec iov[BATCH];
    messages(out, iov, out_buf, size, &to);
    uint64_t start = now_ns(), end = start + (uint64_t) (seconds * 1e9);
    long sent = 0;
    for (uint64_t at = start; at < end; at = now_ns()) {
        long due = (long) ((at - start) / 1e9 * rate);
        int n = 0;
        while (sent < due && n < BATCH) {
            memcpy(out_buf[n++], &at, sizeof at);
            sent++;
        }
        if (n) sendmmsg(sender, out, n, 0);
        struct timespec tick = {0, 200000};
        nanosleep(&tick, NULL);
    }
    usleep(300000);
    done = 1;
    pthread_join(thread, NULL);
    printf("sent %ld received %ld latency us p50 %ld p99 %ld p99.9 %ld max %ld\n", sent, received, percentile(0.5),
           percentile(0.99), percentile(0.999), percentile(1.0));
    return 0;
}
