package org.dangan.workflow.registry.importing;

import java.util.Locale;
import java.util.Optional;

/** The columns of a county export, found by header in Chinese (as county systems write them) or English. */
enum ImportColumn {
    RECORD_NUMBER("健康档案编号", "recordNumber", true),
    NAME("姓名", "name", true),
    GENDER("性别", "gender", true),
    BIRTH_DATE("出生日期", "birthDate", true),
    ID_NUMBER("身份证号", "idNumber", true),
    PHONE("联系电话", "phone", false),
    ADDRESS("现住址", "address", false),
    KEY_POPULATIONS("重点人群", "keyPopulations", false),
    LAST_SERVICE_DATE("最近服务日期", "lastServiceDate", false),
    FILE_NUMBER("纸质档案编号", "fileNumber", false),
    PAGE_COUNT("页数", "pageCount", false),
    CONTENTS("档案内容", "contents", false);

    private final String chinese;
    private final String english;
    private final boolean required;

    ImportColumn(String chinese, String english, boolean required) {
        this.chinese = chinese;
        this.english = english;
        this.required = required;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    public boolean required() {
        return required;
    }

    static Optional<ImportColumn> byHeader(String header) {
        String h = header == null ? "" : header.strip().replace("\uFEFF", "");
        for (ImportColumn c : values()) {
            if (c.chinese.equals(h) || c.english.toLowerCase(Locale.ROOT).equals(h.toLowerCase(Locale.ROOT))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
