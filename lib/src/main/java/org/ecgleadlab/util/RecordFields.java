package org.ecgleadlab.util;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record's components as a name → value map in declaration order. Configurations and provenance records derive
 * their key/value views (resume checks, identity hashes, builders) from it, so a new component reaches all of them
 * without being listed again.
 */
public final class RecordFields {
    private RecordFields() {
    }

    /** Every component of {@code record}, by name, in the order the record declares them; null values kept. */
    public static Map<String, Object> of(Record record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            fields.put(component.getName(), value(record, component.getAccessor()));
        }
        return fields;
    }

    private static Object value(Record record, Method accessor) {
        try {
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(accessor + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }
}
