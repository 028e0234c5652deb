package org.qdlaser.stages.numerics.sparse;

import org.qdlaser.stages.numerics.linear.LinearSolver;

import java.util.Arrays;
import java.util.Objects;

/**
 * Sparse direct LU factorisation P A Q = L U (Gilbert &amp; Peierls, SIAM J. Sci. Stat. Comput. 9,
 * 1988: left-looking, one sparse triangular solve per column whose non-zero structure is found by
 * a depth-first search in the graph of L), written for this project.
 *
 * <p>Columns are taken in a fill-reducing order Q, by default {@link
 * SparseOrdering#borderedMinimumDegree} (approximate minimum degree of A + A^T, trailing dense
 * borders last), computed once per sparsity pattern and reused. Each factorisation first scales the
 * rows of A by powers of two to a largest entry in [1, 2) (exact, so the scaling adds no rounding;
 * it makes the pivot test compare like with like, as KLU and UMFPACK do), then chooses rows by
 * threshold partial pivoting with a preference for the diagonal: the diagonal entry of the column
 * (which the symmetric ordering assumed) is the pivot if its modulus is at least {@code
 * pivotThreshold} times the largest candidate in the column; otherwise, among the candidates that
 * pass that test, the one whose row of A has the fewest entries (a Markowitz-style choice: the
 * pivot row's entries become fill), the larger on a tie. Growth is bounded by 1/threshold per
 * step, while the fill stays close to the ordering's prediction. Taking the largest candidate
 * instead made TPM_d's Newton matrices fill 6-10x instead of 1.7x: their two-particle unknowns
 * CCcc have a decay rate far below the couplings of their column, so about a third of the pivots
 * are off the diagonal, and the largest candidate was often a long row (docs/benchmarks.md). As in
 * {@link DenseLuSolver} only an exactly zero or non-finite pivot counts as singular.
 *
 * <p>Refactorisation: when a matrix on the same pattern was factorised before, {@link #factor}
 * first reuses that factorisation's row order and the structure of L and U and only recomputes the
 * values (the idea of KLU's refactor: no depth-first searches and no pivot search; about half the
 * time). Each reused pivot must still pass the threshold test against its column of L; if one
 * fails, the factorisation is redone with pivoting, from the first step whose stored pivot a fresh
 * pivot search would not choose: the steps before it are what the pivoting factorisation computes,
 * bit for bit, so they are kept (a third of the factors' entries on TPM_d, whose refactorisations
 * fail in the trailing border columns). The Newton matrices I - cJ of an integration change slowly,
 * so nearly all of their factorisations take the fast path.
 *
 * <p>A workspace (not thread safe): L and U live in grow-only internal arrays, so after the first
 * factorisations of a pattern {@link #factor} and {@link #solve} allocate nothing.
 */
public final class SparseLuSolver {
  /**
   * Default diagonal-preference threshold, KLU's default. On the rotating-frame Newton matrices of
   * TPM_d (rows scaled, AMD) 0.1 gave 5.4x fill at N = 100 and 1e-3 gives 1.7x, with the
   * backward error of a solve ~1e-11 and 5e-12 (docs/benchmarks.md); growth is bounded by 1e3 per
   * step, and a refactorisation that finds a reused pivot below it pivots again.
   */
  public static final double DEFAULT_PIVOT_THRESHOLD = 1e-3;

  private final double pivotThreshold;
  private final int[] fixedOrder;

  // ---- symbolic data of the current pattern
  private SparsityPattern pattern;
  private int n = -1;
  private int[] colPerm; // column eliminated at step k
  private int[] csStart; // column access of A: rows csRow[csStart[j] .. csStart[j+1])
  private int[] csRow;
  private int[] csPos; // position of that entry in the CSR value array
  private int[] rowCount; // entries of each row of A: the Markowitz tie-break of off-diagonal pivots
  private double[] rowScale; // power of two per row: the scaled row's largest entry is in [1, 2)

