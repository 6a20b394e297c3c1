package dev.switchboard.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * What a client submits: the application to run, its input, and who asks (user and client id).
 *
 * @param application name of a {@code TaskApplication} some fulfillment server has installed
 * @param input the application's input, at most 64 KiB
 * @param user the user the task runs for
 * @param client the client that submitted it
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
        String client)
    implements Serializable {}
