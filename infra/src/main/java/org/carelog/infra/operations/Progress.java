package org.carelog.infra.operations;

import java.io.PrintStream;

/** Where a command reports what it does, one line at a time. */
@FunctionalInterface
interface Progress {

    void line(String text);

    static Progress to(PrintStream out) {
        return out::println;
    }

    static Progress silent() {
        return text -> {};
    }
}
