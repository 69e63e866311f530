package dev.quoteline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The start's compiler directive reaches HotSpot, names every start-only pattern, and is gone once ready. */
class StartupCompilationTest {

    @Test
    void directiveExcludesC2ForEachPattern() {
        assertEquals("[{match: [\"a/B.*\", \"c/*.*\"], c2: {Exclude: true}}]",
                StartupCompilation.directive(List.of("a/B.*", "c/*.*")));
    }

    /** A pattern that names no class would leave that code to C2 without a word, so each must match a real one. */
    @Test
    void everyPatternMatchesClassesOfThisApplication() throws Exception {
        java.util.Map<String, String> example = java.util.Map.of(
                "jdk/internal/org/objectweb/asm/*", "jdk.internal.org.objectweb.asm.ClassWriter",
                "java/lang/invoke/InnerClassLambdaMetafactory*", "java.lang.invoke.InnerClassLambdaMetafactory",
                "io/quarkus/bootstrap/runner/*", "io.quarkus.bootstrap.runner.RunnerClassLoader",
                "java/lang/PublicMethods*", "java.lang.PublicMethods",
                "java/util/zip/ZipFile*", "java.util.zip.ZipFile",
                "java/util/jar/JarFile*", "java.util.jar.JarFile",
                "io/smallrye/config/*", "io.smallrye.config.SmallRyeConfig",
                "org/flywaydb/*", "org.flywaydb.core.Flyway",
                "org/hibernate/boot/*", "org.hibernate.boot.MetadataSources");
        java.util.Map<String, String> more = java.util.Map.of(
                "org/hibernate/models/*", "org.hibernate.models.spi.ClassDetails",
                "org/jboss/jandex/*", "org.jboss.jandex.Index",
                "sun/reflect/annotation/*", "sun.reflect.annotation.AnnotationParser",
                "sun/reflect/generics/*", "sun.reflect.generics.parser.SignatureParser");
        for (String pattern : StartupCompilation.START_ONLY) {
            assertTrue(pattern.endsWith(".*"), pattern);
            String classPart = pattern.substring(0, pattern.length() - 2);
            String className = classPart.endsWith("*")
                    ? java.util.Optional.ofNullable(example.get(classPart)).orElse(more.get(classPart))
                    : classPart.replace('/', '.');
            assertTrue(className != null, "no example class for " + pattern);
            assertTrue(className.replace('.', '/').startsWith(classPart.replace("*", "")), pattern + " ~ " + className);
            Class.forName(className, false, getClass().getClassLoader());
        }
    }

    @Test
    void aDirectiveIsAddedAndRemoved() {
        String probe = "dev/quoteline/StartupCompilationTest$Probe.*";
        assertFalse(StartupCompilation.print().contains(probe));
        assertTrue(StartupCompilation.add(StartupCompilation.directive(List.of(probe))));
        String held = StartupCompilation.print();
        assertTrue(held.contains(probe), held);
        String probeDirective = held.substring(held.indexOf(probe));
        assertTrue(probeDirective.matches("(?s).*c2 directives:.*Exclude:true.*"), probeDirective);
        assertTrue(StartupCompilation.removeLatest());
        assertFalse(StartupCompilation.print().contains(probe));
    }

    @Test
    void aBadDirectiveIsRefusedWithoutFailingTheStart() {
        assertFalse(StartupCompilation.add("[{match: \"not a pattern(\", c2: {Exclude: maybe}}]"));
        assertFalse(StartupCompilation.print().contains("not a pattern"));
    }

    @Test
    void theStartsDirectiveHoldsFromBeginToEnd() {
        StartupCompilation.begin();
        assertTrue(StartupCompilation.awaitBegun());
        String during = StartupCompilation.print();
        for (String pattern : StartupCompilation.START_ONLY) {
            assertTrue(during.contains(pattern), pattern + " in " + during);
        }
        StartupCompilation.end();
        String after = StartupCompilation.print();
        for (String pattern : StartupCompilation.START_ONLY) {
            assertFalse(after.contains(pattern), pattern + " still in " + after);
        }
        StartupCompilation.end(); // a second end (dev mode's restart) removes nothing else
        assertEquals(after, StartupCompilation.print());
    }
}
