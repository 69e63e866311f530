package dev.quoteline;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimising compiler (C2) away from code that only a start runs, for as long as the start runs.
 *
 * <p>On two cores a start is bound by CPU, and C2 took about 4 of its 9 CPU seconds, half of that on the JDK's class
 * writer that spins lambda classes and on Quarkus's class loader: code that is hot for a second and then never runs
 * again, so its C2 code is paid for and hardly used. A compiler directive (the interface {@code jcmd
 * Compiler.directives_add} uses, reached through the platform's diagnostic command bean, since {@code java -jar} takes
 * no JVM option from the jar) leaves those methods to C1 while the start runs; they still run compiled. The directive is
 * removed once the application is ready, so every method that had not been tried by C2 by then is compiled as usual.
 * Methods C2 declined during the start stay with C1: HotSpot remembers that, which is why only code that requests do
 * not run is listed (README "Performance", twenty-second round).
 */
final class StartupCompilation {
    /** Code that runs while the application starts and not (or only on a first use) while it serves requests. */
    static final List<String> START_ONLY = List.of(
            "jdk/internal/org/objectweb/asm/*.*",           // spins the classes behind lambdas and method handles
            "java/lang/invoke/InvokerBytecodeGenerator.*",
            "java/lang/invoke/LambdaForm.*",
            "java/lang/invoke/LambdaForm$Name.*",
            "java/lang/invoke/InnerClassLambdaMetafactory*.*",
            "sun/invoke/util/VerifyAccess.*",
            "io/quarkus/bootstrap/runner/*.*",               // Quarkus's class loader and the application's index
            "java/lang/ClassLoader.*",
            "java/lang/PublicMethods*.*",                    // reflection on the classes the start wires together
            "sun/reflect/annotation/*.*",
            "sun/reflect/generics/*.*",
            "java/util/zip/ZipFile*.*",                      // reading classes out of the jars
            "java/util/jar/JarFile*.*",
            "io/smallrye/config/*.*",                        // building the configuration
            "org/flywaydb/*.*",                              // the migration
            "org/hibernate/boot/*.*",                        // Hibernate's metadata
            "org/hibernate/models/*.*",
            "org/jboss/jandex/*.*");

    private static final ObjectName DIAGNOSTIC_COMMANDS = name("com.sun.management:type=DiagnosticCommand");
    private static final String[] STRING_ARRAY = {String[].class.getName()};

    private static Thread adding;
    private static volatile boolean added;

    private StartupCompilation() {
    }

    /**
     * Adds the directive on a thread of its own: the platform's bean server costs a cold JVM about 0.2 s to build, which
     * the start's main thread should not wait for.
     */
    static synchronized void begin() {
        if (adding != null) {
            return; // dev mode restarts the application in the same JVM
        }
        adding = new Thread(() -> added = add(directive(START_ONLY)), "startup-compilation");
        adding.setDaemon(true);
        adding.start();
    }

    /** Removes the directive {@link #begin()} added, once the application is ready. */
    static synchronized void end() {
        if (awaitBegun()) {
            added = false;
            removeLatest();
        }
    }

    /** Waits for {@link #begin()}'s thread; true if its directive is in place. */
    static synchronized boolean awaitBegun() {
        if (adding == null) {
            return false;
        }
        try {
            adding.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return added;
    }

    /** The directive in HotSpot's JSON-like format: C2 excluded, C1 as usual, for each pattern. */
    static String directive(List<String> patterns) {
        return "[{match: [" + patterns.stream().map(p -> '"' + p + '"').collect(Collectors.joining(", "))
                + "], c2: {Exclude: true}}]";
    }

    /** Adds a directive; false (and nothing changed) where the JVM offers no diagnostic commands. */
    static boolean add(String directive) {
        Path file = null;
        try {
            file = Files.createTempFile("quoteline-compiler-directive", ".json");
            Files.writeString(file, directive);
            String answer = String.valueOf(invoke("compilerDirectivesAdd", new String[] {file.toString()}));
            return answer.contains("1 compiler directives added");
        } catch (Exception | LinkageError e) {
            // a JVM without the diagnostic command bean (another vendor's, or a restricted one) starts as it always did
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (Exception ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** Removes the directive added last; false if that failed. */
    static boolean removeLatest() {
        try {
            invoke("compilerDirectivesRemove", new String[0]);
            return true;
        } catch (IllegalStateException e) {
            // the start-only methods keep C1 until the JVM exits: slower only where nothing runs often
            return false;
        }
    }

    /** The directives HotSpot holds now, as {@code jcmd Compiler.directives_print} prints them. */
    static String print() {
        return String.valueOf(invoke("compilerDirectivesPrint", new String[0]));
    }

    private static Object invoke(String operation, String[] arguments) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            return server.invoke(DIAGNOSTIC_COMMANDS, operation, new Object[] {arguments}, STRING_ARRAY);
        } catch (Exception e) {
            throw new IllegalStateException("diagnostic command " + operation + " failed", e);
        }
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
