package org.qdlaser.stages.numerics.sparse;

import java.util.Arrays;
import java.util.Objects;

/**
 * Fill-reducing orderings for sparse LU factorisation: approximate minimum degree (the default of
 * {@link SparseLuSolver}) and a one-level dissection by the graph's hubs ({@link #hubDissection}).
 *
 * <p>{@link #approximateMinimumDegree} is an approximate minimum degree ordering (Amestoy, Davis
 * &amp; Duff, SIAM J. Matrix Anal. Appl. 17, 1996) of the graph of A + A^T, written for this project
 * from the paper's description: a quotient graph of variables and elements (eliminated pivots,
 * each standing for the clique of its neighbours), element absorption, the approximate external
 * degree bound d_i = min(remaining, d_i + |L_p \ i|, |A_i \ i| + |L_p \ i| + sum_e |L_e \ L_p|),
 * supervariables (indistinguishable variables, found by hashing their adjacency and merged) and
 * dense-node removal (nodes of degree above max(16, 10 sqrt(n)) go last, unordered, as in AMD; the
 * field columns of the laser models touch every row). Elements whose variables all lie in the new
 * pivot's element are absorbed into it. Postordering of the elimination tree is omitted: it
 * reorders independent subtrees (for locality) and does not change the fill.
 *
 * <p>Used as a symmetric ordering (columns and preferred diagonal pivots) by {@link SparseLuSolver};
 * it suits matrices I - cJ whose pattern is nearly symmetric and whose diagonal is structurally
 * non-zero, as for Newton matrices of ODEs.
 */
public final class SparseOrdering {
  private SparseOrdering() {}

  private static final int VARIABLE = 0;
  private static final int ELEMENT = 1;
  /** Absorbed element, merged (non-principal) variable or dense node: no longer in the graph. */
  private static final int DEAD = 2;

  /**
   * Hubs: vertices whose degree in A + A^T exceeds this multiple of the median degree. TPM_d's
   * pair unknowns have degree ~24 and its per-dot unknowns ~14 N, so from N ~ 8 the dots (and the
   * fields and omega, which touch every pair) are hubs and every pair of dots is a piece of 14
   * unknowns; a 2-D grid has no hubs.
   */
  static final int HUB_DEGREE_FACTOR = 4;
  /** Largest piece left by removing the hubs for which {@link #hubDissection} applies. */
  static final int MAX_PIECE = 64;

  /**
   * One level of nested dissection for graphs that fall apart into small pieces when their hubs
   * are removed (vertices of degree above {@link #HUB_DEGREE_FACTOR} times the median, in the graph
   * of A + A^T): every piece in turn, each in its natural order, then the hubs (the separator) in
   * natural order. Eliminating a piece fills only its own rows and columns and those of the hubs
   * it touches, so the fill is at most the pieces' dense blocks and borders plus a dense hub block:
   * for a model whose pair correlations couple two dots each (TPM_d), the pieces are the pairs and
   * the hubs the dots and fields, and this is the order of the model's block structure. Natural
   * order inside a piece keeps the model's field order, which on TPM_d needs fewer off-diagonal
   * pivots than minimum degree's (the two-particle populations after the correlations that feed
   * them).
   *
   * <p>Not the default: on TPM_d's Newton matrices at N = 100 it orders in 0.04 s against AMD's
   * 1.2 s, but fills 2.1x against 1.7x, refactorises no faster and leaves a backward error of
   * 3e-8 against 5e-12 (docs/benchmarks.md); a fixed order for {@link SparseLuSolver} where the
   * one-time ordering cost matters more.
   *
   * @return a new permutation ({@code perm[k]} is eliminated k-th), or null if it does not apply:
   *     a piece larger than {@link #MAX_PIECE}, or a dense hub block (hubs squared) larger than the
   *     pattern's non-zeros
   */
  public static int[] hubDissection(SparsityPattern pattern) {
    Objects.requireNonNull(pattern, "pattern");
    final int n = pattern.n();
    final int[] rs = pattern.rowStart();
    final int[] cols = pattern.columns();
    // Adjacency of A + A^T without the diagonal, duplicates removed, in CSR form.
    final int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) {
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        if (cols[k] != i) {
          start[i + 1]++;
          start[cols[k] + 1]++;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    final int[] adj = new int[start[n]];
    final int[] next = Arrays.copyOf(start, n);
    for (int i = 0; i < n; i++) {
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        final int j = cols[k];
        if (j != i) {
          adj[next[i]++] = j;
          adj[next[j]++] = i;
        }
      }
    }
    final int[] degree = new int[n];
    final int[] mark = new int[n];
    Arrays.fill(mark, -1);
    for (int i = 0; i < n; i++) {
      for (int q = start[i]; q < start[i + 1]; q++) {
        if (mark[adj[q]] != i) {
          mark[adj[q]] = i;
          degree[i]++;
        }
      }
    }
    final int[] sorted = degree.clone();
    Arrays.sort(sorted);
    final long cutoff = (long) HUB_DEGREE_FACTOR * sorted[n / 2];
    final boolean[] hub = new boolean[n];
    long hubs = 0;
    for (int i = 0; i < n; i++) {
      if (degree[i] > cutoff) {
        hub[i] = true;
        hubs++;
      }
    }
    if (hubs * hubs > pattern.nonZeros()) {
      return null;
    }
    // Pieces: connected components without the hubs, found by depth-first search.
    final int[] perm = new int[n];
    final boolean[] placed = new boolean[n];
    final int[] stack = new int[n];
    int emitted = 0;
    for (int s = 0; s < n; s++) {
      if (hub[s] || placed[s]) {
        continue;
      }
      final int first = emitted;
      int top = 0;
      stack[top++] = s;
      placed[s] = true;
      while (top > 0) {
        final int v = stack[--top];
        perm[emitted++] = v;
        if (emitted - first > MAX_PIECE) {
          return null;
        }
        for (int q = start[v]; q < start[v + 1]; q++) {
          final int w = adj[q];
          if (!hub[w] && !placed[w]) {
            placed[w] = true;
            stack[top++] = w;
          }
        }
      }
      Arrays.sort(perm, first, emitted);
    }
    for (int i = 0; i < n; i++) {
      if (hub[i]) {
        perm[emitted++] = i;
      }
    }
    return perm;
  }

