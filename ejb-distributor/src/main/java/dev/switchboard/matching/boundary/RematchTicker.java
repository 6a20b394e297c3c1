package dev.switchboard.matching.boundary;

import dev.switchboard.api.Batches;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.time.Duration;

/**
 * Sends the waiting tasks asked for by {@link PendingTasks#rematch} every {@link #EVERY}, all in
 * one message: one read of the waiting tasks for all the completions, registrations and requeues of
 * that moment, instead of one each.
 */
@Singleton
@Startup
public class RematchTicker {

  static final Duration EVERY = Duration.ofMillis(100);

  @EJB PendingTasks pending;

  @Resource TimerService timers;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        EVERY.toMillis(), EVERY.toMillis(), new TimerConfig("re-match waiting tasks", false));
  }

  @Timeout
  void tick() {
    int wanted = PendingTasks.takeWanted(Batches.MAX_ITEMS);
    if (wanted > 0) {
      pending.sendWaiting(wanted);
    }
  }
}
