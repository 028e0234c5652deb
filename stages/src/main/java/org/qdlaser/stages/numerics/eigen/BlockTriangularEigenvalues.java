package org.qdlaser.stages.numerics.eigen;

import java.util.Arrays;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Every eigenvalue of a dense real matrix, block by block: the strongly connected components of the
 * graph of its non-zero entries (i -> j where a_ij != 0), in topological order, permute it to block
 * upper triangular form, whose eigenvalues are those of the diagonal blocks. Exact: only entries
 * that are exactly zero are dropped, so the blocks' spectra are the matrix's (each block's computed
 * by {@link FrancisEigenvalues}, with EJML's QR as the fallback).
 *
 * <p>Why: a dense eigenproblem costs ~10 n^3 flops (most of it the Hessenberg reduction), a split
 * into blocks of sizes n_k costs ~10 sum n_k^3. The rotating-frame Jacobian of a non-lasing state
 * splits exactly by phase charge (every charged field is zero, so no product of fields couples
 * sectors of different charge; docs/decisions.md), and often further; a lasing state's Jacobian is
 * one block and costs what it did.
 *
 * <p>Strong components by Tarjan's algorithm (1972), iterative (no recursion depth limit), O(n^2)
 * on a dense matrix. Not thread-safe: one instance holds its workspaces.
 */
public final class BlockTriangularEigenvalues {
  private BlockTriangularEigenvalues() {}

  /**
   * The eigenvalues of {@code a} (n x n rows, caller-owned, not modified) as {re, im} arrays of
   * length n (new arrays), or null if the QR iteration failed to converge on some block.
   */
  public static double[][] of(double[][] a) {
    int n = a.length;
    int[] component = strongComponents(a);
    int count = 0;
    for (int c : component) {
      count = Math.max(count, c + 1);
    }
    // members of each component, in index order
    int[] start = new int[count + 1];
    for (int c : component) {
      start[c + 1]++;
    }
    for (int c = 0; c < count; c++) {
      start[c + 1] += start[c];
    }
    int[] members = new int[n];
    int[] fill = Arrays.copyOf(start, count);
    for (int i = 0; i < n; i++) {
      members[fill[component[i]]++] = i;
    }
    double[] re = new double[n];
    double[] im = new double[n];
    int out = 0;
    for (int c = 0; c < count; c++) {
      int from = start[c];
      int size = start[c + 1] - from;
      if (size == 1) {
        re[out] = a[members[from]][members[from]];
        im[out++] = 0.0;
        continue;
      }
      // The block is built for the QR alone, which takes it over (one copy of it, not two); the
      // fallback, never seen used, builds it again.
      double[][] ev = FrancisEigenvalues.ofOwned(block(a, members, from, size));
      if (ev == null) {
        ev = ejml(block(a, members, from, size));
        if (ev == null) {
          return null;
        }
      }
      System.arraycopy(ev[0], 0, re, out, size);
      System.arraycopy(ev[1], 0, im, out, size);
      out += size;
    }
    return new double[][] {re, im};
  }

  /** The diagonal block of {@code a} on the indices members[from .. from + size - 1] (new rows). */
  private static double[][] block(double[][] a, int[] members, int from, int size) {
    double[][] block = new double[size][size];
    for (int r = 0; r < size; r++) {
      double[] row = a[members[from + r]];
      double[] b = block[r];
      for (int k = 0; k < size; k++) {
        b[k] = row[members[from + k]];
      }
    }
    return block;
  }

  /**
   * EJML's eigenvalues of {@code a} (the fallback where {@link FrancisEigenvalues} does not converge;
   * none seen), or null if its QR iteration does not converge either.
   */
  public static double[][] ejml(double[][] a) {
    int size = a.length;
    DMatrixRMaj block = new DMatrixRMaj(a);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(size, false);
    if (!eig.decompose(block)) {
      return null;
    }
    double[] re = new double[size];
    double[] im = new double[size];
    for (int k = 0; k < size; k++) {
      Complex_F64 v = eig.getEigenvalue(k);
      re[k] = v.real;
      im[k] = v.imaginary;
    }
    return new double[][] {re, im};
  }

  /**
   * The strong component of each index of the graph i -> j (a_ij != 0), numbered 0, 1, ... (Tarjan:
   * in reverse topological order of the condensation, which the eigenvalues do not depend on).
   */
  public static int[] strongComponents(double[][] a) {
    int n = a.length;
    int[] index = new int[n];
    Arrays.fill(index, -1);
    int[] low = new int[n];
    int[] component = new int[n];
    Arrays.fill(component, -1);
    boolean[] onStack = new boolean[n];
    int[] stack = new int[n];
    int sp = 0;
    // the DFS's own stack: vertex and the next column to look at
    int[] callV = new int[n];
    int[] callNext = new int[n];
    int counter = 0;
    int components = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      int depth = 0;
      callV[0] = root;
      callNext[0] = 0;
      index[root] = low[root] = counter++;
      stack[sp++] = root;
      onStack[root] = true;
      while (depth >= 0) {
        int v = callV[depth];
        double[] row = a[v];
        int j = callNext[depth];
        while (j < n && (row[j] == 0.0 || j == v)) {
          j++;
        }
        if (j < n) {
          callNext[depth] = j + 1;
          if (index[j] < 0) {
            index[j] = low[j] = counter++;
            stack[sp++] = j;
            onStack[j] = true;
            depth++;
            callV[depth] = j;
            callNext[depth] = 0;
          } else if (onStack[j]) {
            low[v] = Math.min(low[v], index[j]);
          }
          continue;
        }
        // v is finished: a root closes its component
        if (low[v] == index[v]) {
          int w;
          do {
            w = stack[--sp];
            onStack[w] = false;
            component[w] = components;
          } while (w != v);
          components++;
        }
        depth--;
        if (depth >= 0) {
          int parent = callV[depth];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
    return component;
  }
}
