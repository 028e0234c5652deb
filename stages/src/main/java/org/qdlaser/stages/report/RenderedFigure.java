package org.qdlaser.stages.report;

import java.util.Arrays;
import java.util.Objects;

/**
 * A rendered figure: PNG and SVG encodings of the same chart. Arrays are cloned on the way in and
 * out; {@link #equals} compares contents.
 *
 * @param png PNG bytes
 * @param svg SVG bytes (UTF-8 XML)
 */
public record RenderedFigure(byte[] png, byte[] svg) {

  public RenderedFigure {
    Objects.requireNonNull(png, "png");
    Objects.requireNonNull(svg, "svg");
    png = png.clone();
    svg = svg.clone();
  }

  @Override
  public byte[] png() {
    return png.clone();
  }

  @Override
  public byte[] svg() {
    return svg.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RenderedFigure r && Arrays.equals(png, r.png) && Arrays.equals(svg, r.svg);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(png) + Arrays.hashCode(svg);
  }

  @Override
  public String toString() {
    return "RenderedFigure[png=" + png.length + " bytes, svg=" + svg.length + " bytes]";
  }
}
