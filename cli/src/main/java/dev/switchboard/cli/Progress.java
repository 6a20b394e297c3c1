package dev.switchboard.cli;

import java.io.PrintWriter;

/** A one-line progress bar on standard error, redrawn in place; silent for a single task. */
final class Progress {

  static final int WIDTH = 30;

  private final PrintWriter err;
  private final String what;
  private final int total;
  private int shown = -1;

  Progress(PrintWriter err, String what, int total) {
    this.err = err;
    this.what = what;
    this.total = total;
  }

  void step(int done) {
    if (total < 2 || done == shown) {
      return;
    }
    shown = done;
    err.print("\r" + line(done, total, what));
    err.flush();
  }

  void done() {
    if (total >= 2 && shown >= 0) {
      err.println();
    }
  }

  static String line(int done, int total, String what) {
    int filled = (int) ((long) WIDTH * done / total);
    return "["
        + "#".repeat(filled)
        + ".".repeat(WIDTH - filled)
        + "] "
        + done
        + "/"
        + total
        + " "
        + what;
  }
}
