package org.dangan.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every user task of every model has a kind and a name in both languages; every kind a task. */
class TaskKindTest {

    @Test
    void the_kinds_are_exactly_the_user_tasks_of_the_models() throws Exception {
        Set<String> inModels = new HashSet<>();
        for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
            try (InputStream in = model.getInputStream()) {
                BpmnModelInstance instance = Bpmn.readModelFromStream(in);
                for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
                    Process process = processOf(task);
                    inModels.add(process.getId() + "/" + task.getId());
                }
            }
        }
        assertThat(inModels).as("user tasks in the models").hasSizeGreaterThanOrEqualTo(19);
        Set<String> kinds = new HashSet<>();
        for (TaskKind kind : TaskKind.values()) {
            kinds.add(kind.processKey() + "/" + kind.taskKey());
            assertThat(TaskKind.of(kind.processKey(), kind.taskKey())).contains(kind);
        }
        assertThat(kinds).isEqualTo(inModels);
    }

    @Test
    void every_kind_is_named_in_chinese_and_english() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        for (TaskKind kind : TaskKind.values()) {
            String zh = messages.getMessage("TaskKind." + kind.name(), null, Locale.SIMPLIFIED_CHINESE);
            String en = messages.getMessage("TaskKind." + kind.name(), null, Locale.ENGLISH);
            assertThat(zh).as(kind.name()).matches(".*\\p{IsHan}.*").doesNotContainPattern("[A-Za-z]{4,}");
            assertThat(en).as(kind.name()).isNotEqualTo(zh);
        }
    }

    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance at = element;
        while (!(at instanceof Process)) {
            at = at.getParentElement();
        }
        return (Process) at;
    }
}
