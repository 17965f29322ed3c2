package org.dangan.ocr;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** The image operations the pipeline needs, on 8-bit gray images. */
final class Images {

    private Images() {
    }

    static BufferedImage gray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return gray;
    }

    /** Turns the image clockwise by a multiple of 90 degrees. */
    static BufferedImage rotate(BufferedImage image, int degrees) {
        int turns = Math.floorMod(degrees, 360) / 90;
        if (turns == 0) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean sideways = turns % 2 == 1;
        BufferedImage rotated = new BufferedImage(sideways ? h : w, sideways ? w : h, image.getType());
        Graphics2D g = rotated.createGraphics();
        AffineTransform t = new AffineTransform();
        switch (turns) {
            case 1 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 2 -> { t.translate(w, h); t.rotate(Math.PI); }
            default -> { t.translate(0, w); t.rotate(-Math.PI / 2); }
        }
        g.drawImage(image, t, null);
        g.dispose();
        return rotated;
    }

    /** Turns the image by a small angle (degrees, clockwise positive) around its centre, on white. */
    static BufferedImage deskew(BufferedImage gray, double degrees) {
        BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), gray.getWidth() / 2.0, gray.getHeight() / 2.0);
        g.drawImage(gray, 0, 0, null);
        g.dispose();
        return out;
    }
}
