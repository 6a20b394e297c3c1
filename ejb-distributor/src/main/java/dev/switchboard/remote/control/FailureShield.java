package dev.switchboard.remote.control;

import dev.switchboard.api.ServerFailureException;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Remote;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.rmi.RemoteException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the server's internals out of remote clients' error replies. Bound to the beans with a
 * remote view ({@code @Interceptors(FailureShield.class)} on the bean class, which also covers
 * every pool that ejb-jar.xml declares with it). An application exception ({@code
 * ApplicationException}, or a checked exception the method declares) passes unchanged. Anything
 * else thrown by a method that a {@code @Remote} view of the bean declares is logged once with a
 * fresh id and replaced by a {@link ServerFailureException} that names only the id: being an
 * application exception itself, it reaches the client without the container's wrapping (whose cause
 * and stack would carry the original) and the transaction still rolls back.
 *
 * <p>Interceptors cannot tell portably through which view a call came, so a method shared by the
 * local and the remote view (a pool's {@code submit}) is shielded on both: in-server callers search
 * pools with {@code PoolSearch}, which skips a pool that throws it as it skips any failing pool.
 * Methods of the local views only ({@code TaskQueries}) keep the container's usual handling.
 */
public class FailureShield {

  private static final Logger LOG = Logger.getLogger(FailureShield.class.getName());

  static final String LOGGED =
      "Internal error {0} in {1}.{2}; the remote client was told only the id";

  @AroundInvoke
  public Object shield(InvocationContext call) throws Exception {
    try {
      return call.proceed();
    } catch (Exception | Error failure) {
      Method method = call.getMethod();
      Object bean = call.getTarget();
      Class<?> beanClass = bean == null ? method.getDeclaringClass() : bean.getClass();
      if (isApplicationException(failure, method) || !inRemoteView(beanClass, method)) {
        throw failure;
      }
      throw conceal(failure, method);
    }
  }

  /** Logs the failure under a new id and returns the exception the client gets instead. */
  static ServerFailureException conceal(Throwable failure, Method method) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    LogRecord record = new LogRecord(Level.SEVERE, LOGGED);
    record.setLoggerName(LOG.getName());
    record.setSourceClassName(method.getDeclaringClass().getName());
    record.setSourceMethodName(method.getName());
    record.setParameters(
        new Object[] {id, method.getDeclaringClass().getSimpleName(), method.getName()});
    record.setThrown(failure);
    LOG.log(record);
    return new ServerFailureException(id);
  }

  /**
   * What the container passes to a client as it is: a class marked {@link ApplicationException}, or
   * whose nearest marked superclass is marked {@code inherited}; or a checked exception, other than
   * RemoteException, that the method declares.
   */
  static boolean isApplicationException(Throwable failure, Method method) {
    for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
      ApplicationException marked = type.getAnnotation(ApplicationException.class);
      if (marked != null) {
        return type == failure.getClass() || marked.inherited();
      }
    }
    if (failure instanceof RuntimeException
        || failure instanceof Error
        || failure instanceof RemoteException) {
      return false;
    }
    for (Class<?> declared : method.getExceptionTypes()) {
      if (declared.isInstance(failure)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a {@code @Remote} interface of the bean class (or a superclass) declares the method.
   */
  static boolean inRemoteView(Class<?> beanClass, Method method) {
    for (Class<?> type = beanClass; type != null; type = type.getSuperclass()) {
      for (Class<?> view : type.getInterfaces()) {
        if (view.isAnnotationPresent(Remote.class) && declares(view, method)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean declares(Class<?> view, Method method) {
    try {
      view.getMethod(method.getName(), method.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
