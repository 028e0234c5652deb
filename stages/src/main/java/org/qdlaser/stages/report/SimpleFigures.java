package org.qdlaser.stages.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qdlaser.stages.physics.simple.SpectralModel;
import org.qdlaser.stages.simple.AseSpectra;
import org.qdlaser.stages.simple.CwGain;
import org.qdlaser.stages.simple.SeMap;
import org.qdlaser.stages.simple.SeThresholdCurve;

/**
 * Figures of the Simple Model studies (companion paper Figs. 6d, 7b, 8a, 8c-h, 9a-d) as pure
 * functions from the analyses' results to charts: line figures ({@link LineFigure}), several
 * panels side by side ({@link PanelGrid}). Points that a log axis cannot show (t = 0, W = 0) and
 * undefined values (NaN: no threshold) are left out of the curves.
 */
public final class SimpleFigures {
  /** Size of one panel, pixels. */
  public static final int PANEL_WIDTH = 800;

  public static final int PANEL_HEIGHT = 560;

  private SimpleFigures() {}

  /**
   * Figs. 6d / 7b: (a) steady-state small-signal gain against pump W (log axis), (b) gain against
   * time from the ground state at one pump (log axis).
   */
  public static RenderedFigure cwGain(String title, List<CwGain.Curve> curves, List<CwGain.Trace> traces) {
    List<PointSeries> a = new ArrayList<>();
    for (CwGain.Curve c : curves) {
      a.add(series(c.kind().name(), c.pumps(), c.gain(), true));
    }
    List<PointSeries> b = new ArrayList<>();
    for (CwGain.Trace t : traces) {
      b.add(series(t.kind().name() + String.format(Locale.ROOT, " (W = %s γ_X)", HtmlReport.formatNumber(t.pump())),
          t.times(), t.gain(), true));
    }
    RenderedFigure left = LineFigure.render(panel(title + " (a) steady state", "pump W / γ_X", "gain g / (σ_SE N_dots)", true), a);
    RenderedFigure right = LineFigure.render(panel(title + " (b) transient", "time t γ_X", "gain g / (σ_SE N_dots)", true), b);
    return PanelGrid.compose(List.of(left, right), 2, PANEL_WIDTH, PANEL_HEIGHT);
  }

  /** Fig. 8a: the model's transitions (peak-scaled Gaussians, units of OD_0) against photon energy. */
  public static RenderedFigure lineShapes(String title, double[] energies, Map<SpectralModel.Transition, double[]> lines) {
    List<PointSeries> s = new ArrayList<>();
    for (Map.Entry<SpectralModel.Transition, double[]> e : lines.entrySet()) {
      s.add(series(e.getKey().name(), energies, e.getValue(), false));
    }
    return LineFigure.render(panel(title, "photon energy E / eV", "line shape / OD_0", false), s);
  }

  /**
   * Figs. 8c-f, one model: (a) SE spectra -OD_NL/OD_0 clipped at 0 at the map's occupancies {@code
   * cuts} (the paper's top projection at &lt;N&gt; = 1 and 2), (b) the gain -OD_NL/OD_0 against
   * &lt;N&gt; at the energies of the SE threshold and of the SE maximum (its right projection).
   *
   * @param cuts occupancies to draw in (a); each must be one of the map's rows
   */
  public static RenderedFigure seMap(String title, SeMap map, double[] cuts) {
    double[] occ = map.occupancies();
    List<PointSeries> a = new ArrayList<>();
    for (double n : cuts) {
      int row = -1;
      for (int i = 0; i < occ.length; i++) {
        if (occ[i] == n) {
          row = i;
        }
      }
      if (row < 0) {
        throw new IllegalArgumentException("cut <N> = " + n + " is not a row of the SE map");
      }
      a.add(series("<N> = " + HtmlReport.formatNumber(n), map.energies(), map.seRow(row), false));
    }
    List<PointSeries> b = new ArrayList<>();
    String eTh = HtmlReport.formatNumber(map.threshold().thresholdEnergy());
    String eMax = HtmlReport.formatNumber(map.threshold().maxGainEnergy());
    b.add(series("at E_th = " + eTh + " eV", occ, negate(map.odNlAtThresholdEnergy()), false));
    b.add(series("at E_max = " + eMax + " eV", occ, negate(map.odNlAtMaxGainEnergy()), false));
    RenderedFigure left = LineFigure.render(panel(title + " (a) SE spectra", "photon energy E / eV", "SE / OD_0", false), drawable(a));
    RenderedFigure right = LineFigure.render(panel(title + " (b) buildup", "<N>", "-OD_NL / OD_0", false), drawable(b));
    return PanelGrid.compose(List.of(left, right), 2, PANEL_WIDTH, PANEL_HEIGHT);
  }

