package dev.huddle.system;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A project for call tests, made over the line protocol: its owner (index 0) registered, logged in
 * and added {@code members} others; names and tokens by index.
 */
record CallRoom(long id, String[] names, String[] tokens) {

    private static final AtomicInteger NAMES = new AtomicInteger();

    static CallRoom create(LineClient nc, String name, int members) {
        String[] names = new String[members + 1];
        String[] tokens = new String[members + 1];
        for (int i = 0; i <= members; i++) {
            names[i] = newName();
            tokens[i] = login(nc, names[i]);
        }
        long id = nc.ok("new_project " + tokens[0] + " " + name).getJsonObject("project").getLong("id");
        if (members > 0) {
            nc.ok("add_group " + tokens[0] + " " + id + " " + String.join(", ", Arrays.copyOfRange(names, 1,
                names.length)));
        }
        return new CallRoom(id, names, tokens);
    }

    static String login(LineClient nc, String name) {
        nc.ok("reg " + name + " violet-anchor-93-drum");
        return nc.ok("login " + name + " violet-anchor-93-drum").getString("token");
    }

    /** A username no other test of this run has. */
    static String newName() {
        return "m" + NAMES.incrementAndGet() + "x";
    }
}
