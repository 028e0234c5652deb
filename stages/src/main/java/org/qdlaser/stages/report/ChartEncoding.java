package org.qdlaser.stages.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.XYChart;

/** A chart's PNG and SVG bytes, in memory (the report never touches the file system). */
final class ChartEncoding {
  private ChartEncoding() {}

  /**
   * PNG bytes of the chart. Same pixels and PNG writer as {@link BitmapEncoder#getBitmapBytes},
   * but written through an in-memory image stream: {@code ImageIO.write(.., OutputStream)} caches
   * through a temporary file in {@code java.io.tmpdir} by default, and this stage must not touch
   * the file system.
   */
  static byte[] encodePng(XYChart chart) {
    BufferedImage image = BitmapEncoder.getBufferedImage(chart);
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IllegalStateException("no PNG ImageWriter available");
    }
    ImageWriter writer = writers.next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), null);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /**
   * SVG bytes of the chart (UTF-8), via XChart's stream API {@link
   * VectorGraphicsEncoder#saveVectorGraphic(org.knowm.xchart.internal.chartpart.Chart,
   * java.io.OutputStream, VectorGraphicsFormat)}. The SVG 1.1 DOCTYPE that VectorGraphics2D writes
   * is removed: it names an external DTD on w3.org that XML parsers try to download (no entity of
   * it is used; browsers ignore it).
   */
  static byte[] encodeSvg(XYChart chart) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try {
      VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException("SVG encoding failed", e);
    }
    return stripDoctype(bytes.toByteArray());
  }

  private static final byte[] SVG_DOCTYPE =
      ("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\""
              + " \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">")
          .getBytes(StandardCharsets.US_ASCII);

  /** Removes the first occurrence of the SVG 1.1 DOCTYPE (and its line break) in the prolog. */
  static byte[] stripDoctype(byte[] svg) {
    int limit = Math.min(svg.length - SVG_DOCTYPE.length, 512);
    for (int at = 0; at <= limit; at++) {
      if (Arrays.equals(svg, at, at + SVG_DOCTYPE.length, SVG_DOCTYPE, 0, SVG_DOCTYPE.length)) {
        int end = at + SVG_DOCTYPE.length;
        while (end < svg.length && (svg[end] == '\n' || svg[end] == '\r')) {
          end++;
        }
        byte[] out = new byte[svg.length - (end - at)];
        System.arraycopy(svg, 0, out, 0, at);
        System.arraycopy(svg, end, out, at, svg.length - end);
        return out;
      }
    }
    return svg;
  }
}
