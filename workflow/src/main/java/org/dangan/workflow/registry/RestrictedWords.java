package org.dangan.workflow.registry;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.dangan.workflow.platform.Refused;

/**
 * Words in free text that tell a reader a resident has a severe mental disorder: the tag's names,
 * the six disorders of the national management rules and their common names, the drugs that treat
 * them (generic and brand names), in Chinese, English and pinyin. Free text is matched as a reader
 * would read it, not as it is coded: letters are compared after compatibility decomposition
 * (full-width letters, accents), case folding, traditional characters and look-alike letters
 * mapped, and with everything a reader's eye skips dropped: white space of every kind, invisible
 * characters (zero-width, soft hyphen, joiners), combining marks, punctuation and markup tags. An
 * attack on the first, plain list got 25 of 32 hostile reasons through that way (issue 21).
 *
 * <p>No list is complete: three attacks each found words and tricks it missed. So a reason that
 * names the disorder is refused when written ({@link #named}, words that can hardly mean anything
 * else), and reading hides more ({@link #hidden}, short and ambiguous words too). It stops honest
 * writing and the known tricks, not a permission holder who means to leak; reasons chosen from a
 * fixed list would (not built, issue 21).
 */
public final class RestrictedWords {

    private static final String MASK = "***";

    /** Traditional forms of the characters in the words below, and letters that look like Latin ones. */
    private static final Map<Integer, Integer> FOLDED = Map.ofEntries(
            Map.entry((int) '嚴', (int) '严'),
            Map.entry((int) '執', (int) '执'),
            Map.entry((int) '礙', (int) '碍'),
            Map.entry((int) '雙', (int) '双'),
            Map.entry((int) '癲', (int) '癫'),
            Map.entry((int) '癇', (int) '痫'),
            Map.entry((int) '發', (int) '发'),
            Map.entry((int) '遲', (int) '迟'),
            Map.entry((int) '滯', (int) '滞'),
            Map.entry((int) '鬱', (int) '郁'),
            Map.entry((int) '奧', (int) '奥'),
            Map.entry((int) '齊', (int) '齐'),
            Map.entry((int) '奮', (int) '奋'),
            Map.entry((int) '靜', (int) '静'),
            Map.entry((int) '鋰', (int) '锂'),
            Map.entry((int) '維', (int) '维'),
            Map.entry((int) '樂', (int) '乐'),
            Map.entry((int) '衛', (int) '卫'),
            Map.entry((int) '藥', (int) '药'),
            Map.entry((int) '達', (int) '达'),
            Map.entry((int) '覺', (int) '觉'),
            Map.entry((int) '調', (int) '调'),
            Map.entry((int) '極', (int) '极'),
            Map.entry((int) '醫', (int) '医'),
            Map.entry((int) '衞', (int) '卫'),
            Map.entry((int) '項', (int) '项'),
            Map.entry((int) '魯', (int) '鲁'),
            Map.entry((int) '欝', (int) '郁'),
            Map.entry((int) '瘋', (int) '疯'),
            Map.entry((int) '經', (int) '经'),
            Map.entry((int) 'ı', (int) 'i'),
            Map.entry((int) 'ɑ', (int) 'a'),
            Map.entry((int) 'ɡ', (int) 'g'),
            Map.entry((int) 'օ', (int) 'o'),
            Map.entry((int) 'а', (int) 'a'),
            Map.entry((int) 'е', (int) 'e'),
            Map.entry((int) 'о', (int) 'o'),
            Map.entry((int) 'р', (int) 'p'),
            Map.entry((int) 'с', (int) 'c'),
            Map.entry((int) 'у', (int) 'y'),
            Map.entry((int) 'х', (int) 'x'),
            Map.entry((int) 'і', (int) 'i'),
            Map.entry((int) 'ј', (int) 'j'),
            Map.entry((int) 'ѕ', (int) 's'),
            Map.entry((int) 'к', (int) 'k'),
            Map.entry((int) 'м', (int) 'm'),
            Map.entry((int) 'н', (int) 'h'),
            Map.entry((int) 'т', (int) 't'),
            Map.entry((int) 'ο', (int) 'o'),
            Map.entry((int) 'α', (int) 'a'),
            Map.entry((int) 'ι', (int) 'i'),
            Map.entry((int) 'ν', (int) 'v'),
            Map.entry((int) 'ρ', (int) 'p'),
            Map.entry((int) 'τ', (int) 't'));

