package org.dangan.workflow.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Report pages for the demo's archived documents: examination and laboratory reports as a township issues them. */
final class DemoReports {

    private static final String[] FINDINGS = {
        "高血压", "2型糖尿病", "脂肪肝", "胆囊结石", "甲状腺结节", "冠心病", "慢性胃炎", "颈动脉斑块", "高脂血症", "窦性心动过缓", "房性早搏", "左心室肥厚"
    };
    private static final String[][] KINDS = {
        {"血常规检验报告单", "白细胞计数", "红细胞计数", "血红蛋白", "血小板计数"},
        {"生化检验报告单", "谷丙转氨酶", "肌酐", "空腹血糖", "总胆固醇", "甘油三酯"},
        {"心电图检查报告", "心率", "PR间期", "QRS时限"},
        {"腹部彩色超声检查报告", "肝脏", "胆囊", "胰腺", "双肾"}
    };

    private DemoReports() {}

    static List<String> report(String institution, String name, String gender, int age, LocalDate date, Random random) {
        String[] kind = KINDS[random.nextInt(KINDS.length)];
        List<String> lines = new ArrayList<>();
        lines.add(institution);
        lines.add(kind[0]);
        lines.add("姓名：" + name + "  性别：" + gender + "  年龄：" + age + "岁");
        for (int i = 1; i < kind.length; i++) {
            lines.add(kind[i] + "  " + (10 + random.nextInt(190)) + "." + random.nextInt(10));
        }
        if (kind[0].startsWith("心电图")) {
            lines.add(random.nextBoolean() ? "窦性心律  ST段改变" : "窦性心律  未见明显异常");
        }
        lines.add("诊断：" + FINDINGS[random.nextInt(FINDINGS.length)]);
        lines.add("检验医师：李建国  报告日期：" + date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日");
        return lines;
    }

    static List<String> followUp(String institution, String name, LocalDate date, Random random) {
        return List.of(
                institution,
                "严重精神障碍患者随访服务记录表",
                "姓名：" + name,
                "诊断：" + (random.nextBoolean() ? "精神分裂症" : "双相情感障碍"),
                "危险性评估：0级  服药情况：规律",
                "随访医生：王建华  随访日期：" + date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日");
    }
}
