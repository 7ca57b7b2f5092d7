package org.ecgleadlab.util;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Collects a record's components by name and calls its canonical constructor once, so a typed builder over it is one
 * line per knob and holds no field of its own: a new component needs no builder field, no copy in {@code toBuilder}
 * and no argument in {@code build}. Components never set take Java's defaults (0, false, null), as the fields of a
 * hand-written builder would. The record's constructor still validates, and its exceptions pass through unchanged.
 *
 * @param <R> the record type
 */
public final class RecordBuilder<R extends Record> {
    private final Class<R> type;
    private final RecordComponent[] components;
    private final Map<String, Object> values = new HashMap<>();

    public RecordBuilder(Class<R> type) {
        this.type = type;
        this.components = type.getRecordComponents();
    }

    /** A builder holding every component of {@code record}. */
    public static <R extends Record> RecordBuilder<R> from(R record) {
        @SuppressWarnings("unchecked")
        RecordBuilder<R> builder = new RecordBuilder<>((Class<R>) record.getClass());
        builder.values.putAll(RecordFields.of(record));
        return builder;
    }

    /** Sets the component called {@code name}; a name the record does not declare is a programming error. */
    public RecordBuilder<R> set(String name, Object value) {
        if (Arrays.stream(components).noneMatch(c -> c.getName().equals(name))) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no component '" + name + "'");
        }
        values.put(name, value);
        return this;
    }

    /** The record, through its canonical constructor. */
    public R build() {
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            arguments[i] = values.containsKey(name) ? values.get(name) : javaDefault(types[i]);
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException validation) {
                throw validation;
            }
            throw new IllegalStateException(type.getSimpleName() + "'s constructor failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    /** 0, false or null: what an unassigned field of {@code type} holds. */
    private static Object javaDefault(Class<?> type) {
        return type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0) : null;
    }
}