  // ---- factors: L unit lower (by columns, row = step number after factor), U strictly upper by columns
  private int[] lStart;
  private int[] lRow = new int[0];
  private double[] lVal = new double[0];
  private int[] uStart;
  private int[] uRow = new int[0];
  private double[] uVal = new double[0];
  private double[] uDiag;
  private int[] pinv; // step at which row i became pivotal, -1 before
  private int[] rowOfStep;
  /**
   * Per step of the last pivoting factorisation: how many of L's entries of that column preceded the pivot row
   * in the depth-first search's topological order (the candidates' order, which decides exact ties of the
   * pivot search). A refactorisation replays the pivot search with it.
   */
  private int[] pivotPosition;
  private boolean factored;
  /** L and U hold a structure and row order (from a pivoting factorisation) that can be reused. */
  private boolean reusable;
  private int offDiagonalPivots;
  private long refactorizations;
  private long pivotingFactorizations;
  private long resumedSteps;
  /** Whether a failed refactorisation hands its leading columns to the pivoting one (package-private for tests). */
  boolean resume = true;

  // ---- work arrays
  private double[] x;
  private int[] reach;
  private int[] stack;
  private int[] pstack;
  private int[] visited;

  /** Solver with the AMD column ordering and the default pivot threshold. */
  public SparseLuSolver() {
    this(DEFAULT_PIVOT_THRESHOLD);
  }

  /** @param pivotThreshold diagonal preference in (0, 1]; 1 is plain partial pivoting */
  public SparseLuSolver(double pivotThreshold) {
    this(pivotThreshold, null);
  }

  /**
   * @param pivotThreshold diagonal preference in (0, 1]; 1 is plain partial pivoting
   * @param columnOrder a fixed column order (copied) instead of AMD, or null for AMD
   */
  public SparseLuSolver(double pivotThreshold, int[] columnOrder) {
    if (!(pivotThreshold > 0 && pivotThreshold <= 1)) {
      throw new IllegalArgumentException("pivotThreshold must be in (0, 1], got " + pivotThreshold);
    }
    this.pivotThreshold = pivotThreshold;
    this.fixedOrder = columnOrder == null ? null : columnOrder.clone();
  }

