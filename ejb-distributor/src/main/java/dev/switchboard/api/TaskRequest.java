package dev.switchboard.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Map;

/**
 * What a client submits: the application to run and its input, who asks (user and client id), and
 * what the task needs from a server.
 *
 * @param application name of a {@code TaskApplication} some fulfillment server has installed
 * @param input the application's input, at most 64 KiB
 * @param user the user the task runs for
 * @param client the client that submitted it
 * @param slots slots the task occupies on its server (1 to 64)
 * @param minPower the least computing power a server must have
 * @param requirements CEL expression over {@code server}, {@code task}, {@code user} and {@code
 *     client} that a server must satisfy, or null
 * @param rank CEL expression giving a number; among servers that qualify, higher is better; or null
 * @param attributes custom attributes of the task, visible to expressions as {@code
 *     task.attributes}
 */
public record TaskRequest(
    @NotBlank(message = "application is required")
        @Size(max = 64, message = "application is longer than 64 characters")
        String application,
    @NotNull(message = "input is required")
        @Size(max = 65_536, message = "input is longer than 65536 characters")
        String input,
    @NotBlank(message = "user is required")
        @Size(max = 128, message = "user is longer than 128 characters")
        @Pattern(regexp = Ids.PATTERN, message = "user " + Ids.MESSAGE)
        String user,
    @NotBlank(message = "client is required")
        @Size(max = 128, message = "client is longer than 128 characters")
        @Pattern(regexp = Ids.PATTERN, message = "client " + Ids.MESSAGE)
        String client,
    @Min(value = 1, message = "slots must be at least 1")
        @Max(value = 64, message = "slots must be at most 64")
        int slots,
    @DecimalMin(value = "0", message = "minPower must not be negative") double minPower,
    @Size(max = 2048, message = "requirements is longer than 2048 characters") String requirements,
    @Size(max = 2048, message = "rank is longer than 2048 characters") String rank,
    @Size(max = 32, message = "attributes has more than 32 entries")
        Map<
                @Pattern(regexp = Ids.KEY_PATTERN, message = "attribute names " + Ids.KEY_MESSAGE)
                String,
                @Size(max = 512, message = "attribute values are at most 512 characters") String>
            attributes)
    implements Serializable {

  public TaskRequest {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** A task that needs one slot and nothing else in particular. */
  public TaskRequest(String application, String input, String user, String client) {
    this(application, input, user, client, 1, 0, null, null, Map.of());
  }
}
