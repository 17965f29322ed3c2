package org.dangan.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every refusal the code can raise (and the password policy's, see PasswordRefused) has its text in both languages. */
class RefusalKeysTest {

    private static final Pattern REFUSAL =
            Pattern.compile("(?:Refused\\.(?:of|invalid|forbidden|notFound|tooLarge)|new PasswordRefused)\\(\\s*\"([^\"]+)\"");

    @Test
    void every_refusal_key_is_translated_in_chinese_and_english() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = REFUSAL.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        assertThat(keys).as("refusal keys found in the sources").isNotEmpty();
        Properties zh = bundle("/i18n/messages.properties");
        Properties en = bundle("/i18n/messages_en.properties");
        assertThat(keys).allSatisfy(key -> {
            assertThat(zh.getProperty(key)).as("zh-CN text of " + key).isNotBlank();
            assertThat(en.getProperty(key)).as("English text of " + key).isNotBlank();
        });
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RefusalKeysTest.class.getResourceAsStream(name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
