package dev.switchboard.cli;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.NoPoolAcceptedException;
import dev.switchboard.api.PoolSearch;
import dev.switchboard.api.RemoteFrontDistributor;
import dev.switchboard.api.ServerFailureException;
import dev.switchboard.api.TaskLookup;
import dev.switchboard.api.TaskReceipt;
import dev.switchboard.api.TaskRequest;
import dev.switchboard.api.TaskView;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Remote EJB over IIOP. For a submission it tries each server in the order given and, on each, the
 * tier-1 pools in their search order, until one accepts: failover across pools and across server
 * instances, on the client side.
 */
final class IiopGateway implements Gateway {

  static final int CONNECT_TIMEOUT_MS = 3_000;
  static final String LOGIN_CONFIG = "java.security.auth.login.config";
  static final String PROGRAMMATIC_LOGIN =
      "com.sun.enterprise.security.ee.auth.login.ProgrammaticLogin";

  private final List<String> endpoints;
  private final List<String> pools;
  private final Credentials credentials;
  private Context context;
  private List<String> reachable = List.of();

  /**
   * @param endpoints host:port of each server's IIOP listener, in order
   * @param pools tier-1 pool names in search order
   */
  IiopGateway(List<String> endpoints, List<String> pools, Credentials credentials) {
    this.endpoints = List.copyOf(endpoints);
    this.pools = List.copyOf(pools);
    this.credentials = credentials;
  }

  @Override
  public TaskReceipt submit(TaskRequest request) {
    Context context = context();
    try {
      return new PoolSearch(pools, pool -> pool(context, pool)).submit(request);
    } catch (NoPoolAcceptedException e) {
      throw noPoolAccepted("task", e);
    }
  }

  @Override
  public List<Long> submitAll(List<TaskRequest> requests) {
    Context context = context();
    try {
      return new PoolSearch(pools, pool -> pool(context, pool))
          .submitAll(requests).stream().map(TaskReceipt::id).toList();
    } catch (NoPoolAcceptedException e) {
      throw noPoolAccepted("batch", e);
    }
  }

  /** A refused sign-in or role, else every pool's reason. */
  private Unavailable noPoolAccepted(String what, NoPoolAcceptedException e) {
    String attempts = String.join("; ", e.attempts());
    refusedAccess(attempts);
    return new Unavailable(
        "no tier-1 pool accepted the " + what + " on " + reachable + ": " + attempts);
  }

  @Override
  public TaskStatus status(long id) {
    TaskView task = lookup(tasks -> tasks.task(id));
    return task == null
        ? null
        : new TaskStatus(
            task.id(),
            task.state(),
            task.server(),
            task.result() != null ? task.result() : task.reason());
  }

  @Override
  public String explanation(long id) {
    return lookup(tasks -> tasks.explanation(id));
  }

  /** A call of the remote task view; a refused sign-in or role, else no server, is the failure. */
  private <T> T lookup(Function<TaskLookup, T> call) {
    Context context = context();
    try {
      return call.apply((TaskLookup) context.lookup(Destinations.TASK_LOOKUP));
    } catch (NamingException | RuntimeException e) {
      refusedAccess(String.valueOf(e));
      throw new Unavailable("no server answered on " + reachable + ": " + reason(e));
    }
  }

  /**
   * One naming context for every call: the client ORB is one per JVM. Servers that do not accept a
   * connection are left out first, with their reasons, since the ORB would retry them for minutes;
   * the ORB fails over among the rest ({@code com.sun.appserv.iiop.endpoints}).
   */
  private Context context() {
    if (context != null) {
      return context;
    }
    List<String> refused = new ArrayList<>();
    reachable = new ArrayList<>();
    for (String endpoint : endpoints) {
      String problem = probe(endpoint);
      if (problem == null) {
        reachable.add(endpoint);
      } else {
        refused.add(endpoint + ": " + problem);
      }
    }
    if (reachable.isEmpty()) {
      throw new Unavailable(
          "no tier-1 pool accepted the task: no server answered ("
              + String.join("; ", refused)
              + ")");
    }
    String[] first = reachable.get(0).split(":", 2);
    Properties env = new Properties();
    env.put(
        Context.INITIAL_CONTEXT_FACTORY, "com.sun.enterprise.naming.impl.SerialInitContextFactory");
    env.put("org.omg.CORBA.ORBInitialHost", first[0]);
    env.put("org.omg.CORBA.ORBInitialPort", first[1]);
    env.put("com.sun.appserv.iiop.endpoints", String.join(",", reachable));
    signIn();
    try {
      context = new InitialContext(env);
    } catch (NamingException e) {
      throw new Unavailable("cannot reach " + reachable + ": " + reason(e));
    }
    return context;
  }

  /**
   * Hands the credentials to Payara's client security, which sends them with every call (CSIv2 user
   * name and password); the server's switchboard realm checks them. Payara's client library is on
   * the class path only at run time, hence reflection.
   */
  private void signIn() {
    if (System.getProperty(LOGIN_CONFIG) == null) {
      throw new Unavailable(
          "remote EJB needs -D"
              + LOGIN_CONFIG
              + "=<payara>/glassfish/lib/appclient/appclientlogin.conf"
              + " (scripts/switchboard-cli sets it)");
    }
    try {
      Object login = Class.forName(PROGRAMMATIC_LOGIN).getConstructor().newInstance();
      Object done =
          login
              .getClass()
              .getMethod("login", String.class, char[].class)
              .invoke(login, credentials.user(), credentials.password());
      if (!Boolean.TRUE.equals(done)) {
        throw new Rejected("the client could not sign in as " + credentials.user());
      }
    } catch (ReflectiveOperationException e) {
      throw new Unavailable("Payara's client library (gf-client.jar) is missing: " + reason(e));
    }
  }

  /**
   * The server refuses remote calls with CORBA's NO_PERMISSION: after a failed sign-in, or when the
   * account lacks the role the call needs.
   */
  private void refusedAccess(String failure) {
    if (!failure.contains("NO_PERMISSION")) {
      return;
    }
    if (failure.contains("not authorized")) {
      throw new Rejected(
          "account '"
              + credentials.user()
              + "' may not do this (submitting needs operator or admin)");
    }
    throw new Rejected("sign-in refused for '" + credentials.user() + "': wrong name or password");
  }

  /** Null if a TCP connection to host:port opens within the connect timeout, else why not. */
  static String probe(String endpoint) {
    String[] hostPort = endpoint.split(":", 2);
    if (hostPort.length != 2) {
      return "not host:port";
    }
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), CONNECT_TIMEOUT_MS);
      return null;
    } catch (NumberFormatException e) {
      return "port is not a number";
    } catch (IOException e) {
      return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
  }

  private static RemoteFrontDistributor pool(Context context, String name) {
    try {
      return (RemoteFrontDistributor) context.lookup(Destinations.remotePoolJndiName(name));
    } catch (NamingException e) {
      throw new IllegalStateException("not found (" + e.getMessage() + ")", e);
    }
  }

  /** The root cause's class and message; only the message of the server's failures (their id). */
  private static String reason(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof ServerFailureException) {
      return root.getMessage();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  @Override
  public void close() {
    if (context != null) {
      try {
        context.close();
      } catch (NamingException e) {
        // closing at exit; nothing to recover
      }
    }
  }
}
