package org.ecgleadlab.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Puts finished pictures together, e.g. an exam's {@link EcgPlot} beside a chart of its lead ranking. */
public final class Images {
    private static final int GAP = 12;

    static {
        Plots.useHeadlessAwt();
    }

    private Images() {
    }

    /** The images left to right, tops aligned, on white, {@value #GAP} px apart. */
    public static BufferedImage beside(List<BufferedImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("nothing to put side by side");
        }
        int width = images.stream().mapToInt(BufferedImage::getWidth).sum() + GAP * (images.size() - 1);
        int height = images.stream().mapToInt(BufferedImage::getHeight).max().orElseThrow();
        BufferedImage row = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = row.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int x = 0;
            for (BufferedImage image : images) {
                g.drawImage(image, x, 0, null);
                x += image.getWidth() + GAP;
            }
        } finally {
            g.dispose();
        }
        return row;
    }
}
