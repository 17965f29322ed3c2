package org.dangan.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The spellings two attacks with the demo accounts got past the masking (issue 21), and ordinary
 * reasons the second attack saw refused. FindingsTest covers the same words through a waiver.
 */
class RestrictedWordsTest {

    @Test
    void a_reason_naming_the_disorder_however_written_is_named() {
        for (String reason : List.of(
                "<患精神分裂症，长期服用氯氮平>",
                "诊断<精神分裂症>，已转专科",
                "精\u3164神\u3164分\u3164裂\u3164症",
                "双\uFFA0相\uFFA0情\uFFA0感\uFFA0障\uFFA0碍",
                "\u202E症裂分神精患者本\u202C",
                "本人患思觉失调症，长期住院",
                "思覺失調症患者，不便随访",
                "双极性情感障碍，长期服药",
                "狂躁症发作期，家属拒绝入户",
                "双向情感障碍，长期服药",
                "重精患者，服五氟利多",
                "长期住精神专科医院",
                "服鲁拉西酮、布南色林、氨磺必利治疗",
                "shizophrenia, on zyprexa",
                "bıpolar disorder, on seroquel and abilify",
                "schizօphrenia, psycosis, mania",
                "精\u200b神\u200b分\u200b裂\u200b症",
                "ｓｃｈｉｚｏｐｈｒｅｎｉａ",
                "jīngshén fēnlièzhèng")) {
            assertThat(RestrictedWords.named(reason)).as(reason).isTrue();
            assertThat(RestrictedWords.hidden(reason))
                    .as(reason)
                    .doesNotContain("分裂", "思觉", "思覺", "双极", "双向", "狂躁", "精", "鲁拉西酮", "五氟利多")
                    .doesNotContainIgnoringCase("schiz")
                    .doesNotContainIgnoringCase("bıpolar")
                    .doesNotContainIgnoringCase("zyprexa");
        }
    }

    @Test
    void short_or_ambiguous_words_are_hidden_but_not_refused() {
        for (String reason : List.of("精分患者，由监护人代管", "在精卫中心长期住院，由精防医生随访", "686项目管理对象", "ICD-10 F20.0，外院确诊")) {
            assertThat(RestrictedWords.named(reason)).as(reason).isFalse();
            assertThat(RestrictedWords.hidden(reason))
                    .as(reason)
                    .contains("***")
                    .doesNotContain("精分", "精卫", "精防", "686项目", "F20");
        }
    }

    @Test
    void ordinary_reasons_are_not_refused() {
        for (String reason : List.of(
                "老人长期卧床，家属代为说明情况，精神状态尚可",
                "入户三次均无人，村医王芮达确认其常年外出",
                "居民因严重精力不足暂缓体检",
                "本人外出经商，体重精确数据无法采集",
                "已迁往 Beijing Shenzhen 一带务工",
                "户主张永精分户迁往外地",
                "李双极外出务工",
                "经李精卫生院确认死亡",
                "迁至XX大厦F20层",
                "Moved away as of 2021",
                "在上海某路686项目部工地务工",
                "不要妄想多要补贴",
                "居民已死亡，家属已告知",
                "重复建档，已注销",
                "按专项管理规定处理")) {
            assertThat(RestrictedWords.named(reason)).as(reason).isFalse();
        }
        assertThat(RestrictedWords.hidden("居民已死亡，家属已告知")).isEqualTo("居民已死亡，家属已告知");
        // too common to refuse, still hidden from a reader without the permission
        assertThat(RestrictedWords.hidden("老人长期卧床，精神状态尚可")).isEqualTo("老人长期卧床，***状态尚可");
    }

    @Test
    void a_masked_text_keeps_what_is_not_restricted_and_covers_markup_both_ways() {
        assertThat(RestrictedWords.hidden("诊断：<精神分裂症>，长期服氯氮平")).isEqualTo("诊断：<***>，长期服***");
        assertThat(RestrictedWords.hidden("精<b></b>神分裂症患者")).isEqualTo("***患者");
        assertThat(RestrictedWords.hidden("\u202E症裂分神精患者本\u202C")).isEqualTo("***");
        assertThat(RestrictedWords.hidden(null)).isNull();
    }
}
