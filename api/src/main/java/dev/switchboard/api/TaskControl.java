package dev.switchboard.api;

import jakarta.ejb.Local;

/** Operations on a task after its submission. */
@Local
public interface TaskControl {

  /**
   * Cancels a task that has not ended. A task waiting for a server is cancelled at once; one on a
   * server is marked cancelled, its result is ignored and its slot freed when the run ends.
   *
   * @return the task as it is now
   * @throws UnknownNameException naming {@code id} if there is no such task
   * @throws ConflictException naming {@code id} if it has already ended
   */
  TaskView cancel(long id);
}
