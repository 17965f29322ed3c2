package org.dangan.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dangan.workflow.retention.Disposal;
import org.dangan.workflow.transfer.RecordTransfer;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every refusal the code can raise (and the accounts', see AccountRefused) has its text in both languages. */
class RefusalKeysTest {

    private static final Pattern REFUSAL = Pattern.compile(
            "(?:Refused\\.(?:of|invalid|forbidden|notFound|tooLarge|unauthorized|tooManyRequests)|new AccountRefused)\\(\\s*\"([^\"]+)\"");

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

    @Test
    void a_nested_enum_argument_is_translated_by_its_own_outer_qualified_key() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        // Both nested enums are called State: each must be shown by its own outer-qualified text.
        Object disposal = Refused.of("k", Disposal.State.APPROVED).arguments()[0];
        Object transfer = Refused.of("k", RecordTransfer.State.ACCEPTED).arguments()[0];
        assertThat(messages.getMessage((MessageSourceResolvable) disposal, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("待县级审批");
        assertThat(messages.getMessage((MessageSourceResolvable) transfer, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("已接收");
        assertThat(messages.getMessage((MessageSourceResolvable) disposal, Locale.ENGLISH))
                .isEqualTo("awaiting the county's approval");
        Object nested = Refused.of("k", Thread.State.NEW).arguments()[0];
        assertThat(((MessageSourceResolvable) nested).getCodes()).containsExactly("Thread.State.NEW", "State.NEW");
        Object topLevel = Refused.of("k", DayOfWeek.MONDAY).arguments()[0];
        assertThat(((MessageSourceResolvable) topLevel).getCodes()).containsExactly("DayOfWeek.MONDAY");
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RefusalKeysTest.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