    /**
     * Words a new reason may not contain: each names the disorder or a drug for it, with little
     * chance of meaning anything else. Short or ambiguous words are only hidden (below): refusing
     * them stopped ordinary reasons in an attack (精分户, the names 李双极 and 汪精卫, 大厦F20层).
     */
    private static final List<String> REFUSED = normalised(Stream.of(
            // the tag and the six disorders, with their common and other official names and typos
            "严重精神障碍",
            "重性精神病",
            "精神障碍",
            "精神分裂",
            "精神分列",
            "精神份裂",
            "分裂症",
            "分裂样障碍",
            "思觉失调",
            "统合失调",
            "分裂情感",
            "妄想性障碍",
            "偏执性精神病",
            "偏执性障碍",
            "双相情感",
            "双相性情感",
            "双相障碍",
            "双相型障碍",
            "双向情感障碍",
            "双向障碍",
            "双极性情感",
            "情感障碍",
            "躁郁症",
            "燥郁症",
            "躁狂症",
            "狂躁症",
            "燥狂症",
            "癫痫所致精神障碍",
            "精神发育迟滞",
            "精神病",
            "神精病",
            "精神疾病",
            "精神异常",
            "精神失常",
            "精神残疾",
            "精神卫生中心",
            "精神专科",
            "精神科",
            "精神康复",
            // drugs: generic and brand names, and common misspellings
            "氯氮平",
            "利培酮",
            "利培同",
            "奥氮平",
            "喹硫平",
            "奎硫平",
            "阿立哌唑",
            "阿立派唑",
            "齐拉西酮",
            "帕利哌酮",
            "帕利派酮",
            "鲁拉西酮",
            "布南色林",
            "氨磺必利",
            "氯丙嗪",
            "奋乃静",
            "氟哌啶醇",
            "氟派啶醇",
            "舒必利",
            "五氟利多",
            "氯普噻吨",
            "碳酸锂",
            "维思通",
            "再普乐",
            "思瑞康",
            "安律凡",
            "卓乐定",
            "善思达",
            "欧兰宁",
            // English, whole words or long stems
            "severementaldisorder",
            "mentaldisorder",
            "mentalillness",
            "mentalilness",
            "mentaldisease",
            "schizophren",
            "schizoaffect",
            "bipolardisorder",
            "psychosis",
            "psychoses",
            "psychotic",
            "psychiatr",
            "clozapine",
            "clozaril",
            "risperidone",
            "risperdal",
            "olanzapine",
            "zyprexa",
            "quetiapine",
            "seroquel",
            "aripiprazole",
            "abilify",
            "haloperidol",
            "chlorpromazine",
            "paliperidone",
            "lurasidone",
            // pinyin
            "fenliezheng",
            "jingshenbing"));

    /**
     * Words hidden from a reader: the refused ones and those too short or too ambiguous to refuse,
     * which are better hidden than read in a reason about such a resident ("精神状态尚可" shows as
     * "***状态尚可"; a name with 双极 loses two characters).
     */
    private static final List<String> HIDDEN = normalised(Stream.concat(
            REFUSED.stream(),
            Stream.of(
                    "精神",
                    "重精",
                    "严精",
                    "精障",
                    "精残",
                    "精分",
                    "精卫",
                    "精衞",
                    "精防",
                    "双相",
                    "双极",
                    "躁狂",
                    "狂躁",
                    "躁症",
                    "妄想",
                    "偏执",
                    "疯",
                    "神经病",
                    "芮达",
                    "锂盐",
                    "宛平南路600",
                    "686项目",
                    "f20",
                    "f22",
                    "f25",
                    "f31",
                    "schizo",
                    "shizo",
                    "bipolar",
                    "bipolor",
                    "psychos",
                    "psychot",
                    "pyschos",
                    "pyschot",
                    "psycos",
                    "paranoi",
                    "delusion",
                    "manic",
                    "mania",
                    "lithium",
                    "haldol",
                    "invega",
                    "jingshen",
                    "jsfl",
                    "scz",
                    "smd",
                    "bpd")));

    /** Characters that are letters to Unicode but show as blank space. */
    private static final String BLANK_LETTERS = "\u115F\u1160\u3164\uFFA0\u2800\u17B4\u17B5\u180E";

    /** Controls that make a text display in another order than it is stored. */
    private static final String BIDI_CONTROLS =
            "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

    private static List<String> normalised(Stream<String> words) {
        return words.map(w -> reading(w, true).text())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** A markup tag is skipped whole up to this length; a longer run of text is read as text. */
    private static final int MAX_TAG = 64;

    private RestrictedWords() {}

    /** The text with every restricted word, however it is written, replaced by {@code ***}. */
    public static String hidden(String text) {
        if (text == null) {
            return null;
        }
        if (reordered(text) && HIDDEN.stream().anyMatch(reversed(text)::contains)) {
            return MASK;
        }
        boolean[] masked = new boolean[text.length()];
        boolean any = false;
        // markup is read both ways: tags skipped ("精<b></b>神") and tags' text kept ("<精神分裂症>")
        for (boolean skipTags : new boolean[] {true, false}) {
            any |= mask(reading(text, skipTags), masked);
        }
        if (!any) {
            return text;
        }
        // a run of masked characters (and what the eye skipped between them) becomes one mask, so
        // the mask's length says nothing of the word's
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (!masked[i]) {
                out.append(text.charAt(i));
            } else if (out.isEmpty() || !endsWithMask(out)) {
                out.append(MASK);
            }
        }
        return out.toString();
    }

