package org.dangan.ocr;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the CPU priority of the calling thread alone. Recognition is background work: a page
 * can wait a few seconds, a person at a screen cannot. On two cores the OCR workers took CPU
 * from the requests beside them (issue 21); at a nice value above the request threads' they get
 * what the requests leave, and all of it on an idle machine. Java's own thread priorities are
 * ignored on Linux, so this asks the kernel, which keeps a nice value per thread.
 */
final class WorkerPriority {

    /** Linux's lowest priority is 19; 10 leaves a worker about a tenth of a busy core's share. */
    static final int NICE = 10;

    private static final Logger log = LoggerFactory.getLogger(WorkerPriority.class);
    private static final int PRIO_PROCESS = 0;

    private interface LibC extends Library {
        int setpriority(int which, int who, int prio);

        int getpriority(int which, int who);
    }

    private static volatile LibC libc;
    private static final AtomicBoolean warned = new AtomicBoolean();

    private WorkerPriority() {}

    /**
     * Sets the calling thread's nice value to {@link #NICE}; true if it is set. A system where that
     * cannot be done (not Linux, no /proc) runs the workers at normal priority and says so once.
     */
    static boolean lowerCurrentThread() {
        try {
            int tid = currentThreadId();
            // on Linux, PRIO_PROCESS with a thread's id sets that thread alone (setpriority(2), BUGS)
            return c().setpriority(PRIO_PROCESS, tid, NICE) == 0;
        } catch (IOException | RuntimeException | LinkageError e) {
            if (warned.compareAndSet(false, true)) {
                log.warn("OCR workers run at normal priority: {}", e.toString());
            }
            return false;
        }
    }

    /** The calling thread's nice value, as the kernel keeps it. */
    static int currentNice() throws IOException {
        return c().getpriority(PRIO_PROCESS, currentThreadId());
    }

    /** The kernel's id of the calling thread: /proc/thread-self points at /proc/<pid>/task/<tid>. */
    private static int currentThreadId() throws IOException {
        Path task = Files.readSymbolicLink(Path.of("/proc/thread-self"));
        return Integer.parseInt(task.getFileName().toString());
    }

    private static LibC c() {
        LibC loaded = libc;
        if (loaded == null) {
            loaded = Native.load("c", LibC.class);
            libc = loaded;
        }
        return loaded;
    }
}