  /** Natural order 0..n-1 (for tests and comparisons). */
  public static int[] natural(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    return p;
  }

  /** Orderings kept by {@link #borderedMinimumDegree}: the patterns of one point (bordered and not, a few pump borders). */
  static final int MEMO_SIZE = 4;

  /** Orderings by leading block, done or being computed (a second caller waits for the first one's run). */
  private static final java.util.Map<SparsityPattern, java.util.concurrent.CompletableFuture<int[]>> MEMO =
      new java.util.LinkedHashMap<>(2 * MEMO_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(
            java.util.Map.Entry<SparsityPattern, java.util.concurrent.CompletableFuture<int[]>> eldest) {
          return size() > MEMO_SIZE;
        }
      };

  /** One daemon thread for {@link #prefetchBorderedMinimumDegree}. */
  private static final class Prefetch {
    static final java.util.concurrent.ExecutorService THREAD =
        org.qdlaser.stages.numerics.threads.HelperThreads.single("qdlaser-ordering");
  }

  /**
   * Starts {@link #borderedMinimumDegree} of {@code pattern} on a helper thread if a second core exists,
   * so that the ordering (TPM_d N = 100: 1.2-2.7 s) runs beside the work that precedes the first
   * factorisation (the colouring and the first Jacobian); the factorisation then takes the memoised
   * order, the same permutation as if computed on its own thread.
   */
  public static void prefetchBorderedMinimumDegree(SparsityPattern pattern) {
    Objects.requireNonNull(pattern, "pattern");
    if (Runtime.getRuntime().availableProcessors() < 2) {
      return;
    }
    Prefetch.THREAD.execute(() -> {
      try {
        borderedMinimumDegree(pattern);
      } catch (RuntimeException e) {
        // The factorisation orders again on its own thread and reports the error there.
      }
    });
  }

