package dev.quoteline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads, on a thread of its own, the classes a start of the packaged application is going to need, in the order it
 * needs them, so that {@code main} finds most of them already defined.
 *
 * <p>A start defines about 10,000 classes from the application's jars and the JDK's modules, one at a time on
 * {@code main}, which is otherwise busy on one core while the second serves mostly the JIT compilers. Quarkus's class
 * loader is parallel-capable, so a second thread can read and define the same classes ahead of it. Classes are loaded,
 * not initialised: no static initialiser runs earlier or on another thread than it would have, so the start does what
 * it did before, in the same order (README "Performance", twenty-third round).
 *
 * <p>The list ({@value #LIST}) is a recording of one start (the classes it loaded before it was ready, in that order),
 * made by {@code python3 src/bench/startup_classes.py}. A name the build no longer has (a dependency upgraded, a
 * generated class renamed) is skipped; {@code StartupClassesIT} fails, and a start logs a warning, when more than
 * 5 % of them are ({@link #STALE_SHARE}).
 */
final class StartupClasses {
    /** The recording, a class's binary name a line; lines starting with {@code #} are comments. */
    static final String LIST = "dev/quoteline/startup-classes.txt";

    /** The class loader the list was recorded under: the packaged application's. */
    static final String PACKAGED_APPLICATION_LOADER = "io.quarkus.bootstrap.runner.RunnerClassLoader";

    /** More of the list missing than this, and the list is out of date. */
    static final double STALE_SHARE = 0.05;

    private static Thread loading;
    private static volatile Result result;

    private StartupClasses() {
    }

    /** What a preload did: how many listed classes were loaded, how many the class path lacked, and how long it took. */
    record Result(int loaded, int missing, long nanos) {
        /** The share of the list the class path no longer has. */
        double missingShare() {
            return loaded + missing == 0 ? 0 : (double) missing / (loaded + missing);
        }
    }

    /**
     * Starts loading the list on a daemon thread, when the application runs from its packaged jar (in {@code quarkus:dev}
     * and tests the class loader is another, and Quarkus's generated classes have other names); true if it started.
     */
    static synchronized boolean begin() {
        ClassLoader loader = StartupClasses.class.getClassLoader();
        if (loading != null || loader == null || !loader.getClass().getName().equals(PACKAGED_APPLICATION_LOADER)) {
            return false;
        }
        loading = new Thread(() -> result = preload(loader, loader.getResourceAsStream(LIST)), "startup-classes");
        loading.setDaemon(true);
        loading.start();
        return true;
    }

    /** The result of the preload {@link #begin()} started, once it has finished; null if none ran or it has not. */
    static Result result() {
        return result;
    }

    /**
     * Logs how the preload went, once the application is ready (waiting for the preload if it is still running: the
     * application is serving by then, so nothing waits on this): a warning when the list has fallen behind the build (a
     * start still works, it is only slower), otherwise a debug line.
     */
    static void report() {
        Thread running;
        synchronized (StartupClasses.class) {
            running = loading;
        }
        Logger log = Logger.getLogger(StartupClasses.class);
        if (running == null) {
            log.debug("Start-up classes: not preloaded (not the packaged application, or switched off)");
            return;
        }
        try {
            running.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Result done = result;
        if (done == null) {
            log.debug("Start-up classes: still loading 30 s after the application was ready");
        } else if (done.missingShare() > STALE_SHARE) {
            log.warnf("%d of the %d start-up classes listed in %s are not in this build, so starts are slower than they"
                    + " could be: record the list again (python3 src/bench/startup_classes.py)", done.missing(),
                    done.loaded() + done.missing(), LIST);
        } else {
            log.debugf("Start-up classes: %d loaded ahead of need in %.2f s, %d not in this build", (Object) done.loaded(),
                    done.nanos() / 1e9, (Object) done.missing());
        }
    }

    /**
     * Loads each listed class through {@code loader} without initialising it; a name it cannot load is counted, not
     * thrown. A missing list loads nothing.
     */
    static Result preload(ClassLoader loader, InputStream list) {
        long started = System.nanoTime();
        if (list == null) {
            return new Result(0, 0, 0);
        }
        int loaded = 0;
        int missing = 0;
        for (String name : names(list)) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                missing++;
            }
        }
        return new Result(loaded, missing, System.nanoTime() - started);
    }

    /** The class names in a list, in order; blank lines and comments skipped. */
    static List<String> names(InputStream list) {
        List<String> names = new ArrayList<>(12_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            // a list that cannot be read is a start without preloading, never a start that fails
        }
        return names;
    }
}