  /**
   * Figs. 8g-h: SE threshold &lt;N&gt; against the swept parameter (in meV if it is an energy), the
   * minimum over energies and the value at the energy of the SE maximum, one pair per curve.
   */
  public static RenderedFigure thresholdCurves(String title, List<SeThresholdCurve> curves) {
    List<PointSeries> s = new ArrayList<>();
    String axis = "";
    for (SeThresholdCurve c : curves) {
      boolean energy = c.parameter().unit() == org.qdlaser.stages.physics.simple.SimpleParameter.Unit.ELECTRON_VOLT;
      double[] x = c.values();
      if (energy) {
        for (int i = 0; i < x.length; i++) {
          // eV -> meV; rounded to 1e-9 meV so that 2.5e-3 eV reads 2.5, not 2.500000000000002, on the axis
          x[i] = Math.rint(x[i] * 1e12) / 1e9;
        }
      }
      axis = c.parameter().label() + (energy ? " / meV" : "");
      s.add(series(c.kind().name() + " at E_th", x, c.thresholdN(), false));
      s.add(series(c.kind().name() + " at E_max", x, c.thresholdNAtMaxGainEnergy(), false));
    }
    return LineFigure.render(panel(title, axis, "SE threshold <N>", false), drawable(s));
  }

  /**
   * Figs. 9a-d, one model: ASE spectra at each fluence on a log intensity axis (the spike grows
   * exponentially with the gain; intensities that underflow to 0 are not drawn).
   */
  public static RenderedFigure aseSpectra(String title, AseSpectra a) {
    List<PointSeries> s = new ArrayList<>();
    double[] j = a.fluences();
    for (int i = 0; i < j.length; i++) {
      double[] y = a.spectrum(i);
      for (int k = 0; k < y.length; k++) {
        y[k] = y[k] > 0 ? y[k] : Double.NaN;
      }
      s.add(series(String.format(Locale.ROOT, "J = %s mJ/cm²", HtmlReport.formatNumber(j[i])), a.energies(), y, false));
    }
    return LineFigure.render(panel(title, "photon energy E / eV", "ASE intensity / a.u.", false).withLogY(true), drawable(s));
  }

  private static FigureSpec panel(String title, String x, String y, boolean logX) {
    return new FigureSpec(title, x, y, logX, false, PANEL_WIDTH, PANEL_HEIGHT);
  }

  private static double[] negate(double[] v) {
    double[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = -out[i];
    }
    return out;
  }

  /** The finite points of (x, y), and only x &gt; 0 for a log x axis. */
  private static PointSeries series(String name, double[] x, double[] y, boolean logX) {
    int n = 0;
    double[] xs = new double[x.length];
    double[] ys = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logX || x[i] > 0)) {
        xs[n] = x[i];
        ys[n] = y[i];
        n++;
      }
    }
    return new PointSeries(name, java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n), null);
  }

  /** The series with points (a model without SE has an empty buildup curve). */
  private static List<PointSeries> drawable(List<PointSeries> s) {
    List<PointSeries> out = new ArrayList<>();
    for (PointSeries p : s) {
      if (p.x().length > 0) {
        out.add(p);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no curve has a finite point to draw");
    }
    return out;
  }
}
