package dev.switchboard.fulfillment.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads this node's tasks run on: one pool per application, its threads made by the
 * container's managed thread factory, so they carry the application's context. A managed executor
 * would capture the submitter's context on every submission, and Payara looks up every
 * thread-context provider with a {@code ServiceLoader} each time it does: 7 % of the server's CPU
 * at 1,650 tasks a second. A thread made here captures it once.
 */
@ApplicationScoped
public class RunThreads {

  /** Most tasks this node runs at once; the others wait their turn in order. */
  public static final int THREADS = 64;

  @Resource ManagedThreadFactory factory;

  private ThreadPoolExecutor pool;

  @PostConstruct
  void start() {
    pool =
        new ThreadPoolExecutor(
            THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    pool.allowCoreThreadTimeOut(true); // an idle node holds no threads
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }

  /**
   * Runs tasks on these threads, each now or once a thread is free; each run's future comes back
   * through the service as the run ends.
   */
  public <T> CompletionService<T> completions() {
    return new ExecutorCompletionService<>(pool);
  }
}
