package org.qdlaser.stages.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import org.knowm.xchart.style.markers.Marker;

/** The threshold marker: a diamond about three times the data markers, black outline. */
final class ThresholdDiamond extends Marker {
  private final BasicStroke outline;

  ThresholdDiamond(double scale) {
    outline = new BasicStroke((float) Math.max(1.0, 1.5 * scale));
  }

  @Override
  public void paint(Graphics2D g, double x, double y, int markerSize) {
    double half = 1.4 * markerSize;
    Path2D.Double d = new Path2D.Double();
    d.moveTo(x - half, y);
    d.lineTo(x, y - half);
    d.lineTo(x + half, y);
    d.lineTo(x, y + half);
    d.closePath();
    g.fill(d);
    g.setColor(Color.BLACK);
    g.setStroke(outline);
    g.draw(d);
  }
}
