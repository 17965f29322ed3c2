package org.dangan.workflow.registry;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** 重点人群 of the basic public health service. */
public enum KeyPopulation {
    ELDERLY("老年人"),
    HYPERTENSION("高血压"),
    TYPE2_DIABETES("糖尿病"),
    SEVERE_MENTAL_DISORDER("严重精神障碍"),
    TUBERCULOSIS("肺结核"),
    PREGNANT_POSTPARTUM("孕产妇"),
    CHILD_0_6("儿童");

    private final String chinese;

    KeyPopulation(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** A tag that is itself a diagnosis kept from readers without RESTRICTED_DOCUMENTS. */
    public boolean restricted() {
        return this == SEVERE_MENTAL_DISORDER;
    }

    public static Optional<KeyPopulation> parseOne(String text) {
        String t = text.strip();
        for (KeyPopulation p : values()) {
            if (p.name().equalsIgnoreCase(t) || t.startsWith(p.chinese)) {
                return Optional.of(p);
            }
        }
        return switch (t.toUpperCase(Locale.ROOT)) {
            case "2型糖尿病", "DIABETES" -> Optional.of(TYPE2_DIABETES);
            case "结核病", "TB" -> Optional.of(TUBERCULOSIS);
            case "0-6岁儿童", "0~6岁儿童", "CHILD" -> Optional.of(CHILD_0_6);
            case "孕妇", "产妇" -> Optional.of(PREGNANT_POSTPARTUM);
            case "精神障碍", "重性精神病" -> Optional.of(SEVERE_MENTAL_DISORDER);
            default -> Optional.empty();
        };
    }

    /**
     * Free text (a finding's detail, a waiver's reason) with every word that names a restricted tag
     * replaced by {@code ***}, for readers who may not know it (see {@link RestrictedWords}).
     */
    public static String withoutRestrictedNames(String text) {
        return RestrictedWords.hidden(text);
    }

    /** Stored as a comma-separated list of names, so a list filter is one LIKE. */
    public static String toColumn(Set<KeyPopulation> tags) {
        return tags.isEmpty()
                ? ""
                : String.join(",", tags.stream().sorted().map(Enum::name).toList());
    }

    /**
     * The tags of a column, those this version does not know left out: for counting over a whole
     * county, where one row written by an older or foreign tool must not stop the night's figures.
     */
    public static Set<KeyPopulation> knownOf(String column) {
        Set<KeyPopulation> tags = EnumSet.noneOf(KeyPopulation.class);
        if (column != null && !column.isBlank()) {
            for (String name : column.split(",")) {
                for (KeyPopulation p : values()) {
                    if (p.name().equals(name.strip())) {
                        tags.add(p);
                    }
                }
            }
        }
        return tags;
    }

    public static Set<KeyPopulation> fromColumn(String column) {
        Set<KeyPopulation> tags = EnumSet.noneOf(KeyPopulation.class);
        if (column != null && !column.isBlank()) {
            for (String name : column.split(",")) {
                tags.add(valueOf(name));
            }
        }
        return tags;
    }
}
