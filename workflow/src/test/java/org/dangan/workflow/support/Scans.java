package org.dangan.workflow.support;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Scans to submit in tests: a clean A4-wide page of Chinese lines, and a poor one that recognition marks for review. */
public final class Scans {

    /** A lab report's lines, as printed on the page. */
    public static final List<String> REPORT =
            List.of("石家庄市正定县诸福屯镇卫生院", "血常规检验报告单", "姓名：王秀英  性别：女  年龄：67岁", "白细胞计数 6.2 红细胞计数 4.5");

    private Scans() {}

    /** The lines drawn at the font size (pixels), as PNG. */
    public static byte[] page(List<String> lines, int fontSize) {
        BufferedImage image = new BufferedImage(2480, 1000, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("WenQuanYi Zen Hei", Font.PLAIN, fontSize));
        int y = 200;
        for (String line : lines) {
            g.drawString(line, 200, y);
            y += fontSize * 5 / 2;
        }
        g.dispose();
        return png(image);
    }

    /** A poor scan of the report: small text blown up four times, blocky, with specks; recognised with low confidence. */
    public static byte[] fuzzy() {
        BufferedImage small;
        try {
            small = ImageIO.read(new ByteArrayInputStream(page(REPORT, 10)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BufferedImage big = new BufferedImage(small.getWidth(), small.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = big.createGraphics();
        g.drawImage(
                small.getSubimage(0, 0, small.getWidth() / 4, small.getHeight() / 4),
                0,
                0,
                small.getWidth(),
                small.getHeight(),
                null);
        Random random = new Random(7);
        g.setColor(Color.BLACK);
        for (int i = 0; i < 4000; i++) {
            g.fillRect(random.nextInt(big.getWidth()), random.nextInt(big.getHeight()), 3, 3);
        }
        g.dispose();
        return png(big);
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
