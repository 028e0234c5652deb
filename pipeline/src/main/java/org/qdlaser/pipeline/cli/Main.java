package org.qdlaser.pipeline.cli;
public final class Main { public static void main(String[] a) { } }
