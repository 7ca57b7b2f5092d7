package org.ecgleadlab.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.ecgleadlab.util.AtomicFiles;

/** Puts finished pictures together, e.g. an exam's {@link EcgPlot} beside a chart of its lead ranking. */
public final class Images {
    private static final int GAP = 12;

    static {
        Plots.useHeadlessAwt();
    }

    private Images() {
    }

    /** An RGB image of the given size, drawn by {@code painter} (its graphics context is disposed after). */
    public static BufferedImage render(int width, int height, Consumer<Graphics2D> painter) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            painter.accept(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes {@code image} as PNG, atomically; returns {@code file}. */
    public static Path savePng(BufferedImage image, Path file) {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
        });
        return file;
    }

    /** The images top to bottom, left edges aligned, on white, {@value #GAP} px apart. */
    public static BufferedImage stacked(List<BufferedImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("nothing to stack");
        }
        int width = images.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
        int height = images.stream().mapToInt(BufferedImage::getHeight).sum() + GAP * (images.size() - 1);
        return render(width, height, g -> {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int y = 0;
            for (BufferedImage image : images) {
                g.drawImage(image, 0, y, null);
                y += image.getHeight() + GAP;
            }
        });
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
