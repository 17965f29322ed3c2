package org.dangan.ui;

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
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.custody.CustodyEvent;
import org.dangan.workflow.document.DocumentState;
import org.dangan.workflow.institution.InstitutionStatus;
import org.dangan.workflow.institution.InstitutionType;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.PaperFileState;
import org.dangan.workflow.registry.RecordStatus;
import org.dangan.workflow.registry.importing.ImportMode;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.verification.CampaignState;
import org.dangan.workflow.verification.FindingStatus;
import org.dangan.workflow.verification.InstitutionCheckState;
import org.dangan.workflow.verification.Rule;
import org.dangan.workflow.verification.SampleChecks;
import org.dangan.workflow.verification.Severity;
import org.junit.jupiter.api.Test;

/** A screen never shows a raw key: both languages have every key the views ask for. */
class UiBundlesTest {

    @Test
    void chinese_and_english_screen_texts_have_the_same_keys() throws IOException {
        Properties zh = load("/i18n/ui.properties");
        Properties en = load("/i18n/ui_en.properties");
        assertThat(en.stringPropertyNames()).as("missing in English").containsAll(zh.stringPropertyNames());
        assertThat(zh.stringPropertyNames()).as("missing in Chinese").containsAll(en.stringPropertyNames());
    }

    @Test
    void no_screen_text_shares_a_key_with_a_different_domain_message() throws IOException {
        // the messages bundle is read first: a shared key showed a refusal ("请选择一种排序方式") as the
        // search screen's sort label
        for (String language : List.of("", "_en")) {
            Properties screens = load("/i18n/ui" + language + ".properties");
            Properties domain = load("/i18n/messages" + language + ".properties");
            assertThat(screens.stringPropertyNames().stream()
                            .filter(k -> domain.containsKey(k)
                                    && !domain.getProperty(k).equals(screens.getProperty(k))))
                    .as("keys in ui%s and messages%s with different texts", language, language)
                    .isEmpty();
        }
    }

    @Test
    void every_key_the_views_use_exists() throws IOException {
        // the screens translate through both bundles: their own and the domain's (refusals, task kinds)
        Properties zh = load("/i18n/ui.properties");
        zh.putAll(load("/i18n/messages.properties"));
        List<String> used = new ArrayList<>();
        Pattern literal = Pattern.compile("getTranslation\\(\\s*\"([a-zA-Z0-9.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(40);
        assertThat(zh.stringPropertyNames()).containsAll(used);
    }

    @Test
    void every_enum_value_shown_on_screen_has_a_label() throws IOException {
        Properties zh = load("/i18n/ui.properties");
        List<String> keys = new ArrayList<>();
        add(keys, "role.", Role.values());
        add(keys, "home.role.", Role.values());
        add(keys, "status.", RecordStatus.values());
        add(keys, "population.", KeyPopulation.values());
        add(keys, "gender.", Gender.values());
        add(keys, "documentType.", DocumentType.values());
        add(keys, "paperFileState.", PaperFileState.values());
        add(keys, "institutionType.", InstitutionType.values());
        add(keys, "institutionStatus.", InstitutionStatus.values());
        add(keys, "auditAction.", AuditAction.values());
        add(keys, "import.mode.", ImportMode.values());
        add(keys, "ruleName.", Rule.values());
        add(keys, "severity.", Severity.values());
        add(keys, "findingStatus.", FindingStatus.values());
        add(keys, "campaignState.", CampaignState.values());
        add(keys, "institutionCheckState.", InstitutionCheckState.values());
        add(keys, "verdict.", SampleChecks.Verdict.values());
        add(keys, "documentState.", DocumentState.values());
        add(keys, "custodyEvent.", CustodyEvent.values());
        assertThat(zh.stringPropertyNames()).containsAll(keys);
    }

    private static void add(List<String> keys, String prefix, Enum<?>[] values) {
        for (Enum<?> v : values) {
            keys.add(prefix + v.name());
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = UiBundlesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
