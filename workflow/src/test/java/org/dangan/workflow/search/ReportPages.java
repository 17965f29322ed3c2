package org.dangan.workflow.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated report pages as primary care files them: examination and laboratory reports with a
 * resident's name, a township health centre, items with values, findings and a report date. The
 * clean text is what the paper says; the scanned text is what OCR returns from it, with a share of
 * characters misread or dropped, as on real scans. Seeded: the same seed makes the same pages.
 */
final class ReportPages {

    record Page(String clean, String scanned, String name, LocalDate date) {}

    static final List<String> SURNAMES =
            List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗");
    static final List<String> GIVEN = List.of(
            "秀英", "建国", "卫东", "桂兰", "淑珍", "志强", "玉梅", "国华", "春花", "文明", "海燕", "建华", "凤英", "德明", "丽娟", "永红", "宏伟", "金凤",
            "小平", "保国");
    static final List<String> PLACES = List.of("诸福屯镇", "南牛乡", "新城铺镇", "北早现乡", "曲阳桥乡", "西平乐乡", "正定镇", "新安镇");
    static final List<String> FINDINGS = List.of(
            "高血压", "2型糖尿病", "脂肪肝", "胆囊结石", "甲状腺结节", "冠心病", "慢性胃炎", "肾囊肿", "颈动脉斑块", "贫血", "高脂血症", "骨质疏松", "慢性支气管炎",
            "前列腺增生", "窦性心动过缓", "房性早搏", "左心室肥厚", "肺结节", "轻度脂肪肝", "尿路感染");

    private record Kind(String title, List<String> items, List<String> phrases) {}

    private static final List<Kind> KINDS = List.of(
            new Kind(
                    "血常规检验报告单",
                    List.of("白细胞计数", "红细胞计数", "血红蛋白", "血小板计数", "中性粒细胞百分比", "淋巴细胞百分比"),
                    List.of("标本类型：静脉血", "检验方法：仪器法")),
            new Kind(
                    "生化检验报告单",
                    List.of("谷丙转氨酶", "谷草转氨酶", "总胆红素", "肌酐", "尿素氮", "空腹血糖", "总胆固醇", "甘油三酯", "低密度脂蛋白胆固醇"),
                    List.of("标本类型：血清", "空腹采血")),
            new Kind("尿常规检验报告单", List.of("尿蛋白", "尿糖", "尿酮体", "尿潜血", "尿白细胞", "尿比重"), List.of("标本类型：晨尿", "干化学法")),
            new Kind("心电图检查报告", List.of("心率", "PR间期", "QRS时限", "QT间期"), List.of("窦性心律", "ST段改变", "T波低平", "电轴左偏")),
            new Kind(
                    "腹部彩色超声检查报告",
                    List.of("肝脏", "胆囊", "胰腺", "脾脏", "双肾"),
                    List.of("肝脏大小形态正常", "胆囊壁光滑", "胰腺显示清晰", "双肾未见明显异常")),
            new Kind("胸部X线检查报告", List.of("双肺纹理", "肺门", "心影", "膈肌"), List.of("双肺纹理增多", "心影不大", "肋膈角锐利")));

    private final Random random;
    private final double noise;

    ReportPages(long seed, double noise) {
        this.random = new Random(seed);
        this.noise = noise;
    }

    Page next() {
        Kind kind = KINDS.get(random.nextInt(KINDS.size()));
        String name = pick(SURNAMES) + pick(GIVEN);
        LocalDate date = LocalDate.of(2019 + random.nextInt(7), 1 + random.nextInt(12), 1 + random.nextInt(28));
        StringBuilder t = new StringBuilder();
        t.append("石家庄市正定县")
                .append(pick(PLACES))
                .append("卫生院\n")
                .append(kind.title())
                .append('\n');
        t.append("姓名：")
                .append(name)
                .append("  性别：")
                .append(random.nextBoolean() ? "男" : "女")
                .append("  年龄：")
                .append(35 + random.nextInt(55))
                .append("岁\n");
        for (String item : kind.items()) {
            if (random.nextInt(4) > 0) {
                t.append(item)
                        .append(' ')
                        .append(random.nextInt(200))
                        .append('.')
                        .append(random.nextInt(10))
                        .append('\n');
            }
        }
        for (String phrase : kind.phrases()) {
            if (random.nextBoolean()) {
                t.append(phrase).append('\n');
            }
        }
        t.append("诊断：").append(pick(FINDINGS));
        if (random.nextInt(3) == 0) {
            t.append(' ').append(pick(FINDINGS));
        }
        t.append("\n检验医师：")
                .append(pick(SURNAMES))
                .append(pick(GIVEN))
                .append("  报告日期：")
                .append(date.getYear())
                .append('年')
                .append(date.getMonthValue())
                .append('月')
                .append(date.getDayOfMonth())
                .append("日\n");
        String clean = t.toString();
        return new Page(clean, scanned(clean), name, date);
    }

    /** What OCR makes of the clean text: some Han characters read as look-alikes, some dropped. */
    private String scanned(String clean) {
        if (noise <= 0) {
            return clean;
        }
        StringBuilder out = new StringBuilder();
        clean.codePoints().forEach(c -> {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && random.nextDouble() < noise) {
                if (random.nextBoolean()) {
                    out.append(LOOK_ALIKES.charAt(random.nextInt(LOOK_ALIKES.length())));
                }
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static final String LOOK_ALIKES = "未末己已巳戊戌拔拨候侯壶壸汩汨刺剌";

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    List<Page> pages(int count) {
        List<Page> pages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pages.add(next());
        }
        return pages;
    }
}