  /**
   * {@link #approximateMinimumDegree} of the pattern without its trailing dense nodes (degree in A
   * + A^T above AMD's dense threshold), followed by those nodes in natural order, where AMD puts
   * dense nodes anyway. The point of it: a Newton system bordered by dense rows and columns (the
   * rotating frame's omega, a continuation's pump) and the unbordered system of the same model
   * (the non-lasing state) then share one minimum-degree run on the same leading block, which is
   * memoised by pattern ({@link #MEMO_SIZE} patterns, a pure function of the pattern, so the order
   * does not depend on what was ordered before). At TPM_d N = 100 one AMD run costs ~1.2 s (a
   * lasing point needed two: docs/benchmarks.md).
   *
   * @return a new permutation ({@code perm[k]} is eliminated k-th)
   */
  public static int[] borderedMinimumDegree(SparsityPattern pattern) {
    Objects.requireNonNull(pattern, "pattern");
    final int n = pattern.n();
    final int[] rs = pattern.rowStart();
    final int[] cols = pattern.columns();
    // Distinct neighbours (without the diagonal) of the trailing nodes, in A + A^T.
    final int denseThreshold = denseThreshold(n);
    int lead = n;
    final int[] mark = new int[n];
    Arrays.fill(mark, -1);
    while (lead > 1) {
      final int v = lead - 1;
      int degree = 0;
      for (int i = 0; i < n; i++) {
        if (i == v) {
          for (int k = rs[i]; k < rs[i + 1]; k++) {
            if (cols[k] != v && mark[cols[k]] != v) {
              mark[cols[k]] = v;
              degree++;
            }
          }
        } else if (Arrays.binarySearch(cols, rs[i], rs[i + 1], v) >= 0 && mark[i] != v) {
          mark[i] = v;
          degree++;
        }
      }
      if (degree <= denseThreshold) {
        break;
      }
      lead--;
    }
    SparsityPattern leading = lead == n ? pattern : leadingBlock(rs, cols, lead);
    java.util.concurrent.CompletableFuture<int[]> memo;
    boolean mine = false;
    synchronized (MEMO) {
      memo = MEMO.get(leading);
      if (memo == null) {
        memo = new java.util.concurrent.CompletableFuture<>();
        MEMO.put(leading, memo);
        mine = true;
      }
    }
    if (mine) {
      try {
        memo.complete(approximateMinimumDegree(leading));
      } catch (RuntimeException | Error e) {
        synchronized (MEMO) {
          MEMO.remove(leading, memo);
        }
        memo.completeExceptionally(e);
        throw e;
      }
    }
    int[] order;
    try {
      order = memo.join();
    } catch (java.util.concurrent.CompletionException e) {
      order = approximateMinimumDegree(leading); // the other caller's run failed: try on this thread
    }
    int[] perm = Arrays.copyOf(order, n);
    for (int v = lead; v < n; v++) {
      perm[v] = v;
    }
    return perm;
  }

