import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator of scripts/baseline, run with the source launcher ({@code java
 * BaselineLoad.java URL RATE BATCH SECONDS THREADS}): POSTs {@code URL?count=BATCH} from THREADS
 * threads for SECONDS seconds, paced to RATE tasks per second on a nanoTime schedule (the same
 * schedule as the CLI's {@code load} command, in cli/.../Schedule.java: request k is due at
 * k * BATCH / RATE seconds, and a late sender goes at once), or as fast as the server answers with
 * RATE 0. Progress goes to standard error; the last line on standard output is
 * {@code submitted=N failed=F seconds=S}. The schedule is written out again here rather than taken
 * from the CLI because scripts/baseline runs this one file with the source launcher and builds no
 * CLI jar.
 */
public class BaselineLoad {

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 5) {
      System.err.println("usage: java BaselineLoad.java URL RATE BATCH SECONDS THREADS");
      System.exit(2);
    }
    String url = args[0];
    int rate = Integer.parseInt(args[1]);
    int batch = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int threads = Integer.parseInt(args[4]);
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    long target = rate == 0 ? Long.MAX_VALUE : (long) rate * seconds;
    AtomicLong claimed = new AtomicLong();
    AtomicLong sent = new AtomicLong();
    AtomicInteger failed = new AtomicInteger();
    Set<String> errors = ConcurrentHashMap.newKeySet();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService senders = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      senders.submit(
          () -> {
            while (true) {
              long first = claimed.getAndAdd(batch);
              if (first >= target) {
                return;
              }
              if (rate > 0) {
                long due = start + (long) (first * 1e9 / rate);
                LockSupport.parkNanos(due - System.nanoTime());
              }
              if (System.nanoTime() >= end) {
                return;
              }
              int size = (int) Math.min(batch, target - first);
              HttpRequest request =
                  HttpRequest.newBuilder(URI.create(url + "?count=" + size))
                      .timeout(Duration.ofSeconds(30))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build();
              try {
                HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                  sent.addAndGet(size);
                } else {
                  failed.incrementAndGet();
                  errors.add("HTTP " + response.statusCode() + ": " + response.body().strip());
                }
              } catch (Exception e) {
                failed.incrementAndGet();
                errors.add(e.toString());
              }
            }
          });
    }
    senders.shutdown();
    while (!senders.awaitTermination(1, TimeUnit.SECONDS)) {
      double elapsed = (System.nanoTime() - start) / 1e9;
      System.err.printf(
          Locale.ROOT,
          "\r%3.0f/%d s: %d submitted, %.0f/s, %d failed requests   ",
          elapsed,
          seconds,
          sent.get(),
          sent.get() / elapsed,
          failed.get());
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.err.printf(
        Locale.ROOT,
        "%nsubmitted %d tasks in %.1f s (%.0f/s), %d failed requests%n",
        sent.get(),
        elapsed,
        sent.get() / elapsed,
        failed.get());
    errors.stream().limit(5).forEach(e -> System.err.println("  error: " + e));
    System.out.printf(
        Locale.ROOT, "submitted=%d failed=%d seconds=%.1f%n", sent.get(), failed.get(), elapsed);
  }
}
