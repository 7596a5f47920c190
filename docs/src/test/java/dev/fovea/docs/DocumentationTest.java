package dev.fovea.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the user documentation true to the repository it describes. */
class DocumentationTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)]*)?\\)");

    static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/target/")).forEach(files::add);
        }
        try (Stream<Path> images = Files.list(ROOT.resolve("images"))) {
            images.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
        }
        return files;
    }

    @Test
    void readmeGivesExactlyTheTwoCommands() throws IOException {
        String readme = read(ROOT.resolve("README.md"));
        assertTrue(readme.contains("./fovea serve"), "README must give the command that runs Fovea");
        assertTrue(readme.contains("./fovea test"), "README must give the command that runs every test");
        assertTrue(Files.isExecutable(ROOT.resolve("fovea")), "./fovea must be executable");
    }

    @Test
    void ciRunsTheReadmeTestCommand() throws IOException {
        String ci = read(ROOT.resolve(".ci/run"));
        List<String> commands = ci.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("set ") && !l.startsWith("cd "))
                .toList();
        assertEquals(List.of("exec ./fovea test"), commands, ".ci/run must run the README's test command only");
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : markdownFiles()) {
            Matcher m = LINK.matcher(read(file));
            while (m.find()) {
                String target = m.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                if (!Files.exists(file.getParent().resolve(target))) {
                    broken.add(ROOT.relativize(file) + " → " + target);
                }
            }
        }
        assertTrue(broken.isEmpty(), "broken links: " + broken);
    }

    @Test
    void architectureDescribesEveryModule() throws IOException {
        String pom = read(ROOT.resolve("pom.xml"));
        String architecture = read(ROOT.resolve("docs/architecture.md"));
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        List<String> missing = new ArrayList<>();
        int modules = 0;
        while (m.find()) {
            modules++;
            if (!architecture.contains("`" + m.group(1) + "`")) {
                missing.add(m.group(1));
            }
        }
        assertEquals(8, modules, "the root pom lists the eight modules");
        assertTrue(missing.isEmpty(), "docs/architecture.md does not describe " + missing);
    }
}
