package org.dangan.workflow.registry;

import java.util.Optional;

/** Document type codes used everywhere: API, database and UI message keys. */
public enum DocumentType {
    BASIC_INFO("个人基本信息表"),
    HEALTH_EXAM("健康体检表"),
    FOLLOW_UP("随访服务记录表"),
    AUX_EXAM_REPORT("辅助检查报告单"),
    SEVERE_MENTAL_DISORDER("严重精神障碍患者管理材料"),
    CONSENT("签约及知情同意书"),
    OTHER("其他");

    private final String chinese;

    DocumentType(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** Severe-mental-disorder material is seen only with the restricted-documents permission. */
    public boolean restricted() {
        return this == SEVERE_MENTAL_DISORDER;
    }

    public static Optional<DocumentType> parse(String text) {
        String t = text.strip();
        for (DocumentType type : values()) {
            if (type.name().equalsIgnoreCase(t) || type.chinese.equals(t)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