  /** The leading {@code m} x {@code m} block of a CSR pattern. */
  private static SparsityPattern leadingBlock(int[] rs, int[] cols, int m) {
    int[] start = new int[m + 1];
    int[] c = new int[rs[m]];
    int nz = 0;
    for (int i = 0; i < m; i++) {
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        if (cols[k] < m) {
          c[nz++] = cols[k];
        }
      }
      start[i + 1] = nz;
    }
    return new SparsityPattern(m, start, Arrays.copyOf(c, nz));
  }

  /** AMD's dense-node threshold for n nodes: max(16, 10 sqrt(n)). */
  private static int denseThreshold(int n) {
    return Math.max(16, (int) (10 * Math.sqrt(n)));
  }

  /**
   * Approximate minimum degree ordering of the graph of A + A^T.
   *
   * @return a new permutation {@code perm}: {@code perm[k]} is the row/column eliminated k-th
   */
  public static int[] approximateMinimumDegree(SparsityPattern pattern) {
    Objects.requireNonNull(pattern, "pattern");
    final int n = pattern.n();
    final int[] rs = pattern.rowStart();
    final int[] cols = pattern.columns();

    // ---- symmetric adjacency of A + A^T without the diagonal, duplicates removed
    final int[] count = new int[n];
    for (int i = 0; i < n; i++) {
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        int j = cols[k];
        if (j != i) {
          count[i]++;
          count[j]++;
        }
      }
    }
    final int[][] adj = new int[n][];
    for (int i = 0; i < n; i++) {
      adj[i] = new int[count[i]];
    }
    Arrays.fill(count, 0);
    for (int i = 0; i < n; i++) {
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        int j = cols[k];
        if (j != i) {
          adj[i][count[i]++] = j;
          adj[j][count[j]++] = i;
        }
      }
    }
    final int[] mark = new int[n];
    Arrays.fill(mark, -1);
    for (int i = 0; i < n; i++) {
      int m = 0;
      int[] a = adj[i];
      for (int q = 0; q < count[i]; q++) {
        if (mark[a[q]] != i) {
          mark[a[q]] = i;
          a[m++] = a[q];
        }
      }
      count[i] = m;
    }

    // ---- dense nodes: removed from the graph and ordered last
    final int denseThreshold = denseThreshold(n);
    final int[] status = new int[n];
    final boolean[] dense = new boolean[n];
    int denseCount = 0;
    for (int i = 0; i < n; i++) {
      if (count[i] > denseThreshold) {
        dense[i] = true;
        status[i] = DEAD;
        denseCount++;
      }
    }

    // ---- quotient graph: A_i (variables), E_i (elements), L_e (variables of element e)
    final int[][] varAdj = new int[n][];
    final int[] varLen = new int[n];
    final int[][] elemAdj = new int[n][];
    final int[] elemLen = new int[n];
    final int[][] elemVars = new int[n][];
    final int[] elemSize = new int[n]; // weighted |L_e| at creation (unchanged until absorbed)
    final int[] nv = new int[n]; // supervariable weight; 0 for merged or dense nodes
    final int[] degree = new int[n]; // approximate external degree (weighted)
    for (int i = 0; i < n; i++) {
      if (dense[i]) {
        continue;
      }
      nv[i] = 1;
      int m = 0;
      int[] a = new int[count[i]];
      for (int q = 0; q < count[i]; q++) {
        if (!dense[adj[i][q]]) {
          a[m++] = adj[i][q];
        }
      }
      varAdj[i] = a;
      varLen[i] = m;
      degree[i] = m;
      elemAdj[i] = new int[4];
      adj[i] = null;
    }

    // ---- degree buckets: doubly linked lists
    final int[] head = new int[n + 1];
    final int[] next = new int[n];
    final int[] prev = new int[n];
    Arrays.fill(head, -1);
    for (int i = 0; i < n; i++) {
      if (!dense[i]) {
        insert(head, next, prev, degree, i);
      }
    }

    // Chains of variables merged into a principal variable, emitted with it.
    final int[] chainNext = new int[n];
    final int[] chainTail = new int[n];
    Arrays.fill(chainNext, -1);
    for (int i = 0; i < n; i++) {
      chainTail[i] = i;
    }

    final int[] perm = new int[n];
    int emitted = 0;
    int remaining = n - denseCount; // weighted count of uneliminated variables
    int minDegree = 0;
    Arrays.fill(mark, -1);
    int tag = 0;
    final int[] lp = new int[n]; // the new element's variables
    final int[] w = new int[n]; // |L_e \ L_p| per element, valid where wStamp == pivot step
    final int[] wStamp = new int[n];
    Arrays.fill(wStamp, -1);
    final long[] hash = new long[n];
    final int[] hashHead = new int[n];
    final int[] hashNext = new int[n];
    Arrays.fill(hashHead, -1);
    int step = 0;

    while (remaining > 0) {
      while (head[minDegree] < 0) {
        minDegree++;
      }
      final int p = head[minDegree];
      remove(head, next, prev, degree, p);
      step++;

      // ---- L_p = (A_p u union of L_e over e in E_p) \ {p}; absorb the elements of E_p
      tag++;
      mark[p] = tag;
      int lpLen = 0;
      int degme = 0;
      final int[] ap = varAdj[p];
      for (int q = 0; q < varLen[p]; q++) {
        final int j = ap[q];
        if (status[j] == VARIABLE && nv[j] > 0 && mark[j] != tag) {
          mark[j] = tag;
          lp[lpLen++] = j;
          degme += nv[j];
        }
      }
      final int[] ep = elemAdj[p];
      for (int q = 0; q < elemLen[p]; q++) {
        final int e = ep[q];
        if (status[e] != ELEMENT) {
          continue;
        }
        final int[] le = elemVars[e];
        for (final int j : le) {
          if (status[j] == VARIABLE && nv[j] > 0 && mark[j] != tag) {
            mark[j] = tag;
            lp[lpLen++] = j;
            degme += nv[j];
          }
        }
        status[e] = DEAD;
        elemVars[e] = null;
      }
      status[p] = ELEMENT;
      elemVars[p] = Arrays.copyOf(lp, lpLen);
      elemSize[p] = degme;
      varAdj[p] = null;
      elemAdj[p] = null;
      for (int j = p; j >= 0; j = chainNext[j]) {
        perm[emitted++] = j;
      }
      remaining -= nv[p];

      // ---- prune the lists of the variables of L_p and add element p
      for (int q = 0; q < lpLen; q++) {
        final int i = lp[q];
        remove(head, next, prev, degree, i);
        int[] ei = elemAdj[i];
        int m = 0;
        for (int r = 0; r < elemLen[i]; r++) {
          if (status[ei[r]] == ELEMENT) {
            ei[m++] = ei[r];
          }
        }
        if (m == ei.length) {
          ei = Arrays.copyOf(ei, 2 * m + 2);
          elemAdj[i] = ei;
        }
        ei[m++] = p;
        elemLen[i] = m;
        // Variables of L_p (and p) are reachable through element p: drop them from A_i.
        final int[] ai = varAdj[i];
        m = 0;
        for (int r = 0; r < varLen[i]; r++) {
          final int j = ai[r];
          if (status[j] == VARIABLE && nv[j] > 0 && mark[j] != tag) {
            ai[m++] = j;
          }
        }
        varLen[i] = m;
      }

      // ---- w(e) = |L_e \ L_p| for the elements adjacent to L_p
      for (int q = 0; q < lpLen; q++) {
        final int i = lp[q];
        final int[] ei = elemAdj[i];
        for (int r = 0; r < elemLen[i]; r++) {
          final int e = ei[r];
          if (e == p) {
            continue;
          }
          if (wStamp[e] != step) {
            wStamp[e] = step;
            w[e] = elemSize[e];
          }
          w[e] -= nv[i];
        }
      }

      // ---- approximate external degrees; absorb elements with L_e inside L_p
      for (int q = 0; q < lpLen; q++) {
        final int i = lp[q];
        long h = 0;
        int dA = 0;
        final int[] ai = varAdj[i];
        for (int r = 0; r < varLen[i]; r++) {
          dA += nv[ai[r]];
          h += ai[r];
        }
        int dE = 0;
        final int[] ei = elemAdj[i];
        int m = 0;
        for (int r = 0; r < elemLen[i]; r++) {
          final int e = ei[r];
          if (e != p) {
            if (status[e] != ELEMENT) {
              continue;
            }
            if (w[e] == 0) {
              // L_e is a subset of L_p: e adds nothing and is absorbed into p.
              status[e] = DEAD;
              elemVars[e] = null;
              continue;
            }
            dE += w[e];
          }
          ei[m++] = e;
          h += e;
        }
        elemLen[i] = m;
        final int external = degme - nv[i];
        long d = (long) dA + dE + external;
        d = Math.min(d, (long) degree[i] + external);
        d = Math.min(d, remaining - nv[i]);
        degree[i] = (int) Math.max(d, 0);
        hash[i] = h;
      }

      // ---- supervariables: variables of L_p with equal adjacency are merged
      for (int q = 0; q < lpLen; q++) {
        final int i = lp[q];
        final int b = (int) Long.remainderUnsigned(hash[i], n);
        hashNext[i] = hashHead[b];
        hashHead[b] = i;
      }
      for (int q = 0; q < lpLen; q++) {
        final int b = (int) Long.remainderUnsigned(hash[lp[q]], n);
        for (int i = hashHead[b]; i >= 0; i = hashNext[i]) {
          if (nv[i] == 0) {
            continue;
          }
          tag++;
          for (int r = 0; r < varLen[i]; r++) {
            mark[varAdj[i][r]] = tag;
          }
          for (int r = 0; r < elemLen[i]; r++) {
            mark[elemAdj[i][r]] = tag;
          }
          for (int j = hashNext[i]; j >= 0; j = hashNext[j]) {
            if (nv[j] == 0 || hash[j] != hash[i] || varLen[j] != varLen[i] || elemLen[j] != elemLen[i]) {
              continue;
            }
            boolean same = true;
            for (int r = 0; r < varLen[j] && same; r++) {
              same = mark[varAdj[j][r]] == tag;
            }
            for (int r = 0; r < elemLen[j] && same; r++) {
              same = mark[elemAdj[j][r]] == tag;
            }
            if (same) {
              // j joins supervariable i: it was one of i's external neighbours.
              degree[i] = Math.max(0, degree[i] - nv[j]);
              nv[i] += nv[j];
              nv[j] = 0;
              status[j] = DEAD;
              varAdj[j] = null;
              elemAdj[j] = null;
              chainNext[chainTail[i]] = j;
              chainTail[i] = chainTail[j];
            }
          }
        }
        hashHead[b] = -1;
      }

      for (int q = 0; q < lpLen; q++) {
        final int i = lp[q];
        if (nv[i] > 0) {
          insert(head, next, prev, degree, i);
          minDegree = Math.min(minDegree, degree[i]);
        }
      }
    }

    for (int i = 0; i < n; i++) {
      if (dense[i]) {
        perm[emitted++] = i;
      }
    }
    if (emitted != n) {
      throw new IllegalStateException("ordering emitted " + emitted + " of " + n + " nodes");
    }
    return perm;
  }

  private static void insert(int[] head, int[] next, int[] prev, int[] degree, int i) {
    final int d = degree[i];
    next[i] = head[d];
    prev[i] = -1;
    if (head[d] >= 0) {
      prev[head[d]] = i;
    }
    head[d] = i;
  }

  private static void remove(int[] head, int[] next, int[] prev, int[] degree, int i) {
    if (prev[i] >= 0) {
      next[prev[i]] = next[i];
    } else {
      head[degree[i]] = next[i];
    }
    if (next[i] >= 0) {
      prev[next[i]] = prev[i];
    }
  }
}