  /**
   * Computes the column ordering and the column access structure of {@code p}; {@link #factor}
   * does it on the first call for a new pattern. Allocates.
   */
  public void analyse(SparsityPattern p) {
    Objects.requireNonNull(p, "pattern");
    final int n = p.n();
    int[] order = fixedOrder != null ? fixedOrder.clone() : SparseOrdering.borderedMinimumDegree(p);
    checkPermutation(order, n);
    final int[] rs = p.rowStart();
    final int[] cols = p.columns();
    csStart = new int[n + 1];
    for (int c : cols) {
      csStart[c + 1]++;
    }
    for (int j = 0; j < n; j++) {
      csStart[j + 1] += csStart[j];
    }
    csRow = new int[cols.length];
    csPos = new int[cols.length];
    int[] next = Arrays.copyOf(csStart, n);
    for (int i = 0; i < n; i++) {
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        int q = next[cols[k]]++;
        csRow[q] = i;
        csPos[q] = k;
      }
    }
    colPerm = order;
    this.n = n;
    rowCount = new int[n];
    for (int i = 0; i < n; i++) {
      rowCount[i] = rs[i + 1] - rs[i];
    }
    rowScale = new double[n];
    lStart = new int[n + 1];
    uStart = new int[n + 1];
    uDiag = new double[n];
    pinv = new int[n];
    rowOfStep = new int[n];
    pivotPosition = new int[n];
    x = new double[n];
    reach = new int[n];
    stack = new int[n];
    pstack = new int[n];
    visited = new int[n];
    // First capacity of each of L and U (grown by doubling when a column does not fit; the capacity
    // never changes a value): twice nnz(A). The fill of L + U together is ~1.7 nnz(A) on TPM_d's Newton
    // matrices (class comment); 4 nnz(A) each, as before, held 144 MB per solver at N = 100 for 30 MB
    // used, with two solvers alive at once in a point (issue 14 part 2's memory).
    int guess = 2 * cols.length + n;
    if (lRow.length < guess) {
      lRow = new int[guess];
      lVal = new double[guess];
      uRow = new int[guess];
      uVal = new double[guess];
    }
    factored = false;
    reusable = false;
    pattern = p;
  }

  /**
   * Factorises {@code a}. The solver keeps no reference to {@code a}.
   *
   * @throws LinearSolver.SingularMatrixException if a column has no usable pivot (all candidates
   *     zero, or a NaN/Inf); no factorisation is then available
   */
  public void factor(SparseMatrix a) {
    if (pattern == null || (a.pattern() != pattern && !a.pattern().equals(pattern))) {
      analyse(a.pattern());
    }
    factored = false;
    scaleRows(a);
    int from = 0;
    if (reusable) {
      int same = refactor(a);
      if (same == n) {
        refactorizations++;
        factored = true;
        return;
      }
      from = resume ? same : 0;
    }
    reusable = false;
    factorWithPivoting(a, from);
    pivotingFactorizations++;
    reusable = true;
    factored = true;
  }

  /**
   * Row scale factors 2^-e with 2^e the largest |a_ij| of row i rounded down to a power of two (1
   * for a row without a finite non-zero: the pivot test then finds it singular).
   */
  private void scaleRows(SparseMatrix a) {
    final int[] rs = a.rowStart;
    final double[] av = a.values;
    for (int i = 0; i < n; i++) {
      double max = 0.0;
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        max = Math.max(max, Math.abs(av[k]));
      }
      rowScale[i] = max > 0 && max < Double.POSITIVE_INFINITY ? Math.scalb(1.0, -Math.getExponent(max)) : 1.0;
    }
  }

  /**
   * Recomputes the values of L and U for {@code a} with the stored row order and structure. The
   * stored U entries of each column are in topological order (as the pivoting factorisation found
   * them), so one left-looking pass over them is the sparse triangular solve.
   *
   * <p>While every stored pivot is the one a pivoting factorisation's search would choose from the same
   * column ({@link #freshChoice}), that factorisation would also compute the same L and U bit for bit: the
   * same pivots give the same structure, the same depth-first searches, hence the same order of operations.
   * The count of such leading steps lets a pivoting factorisation after a failed refactorisation start
   * there ({@link #factorWithPivoting}) instead of at step 0: TPM_d's refactorisations that fail, fail in
   * the trailing border columns (S4 at 2 gamma: 733 of 2,008 refactorisations, at 93 % of the columns on
   * average), where most of the fill is.
   *
   * @return n if every reused pivot passed the threshold test; otherwise the step the pivoting factorisation
   *     starts at: the first whose stored pivot a fresh search would not choose, or the failing step itself
   *     where the search agrees up to it (an all-zero or non-finite column: the pivoting factorisation then
   *     fails there as it would from step 0). The work array is then clean.
   */
  private int refactor(SparseMatrix a) {
    final int n = this.n;
    final double[] av = a.values;
    final double[] x = this.x; // indexed by step number here
    final double tau = pivotThreshold;
    int same = -1; // the first step whose stored pivot a fresh search would not choose, -1 while none
    for (int k = 0; k < n; k++) {
      final int col = colPerm[k];
      for (int p = csStart[col]; p < csStart[col + 1]; p++) {
        final int i = csRow[p];
        x[pinv[i]] = av[csPos[p]] * rowScale[i];
      }
      for (int p = uStart[k]; p < uStart[k + 1]; p++) {
        final int j = uRow[p];
        final double xj = x[j];
        uVal[p] = xj;
        x[j] = 0.0;
        if (xj != 0.0) {
          for (int q = lStart[j]; q < lStart[j + 1]; q++) {
            x[lRow[q]] -= lVal[q] * xj;
          }
        }
      }
      final double pivot = x[k];
      x[k] = 0.0;
      double max = 0.0;
      for (int q = lStart[k]; q < lStart[k + 1]; q++) {
        max = Math.max(max, Math.abs(x[lRow[q]]));
      }
      if (same < 0 && !freshChoiceIsStored(k, col, pivot, max)) {
        same = k;
      }
      if (!(pivot != 0.0 && Double.isFinite(pivot) && max < Double.POSITIVE_INFINITY && Math.abs(pivot) >= tau * max)) {
        for (int q = lStart[k]; q < lStart[k + 1]; q++) {
          x[lRow[q]] = 0.0;
        }
        return same < 0 ? k : same;
      }
      uDiag[k] = pivot;
      final double inv = 1.0 / pivot;
      for (int q = lStart[k]; q < lStart[k + 1]; q++) {
        final int r = lRow[q];
        lVal[q] = x[r] * inv;
        x[r] = 0.0;
      }
    }
    return n;
  }

  /**
   * Whether {@link #freshChoice} is the stored pivot row. A stored diagonal pivot (most of them) needs no
   * replay: with no NaN among the candidates the search's largest candidate is max(|pivot|, maxL) exactly (a
   * maximum does not depend on the order), and the search takes the diagonal if and only if it passes the
   * threshold against it (if it does not, the sparsest acceptable row is another one). A false "no" (NaN) only
   * makes the pivoting factorisation start earlier; a false "yes" would break the bit-for-bit equality.
   *
   * @param maxL the largest |entry| of L's rows of the column (Math.max: NaN if one is)
   */
  private boolean freshChoiceIsStored(int k, int col, double pivot, double maxL) {
    final int stored = rowOfStep[k];
    if (stored == col) { // a NaN makes the comparison false: a disagreement, which is only conservative
      final double p = Math.abs(pivot);
      return p >= pivotThreshold * Math.max(p, maxL);
    }
    return freshChoice(k, col, pivot) == stored;
  }

  /**
   * The row {@link #factorWithPivoting}'s pivot search would choose at step {@code k} from this column,
   * written in step numbers: x holds the column after its triangular solve (by step), the candidates are the
   * stored pivot (step k) and L's rows of the column, taken in the search's order (the pivot at its stored
   * {@link #pivotPosition}). Valid while every earlier step's pivot is the stored one. Returns an original
   * row index, -1 if every candidate is NaN.
   */
  private int freshChoice(int k, int col, double pivot) {
    final int lo = lStart[k];
    final int hi = lStart[k + 1];
    final int at = lo + pivotPosition[k];
    // The largest candidate, the first of equal ones in the search's order.
    int largest = -1;
    double max = -1.0;
    for (int q = lo; q <= hi; q++) {
      final int s = q < at ? lRow[q] : q == at ? k : lRow[q - 1]; // the pivot (step k) at its place
      final double v = Math.abs(s == k ? pivot : x[s]);
      if (v > max) {
        max = v;
        largest = s;
      }
    }
    final double bar = pivotThreshold * max;
    final int diag = pinv[col]; // the diagonal row's step: a candidate if k, or a row of L's column
    if (diag == k && Math.abs(pivot) >= bar) {
      return col;
    }
    if (diag > k && Math.abs(x[diag]) >= bar && contains(lo, hi, diag)) {
      return col;
    }
    if (largest < 0) {
      return -1;
    }
    // Among the acceptable, the fewest entries in A, the larger value on a tie (sparsestAcceptable).
    int best = largest;
    int bestCount = rowCount[rowOfStep[largest]];
    double bestValue = max;
    for (int q = lo; q <= hi; q++) {
      final int s = q < at ? lRow[q] : q == at ? k : lRow[q - 1];
      final double v = Math.abs(s == k ? pivot : x[s]);
      final int count = rowCount[rowOfStep[s]];
      if (v >= bar && (count < bestCount || (count == bestCount && v > bestValue))) {
        best = s;
        bestCount = count;
        bestValue = v;
      }
    }
    return rowOfStep[best];
  }

  private boolean contains(int lo, int hi, int step) {
    for (int q = lo; q < hi; q++) {
      if (lRow[q] == step) {
        return true;
      }
    }
    return false;
  }

  /**
   * Left-looking factorisation with depth-first searches and threshold partial pivoting, from step {@code
   * from}: the steps before it are kept as the last refactorisation computed them, which is what this
   * factorisation computes there (see {@link #refactor}; their L rows go back to original row numbers, the
   * form the searches walk).
   */
  private void factorWithPivoting(SparseMatrix a, int from) {
    final int n = this.n;
    final double[] av = a.values;
    final double tau = pivotThreshold;
    Arrays.fill(pinv, -1);
    Arrays.fill(visited, -1);
    int lnz = lStart[from];
    int unz = uStart[from];
    int offDiag = 0;
    for (int p = 0; p < lnz; p++) {
      lRow[p] = rowOfStep[lRow[p]];
    }
    for (int k = 0; k < from; k++) {
      pinv[rowOfStep[k]] = k;
      if (rowOfStep[k] != colPerm[k]) {
        offDiag++;
      }
    }
    resumedSteps += from;
    for (int k = from; k < n; k++) {
      final int col = colPerm[k];
      lStart[k] = lnz;
      uStart[k] = unz;

      // Structure of column k of L\A(:,col): rows reachable from A(:,col) in the graph of L.
      int top = n;
      for (int p = csStart[col]; p < csStart[col + 1]; p++) {
        final int i = csRow[p];
        if (visited[i] != k) {
          top = depthFirst(i, k, top);
        }
      }
      for (int p = csStart[col]; p < csStart[col + 1]; p++) {
        final int i = csRow[p];
        x[i] = av[csPos[p]] * rowScale[i];
      }
      // Sparse triangular solve in topological order.
      for (int t = top; t < n; t++) {
        final int i = reach[t];
        final int j = pinv[i];
        if (j < 0) {
          continue;
        }
        final double xj = x[i];
        if (xj != 0.0) {
          for (int p = lStart[j]; p < lStart[j + 1]; p++) {
            x[lRow[p]] -= lVal[p] * xj;
          }
        }
      }

      // Room for this column: at most n - top entries in each of L and U.
      final int count = n - top;
      if (unz + count > uRow.length) {
        int cap = Math.max(2 * uRow.length, unz + count);
        uRow = Arrays.copyOf(uRow, cap);
        uVal = Arrays.copyOf(uVal, cap);
      }
      if (lnz + count > lRow.length) {
        int cap = Math.max(2 * lRow.length, lnz + count);
        lRow = Arrays.copyOf(lRow, cap);
        lVal = Arrays.copyOf(lVal, cap);
      }

      // U part (rows already pivotal) and the pivot candidate of largest modulus.
      int pivotRow = -1;
      double max = -1.0;
      for (int t = top; t < n; t++) {
        final int i = reach[t];
        final int j = pinv[i];
        if (j >= 0) {
          uRow[unz] = j;
          uVal[unz++] = x[i];
        } else {
          final double v = Math.abs(x[i]);
          if (v > max) {
            max = v;
            pivotRow = i;
          }
        }
      }
      if (pinv[col] < 0 && visited[col] == k && Math.abs(x[col]) >= tau * max) {
        pivotRow = col;
      } else if (pivotRow >= 0) {
        pivotRow = sparsestAcceptable(top, pivotRow, tau * max);
        if (pivotRow != col) {
          offDiag++;
        }
      }
      final double pivot = pivotRow < 0 ? 0.0 : x[pivotRow];
      if (!(pivot != 0.0 && Double.isFinite(pivot) && max < Double.POSITIVE_INFINITY)) {
        for (int t = top; t < n; t++) {
          x[reach[t]] = 0.0;
        }
        throw new LinearSolver.SingularMatrixException(
            "sparse matrix is singular: no usable pivot in column " + col + " (step " + k + " of " + n
                + "; largest candidate " + max + ")");
      }
      uDiag[k] = pivot;
      pinv[pivotRow] = k;
      rowOfStep[k] = pivotRow;
      final double inv = 1.0 / pivot;
      pivotPosition[k] = -1;
      for (int t = top; t < n; t++) {
        final int i = reach[t];
        if (i == pivotRow) {
          pivotPosition[k] = lnz - lStart[k];
        }
        if (pinv[i] < 0) {
          lRow[lnz] = i; // original row index until the end of the factorisation
          lVal[lnz++] = x[i] * inv;
        }
        x[i] = 0.0;
      }
    }
    lStart[n] = lnz;
    uStart[n] = unz;
    for (int p = 0; p < lnz; p++) {
      lRow[p] = pinv[lRow[p]];
    }
    offDiagonalPivots = offDiag;
  }

  /**
   * Among the non-pivotal rows of reach[top..n) whose value in the work array is at least {@code
   * bar}, the one with the fewest entries in A (the larger value on a tie); {@code largest} passes.
   */
  private int sparsestAcceptable(int top, int largest, double bar) {
    int best = largest;
    int bestCount = rowCount[largest];
    double bestValue = Math.abs(x[largest]);
    for (int t = top; t < n; t++) {
      final int i = reach[t];
      if (pinv[i] < 0) {
        final double v = Math.abs(x[i]);
        if (v >= bar && (rowCount[i] < bestCount || (rowCount[i] == bestCount && v > bestValue))) {
          best = i;
          bestCount = rowCount[i];
          bestValue = v;
        }
      }
    }
    return best;
  }

  /**
   * Iterative depth-first search from row {@code start} in the graph of L (row i leads to the rows
   * of L's column pinv[i] once i is pivotal); appends the finished rows below {@code top} of
   * {@link #reach}, so that reach[top..n) is a topological order.
   */
  private int depthFirst(int start, int stamp, int top) {
    int head = 0;
    stack[0] = start;
    while (head >= 0) {
      final int i = stack[head];
      final int j = pinv[i];
      if (visited[i] != stamp) {
        visited[i] = stamp;
        pstack[head] = j < 0 ? 0 : lStart[j];
      }
      boolean done = true;
      if (j >= 0) {
        final int end = lStart[j + 1];
        for (int p = pstack[head]; p < end; p++) {
          final int r = lRow[p];
          if (visited[r] != stamp) {
            pstack[head] = p + 1;
            stack[++head] = r;
            done = false;
            break;
          }
        }
      }
      if (done) {
        head--;
        reach[--top] = i;
      }
    }
    return top;
  }

  /**
   * Solves A x = b in place with the last factorisation; allocation-free.
   *
   * @param b right-hand side on entry, solution on return (length at least n)
   * @throws IllegalStateException if there is no valid factorisation
   */
  public void solve(double[] b) {
    if (!factored) {
      throw new IllegalStateException("no valid factorisation (factor() not called or it failed)");
    }
    final int n = this.n;
    if (b.length < n) {
      throw new IllegalArgumentException("b.length " + b.length + " < n = " + n);
    }
    final double[] x = this.x;
    for (int k = 0; k < n; k++) {
      final int i = rowOfStep[k];
      x[k] = b[i] * rowScale[i];
    }
    for (int k = 0; k < n; k++) {
      final double xk = x[k];
      if (xk != 0.0) {
        for (int p = lStart[k]; p < lStart[k + 1]; p++) {
          x[lRow[p]] -= lVal[p] * xk;
        }
      }
    }
    for (int k = n - 1; k >= 0; k--) {
      final double xk = x[k] / uDiag[k];
      x[k] = xk;
      if (xk != 0.0) {
        for (int p = uStart[k]; p < uStart[k + 1]; p++) {
          x[uRow[p]] -= uVal[p] * xk;
        }
      }
    }
    for (int k = 0; k < n; k++) {
      b[colPerm[k]] = x[k];
      x[k] = 0.0;
    }
  }

  /** Dimension of the analysed pattern, -1 before the first analysis. */
  public int dimension() {
    return n;
  }

  /** Non-zeros of L (without its unit diagonal) plus U (with its diagonal) of the last factorisation. */
  public long factorNonZeros() {
    return factored ? (long) lStart[n] + uStart[n] + n : 0;
  }

  /** Factorisations that reused the previous row order and structure (the fast path). */
  public long refactorizations() {
    return refactorizations;
  }

  /** Factorisations with depth-first searches and pivot search (first ones, and fallbacks). */
  public long pivotingFactorizations() {
    return pivotingFactorizations;
  }

  /**
   * Steps that pivoting factorisations took over from the failed refactorisation before them, in all (counted
   * when the take-over starts, also where that factorisation then finds the matrix singular).
   */
  public long resumedSteps() {
    return resumedSteps;
  }

  /** Columns of the last pivoting factorisation whose pivot was not the diagonal entry. */
  public int offDiagonalPivots() {
    return offDiagonalPivots;
  }

  /**
   * Copies of the last factorisation's arrays, each cut to its used length (L's and U's starts, rows and
   * values, U's diagonal, the row of each step, the pivots' positions): for tests that compare factorisations
   * bit for bit.
   */
  Object[] factorsForTest() {
    if (!factored) {
      return new Object[0];
    }
    return new Object[] {lStart.clone(), Arrays.copyOf(lRow, lStart[n]), Arrays.copyOf(lVal, lStart[n]),
        uStart.clone(), Arrays.copyOf(uRow, uStart[n]), Arrays.copyOf(uVal, uStart[n]), uDiag.clone(),
        rowOfStep.clone(), pivotPosition.clone()};
  }

  /** A copy of the column order of the analysed pattern (column eliminated at step k). */
  public int[] columnOrder() {
    return colPerm == null ? null : colPerm.clone();
  }

  private static void checkPermutation(int[] p, int n) {
    if (p.length != n) {
      throw new IllegalArgumentException("column order has length " + p.length + ", need " + n);
    }
    boolean[] seen = new boolean[n];
    for (int v : p) {
      if (v < 0 || v >= n || seen[v]) {
        throw new IllegalArgumentException("column order is not a permutation of 0.." + (n - 1));
      }
      seen[v] = true;
    }
  }
}
