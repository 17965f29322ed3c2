package org.dangan.workflow.registry;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
     * Words that tell a reader a resident has a severe mental disorder: the tag's names, the six
     * disorders the national management rules list, and the drugs that treat them. A waiver's
     * reason is free text, so the list cannot be complete; it errs towards hiding ("精神" alone
     * goes too). Longest first, so a disorder goes as one word and leaves no half behind.
     */
    private static final List<Pattern> RESTRICTED_WORDS = Stream.of(
                    "SEVERE_MENTAL_DISORDER",
                    "Severe mental disorder",
                    "mental disorder",
                    "mental illness",
                    "schizophrenia",
                    "schizoaffective",
                    "bipolar",
                    "psychosis",
                    "psychotic",
                    "psychiatric",
                    "精神发育迟滞伴发精神障碍",
                    "癫痫所致精神障碍",
                    "分裂情感性障碍",
                    "持久的妄想性障碍",
                    "偏执性精神病",
                    "双相情感障碍",
                    "双相障碍",
                    "精神分裂症",
                    "精神分裂",
                    "重性精神病",
                    "严重精神障碍",
                    "精神障碍",
                    "精神病",
                    "精神疾病",
                    "精神卫生",
                    "精神科",
                    "精神",
                    "重精",
                    "妄想",
                    "躁狂",
                    "氯氮平",
                    "利培酮",
                    "奥氮平",
                    "喹硫平",
                    "阿立哌唑",
                    "齐拉西酮",
                    "帕利哌酮",
                    "氯丙嗪",
                    "奋乃静",
                    "氟哌啶醇",
                    "舒必利",
                    "碳酸锂")
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(KeyPopulation::spaced)
            .toList();

    /** The word with any white space between its letters, as a careless or a crafty writer leaves it. */
    private static Pattern spaced(String word) {
        String[] letters = word.codePoints().mapToObj(Character::toString).toArray(String[]::new);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < letters.length; i++) {
            if (i > 0) {
                regex.append("[\\s\\u3000]*");
            }
            regex.append(letters[i].isBlank() ? "[\\s\\u3000]+" : Pattern.quote(letters[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * Free text (a finding's detail, a waiver's reason) with every word that names a restricted tag
     * (its names in either language, the disorders it covers, their drugs) replaced by {@code ***}:
     * for readers who may not know it.
     */
    public static String withoutRestrictedNames(String text) {
        if (text == null) {
            return null;
        }
        String t = text;
        for (Pattern word : RESTRICTED_WORDS) {
            t = word.matcher(t).replaceAll("***");
        }
        return t;
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
