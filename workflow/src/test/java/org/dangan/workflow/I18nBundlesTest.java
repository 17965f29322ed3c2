package org.dangan.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dangan.workflow.verification.Rule;
import org.junit.jupiter.api.Test;

class I18nBundlesTest {

    @Test
    void chinese_and_english_messages_have_the_same_keys() throws IOException {
        Properties zh = load("/i18n/messages.properties");
        Properties en = load("/i18n/messages_en.properties");
        assertThat(zh.stringPropertyNames()).as("keys missing in English").isSubsetOf(en.stringPropertyNames());
        assertThat(en.stringPropertyNames()).as("keys missing in Chinese").isSubsetOf(zh.stringPropertyNames());
        assertThat(zh).isNotEmpty();
    }

    /**
     * Branches append their keys; a key written twice silently takes the last text, so two
     * wordings of one state would both look right in review.
     */
    @Test
    void no_bundle_names_a_key_twice() throws IOException {
        for (String bundle : List.of(
                "src/main/resources/i18n/messages.properties",
                "src/main/resources/i18n/messages_en.properties",
                "../ui/src/main/resources/i18n/ui.properties",
                "../ui/src/main/resources/i18n/ui_en.properties")) {
            List<String> keys = Files.readAllLines(Path.of(bundle), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#") && !Character.isWhitespace(l.charAt(0)))
                    .map(l -> l.split("=", 2)[0].strip())
                    .toList();
            assertThat(keys).as(bundle).doesNotHaveDuplicates();
        }
    }

    /** MessageFormat reads a lone apostrophe as a quote and drops the rest of the sentence. */
    @Test
    void messages_with_arguments_double_their_apostrophes() throws IOException {
        for (String bundle : List.of(
                "src/main/resources/i18n/messages.properties",
                "src/main/resources/i18n/messages_en.properties",
                "../ui/src/main/resources/i18n/ui.properties",
                "../ui/src/main/resources/i18n/ui_en.properties")) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(Path.of(bundle), StandardCharsets.UTF_8)) {
                p.load(in);
            }
            assertThat(p).as(bundle).isNotEmpty();
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                if (text.matches("(?s).*\\{\\d.*")) {
                    assertThat(text).as(bundle + " " + key).doesNotContainPattern("(?<!')'(?!')");
                }
            }
        }
    }

    @Test
    void every_message_key_the_code_uses_has_a_message() throws IOException {
        Properties zh = load("/i18n/messages.properties");
        Pattern key = Pattern.compile("\"((?:import|record|id|box|rule)\\.[a-z0-9.]+)\"");
        List<String> used = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(source));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) { // a prefix the code completes, e.g. import.report. + column
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(20);
        for (Rule rule : Rule.values()) {
            used.add(rule.messageKey());
        }
        assertThat(zh.stringPropertyNames()).containsAll(used);
    }

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nBundlesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