    /**
     * Refuses free text about a resident that names the disorder, for the texts people without the
     * restricted-documents permission read (a sample's reason, a paper check's note, a transfer's or
     * a return's reason). It stops honest writing, not a writer who means to get round the list.
     */
    public static void refuseNamed(String text) {
        if (named(text)) {
            throw Refused.invalid("text.namesRestricted");
        }
    }

    /** Whether the text names the disorder, a drug for it or its programme, however it is written. */
    public static boolean named(String text) {
        if (text == null) {
            return false;
        }
        List<String> readings = new ArrayList<>(
                List.of(reading(text, true).text(), reading(text, false).text()));
        if (reordered(text)) {
            readings.add(reversed(text));
        }
        return readings.stream().anyMatch(read -> REFUSED.stream().anyMatch(read::contains));
    }

    private static boolean mask(Reading read, boolean[] masked) {
        boolean any = false;
        for (String word : HIDDEN) {
            for (int at = read.text().indexOf(word); at >= 0; ) {
                // a Latin stem takes its whole word as read, "schizo" all of "schizo<i></i>phrenic";
                // the word may run on into the next one, as letters run on when spaces are skipped
                int first = at;
                int last = at + word.length() - 1;
                if (latinLetter(word.charAt(0))) {
                    while (first > 0 && latinLetter(read.text().charAt(first - 1))) {
                        first--;
                    }
                    while (last + 1 < read.text().length()
                            && latinLetter(read.text().charAt(last + 1))) {
                        last++;
                    }
                }
                for (int i = read.origin()[first]; i < read.originEnd()[last]; i++) {
                    masked[i] = true;
                }
                any = true;
                // on after the run just covered: matches inside it would cover it again, and a long
                // run of Latin letters made that quadratic (75 s for 100 KB of "f20")
                at = read.text().indexOf(word, last + 1);
            }
        }
        return any;
    }

    private static boolean reordered(String text) {
        return text.chars().anyMatch(c -> BIDI_CONTROLS.indexOf(c) >= 0);
    }

    /** A text with direction overrides may show its letters right to left: read that way too. */
    private static String reversed(String text) {
        return new StringBuilder(reading(text, true).text()).reverse().toString();
    }

    private static boolean latinLetter(char c) {
        return Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN;
    }

    private static boolean endsWithMask(StringBuilder out) {
        return out.length() >= MASK.length()
                && out.substring(out.length() - MASK.length()).equals(MASK);
    }

    /**
     * The text as a reader reads it, one char per letter kept, with the span of the original text
     * each letter came from.
     */
    private record Reading(String text, int[] origin, int[] originEnd) {}

    private static Reading reading(String text, boolean skipTags) {
        StringBuilder read = new StringBuilder(text.length());
        List<int[]> spans = new ArrayList<>(text.length());
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (skipTags && cp == '<') {
                int close = text.indexOf('>', i + 1);
                if (close > 0 && close - i <= MAX_TAG) {
                    i = close + 1;
                    continue;
                }
            }
            String decomposed = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKD);
            for (int j = 0; j < decomposed.length(); ) {
                int d = decomposed.codePointAt(j);
                j += Character.charCount(d);
                if (skipped(d)) {
                    continue;
                }
                String letter = Character.toString(FOLDED.getOrDefault(d, d)).toLowerCase(Locale.ROOT);
                int mapped = letter.codePointAt(0);
                letter = Character.toString(FOLDED.getOrDefault(mapped, mapped));
                for (int k = 0; k < letter.length(); k++) {
                    read.append(letter.charAt(k));
                    spans.add(new int[] {i, next});
                }
            }
            i = next;
        }
        int[] origin = new int[spans.size()];
        int[] originEnd = new int[spans.size()];
        for (int k = 0; k < spans.size(); k++) {
            origin[k] = spans.get(k)[0];
            originEnd[k] = spans.get(k)[1];
        }
        return new Reading(read.toString(), origin, originEnd);
    }

    /** What the eye skips between letters: space, invisible characters, marks, punctuation, symbols. */
    private static boolean skipped(int cp) {
        if (BLANK_LETTERS.indexOf(cp) >= 0) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.CONTROL,
                    Character.FORMAT,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> Character.isWhitespace(cp);
        };
    }
}
