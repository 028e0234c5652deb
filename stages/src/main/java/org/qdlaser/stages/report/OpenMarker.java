package org.qdlaser.stages.report;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import org.knowm.xchart.style.markers.Marker;

/**
 * A hollow circle: marks points that are not steady states (unsettled samples, whose values are
 * those of the end of a transient), beside the filled markers of steady states.
 */
final class OpenMarker extends Marker {
  @Override
  public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
    g.setStroke(new BasicStroke(Math.max(1.5f, markerSize / 5f)));
    double r = markerSize / 2.0;
    g.draw(new Ellipse2D.Double(xOffset - r, yOffset - r, markerSize, markerSize));
  }
}
