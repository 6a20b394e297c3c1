package dev.switchboard.api;

import jakarta.json.bind.config.PropertyVisibilityStrategy;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * JSON-B sees the fields of the DTOs that also travel over IIOP (plain classes with record-style
 * accessors, no getters), so that their JSON has the same names as their accessors.
 */
public final class FieldsVisible implements PropertyVisibilityStrategy {

  @Override
  public boolean isVisible(Field field) {
    return !Modifier.isStatic(field.getModifiers());
  }

  @Override
  public boolean isVisible(Method method) {
    return false;
  }
}
