package org.qdlaser.stages.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Several rendered panels of equal size in one figure, row by row (the paper's multi-panel
 * Figs. 8 and 9): the PNGs drawn on one canvas, the SVGs nested as {@code <svg>} elements, each in a
 * translated group, in one SVG document (valid SVG 1.1, so the vector figure stays a single file).
 */
public final class PanelGrid {
  private static final Pattern PROLOG = Pattern.compile("^\\s*<\\?xml[^>]*\\?>\\s*");

  private PanelGrid() {}

  /**
   * @param panels at least one panel, each of {@code width} x {@code height} pixels
   * @param columns panels per row, >= 1
   */
  public static RenderedFigure compose(List<RenderedFigure> panels, int columns, int width, int height) {
    if (panels.isEmpty() || columns < 1) {
      throw new IllegalArgumentException("need at least one panel and one column, got " + panels.size() + " panels, "
          + columns + " columns");
    }
    int rows = (panels.size() + columns - 1) / columns;
    int cols = Math.min(columns, panels.size());
    BufferedImage canvas = new BufferedImage(cols * width, rows * height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n",
        cols * width, rows * height, cols * width, rows * height));
    for (int i = 0; i < panels.size(); i++) {
      int x = (i % columns) * width;
      int y = (i / columns) * height;
      try {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(panels.get(i).png()));
        if (img == null || img.getWidth() != width || img.getHeight() != height) {
          throw new IllegalArgumentException("panel " + i + " is not a " + width + "x" + height + " PNG");
        }
        g.drawImage(img, x, y, null);
      } catch (IOException e) {
        throw new UncheckedIOException("panel " + i + ": PNG not readable", e);
      }
      String inner = PROLOG.matcher(new String(panels.get(i).svg(), StandardCharsets.UTF_8)).replaceFirst("");
      // The panel's own <svg> already sets x and y (0): position it by a translated group.
      svg.append(String.format(Locale.ROOT, "<g transform=\"translate(%d,%d)\">%n", x, y)).append(inner).append("</g>\n");
    }
    g.dispose();
    svg.append("</svg>\n");
    ByteArrayOutputStream png = new ByteArrayOutputStream(256 * 1024);
    try {
      ImageIO.write(canvas, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding failed", e);
    }
    return new RenderedFigure(png.toByteArray(), svg.toString().getBytes(StandardCharsets.UTF_8));
  }
}
