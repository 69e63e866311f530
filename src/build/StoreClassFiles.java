import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites every jar under the packaged application (target/quarkus-app) so that its class files are stored rather
 * than deflated. A start defines about 13,000 classes, and inflating each one (plus the JIT compiling the inflating
 * code while the start runs) took 0.3 to 0.5 s of the start's CPU on two cores (README "Performance", "Seventeenth
 * round"). Everything else in a jar (language models, the embedded PostgreSQL's binaries, other resources) keeps
 * its compression, and entries keep their order, names, times and contents, so signatures and the Quarkus class
 * index stay valid. Run by the build after Quarkus packages the application (pom.xml, execution
 * "store-class-files"), as a single-file program: {@code java src/build/StoreClassFiles.java DIR}.
 */
public final class StoreClassFiles {
    private StoreClassFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: java src/build/StoreClassFiles.java PACKAGED_APPLICATION_DIR");
        }
        Path root = Path.of(args[0]);
        if (!Files.isDirectory(root)) {
            System.out.printf("StoreClassFiles: %s does not exist (no fast-jar was packaged); nothing to do%n", root);
            return;
        }
        List<Path> jars;
        try (Stream<Path> walk = Files.walk(root)) {
            jars = walk.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        int rewritten = 0;
        long before = 0;
        long after = 0;
        for (Path jar : jars) {
            long size = Files.size(jar);
            if (rewrite(jar)) {
                rewritten++;
                before += size;
                after += Files.size(jar);
            }
        }
        System.out.printf("StoreClassFiles: class files stored in %d of %d jars under %s (%.1f MB -> %.1f MB)%n",
                rewritten, jars.size(), root, before / 1e6, after / 1e6);
    }

    /** Stores the jar's class files; false when it has no deflated class file (nothing to do, already done). */
    static boolean rewrite(Path jar) throws IOException {
        Path temporary = jar.resolveSibling(jar.getFileName() + ".storing");
        try (ZipFile in = new ZipFile(jar.toFile())) {
            if (in.stream().noneMatch(e -> isClass(e) && e.getMethod() != ZipEntry.STORED)) {
                return false;
            }
            try (OutputStream file = Files.newOutputStream(temporary); ZipOutputStream out = new ZipOutputStream(file)) {
                if (in.getComment() != null) {
                    out.setComment(in.getComment());
                }
                for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    byte[] data;
                    try (InputStream content = in.getInputStream(entry)) {
                        data = content.readAllBytes();
                    }
                    ZipEntry copy = new ZipEntry(entry);
                    if (isClass(entry) || entry.getMethod() == ZipEntry.STORED) {
                        CRC32 crc = new CRC32();
                        crc.update(data);
                        copy.setMethod(ZipEntry.STORED);
                        copy.setSize(data.length);
                        copy.setCompressedSize(data.length);
                        copy.setCrc(crc.getValue());
                    } else {
                        copy.setCompressedSize(-1); // deflated again: its compressed size is known only once written
                    }
                    out.putNextEntry(copy);
                    out.write(data);
                    out.closeEntry();
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("could not store the class files of " + jar + ": " + e.getMessage(), e);
        }
        Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private static boolean isClass(ZipEntry entry) {
        return !entry.isDirectory() && entry.getName().endsWith(".class");
    }
}
