package dev.quoteline.api;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.datafetcher.helper.ArgumentHelper;
import io.smallrye.graphql.json.InputFieldsInfo;
import io.smallrye.graphql.schema.model.Argument;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SmallRye's argument conversion, except for input objects made only of plain public fields. SmallRye turns every
 * input object into its Java class through JSON-B: it writes graphql-java's map as JSON text, loads the class by name,
 * and reads the text back with Yasson, on every request. For a speaker's timeline page
 * ({@code filter: {speakerIds: [...]}}) that was 6 % of the request threads' CPU (async-profiler, W4; README "Fifteenth
 * round"). Here such a map is copied into the class's fields directly.
 * <p>
 * Only the case where that copy is what JSON-B would build is taken: a class with a public no-argument constructor
 * whose fields are public and carry no annotation that renames or adapts them, no creator parameters, and a map whose
 * values are all non-null and of the field's own type (strings, booleans, integers, lists of strings, lists of an
 * enum's names), none of them a field SmallRye transforms (dates) or adapts. Anything else, including every value that
 * could be an error, goes to SmallRye as before, so its conversions and its error messages stay the only ones.
 */
final class PlainInputArguments extends ArgumentHelper {
    /** What a class allows, by class name; {@link #NOT_PLAIN} when it does not qualify. */
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();
    private static final Shape NOT_PLAIN = new Shape(null, Map.of());
    /** How many input objects were copied here since the start, for SmallRye or a compiled plan (the tests check that the plain case is taken). */
    static final java.util.concurrent.atomic.LongAdder COPIED = new java.util.concurrent.atomic.LongAdder();

    PlainInputArguments(List<Argument> arguments) {
        super(arguments);
    }

    @Override
    protected Object afterRecursiveTransform(Object value, Field field, DataFetchingEnvironment dfe)
            throws AbstractDataFetcherException {
        if (value instanceof Map<?, ?> map && field.getReference() != null) {
            Object built = build(map, field.getReference().getClassName());
            if (built != null) {
                return built;
            }
        }
        return super.afterRecursiveTransform(value, field, dfe);
    }

    /** The object JSON-B would build from {@code map} for {@code className}, or null to leave it to SmallRye. */
    Object build(Map<?, ?> map, String className) {
        Shape shape = shapes.computeIfAbsent(className, PlainInputArguments::shape);
        if (shape == NOT_PLAIN) {
            return null;
        }
        Map<java.lang.reflect.Field, Object> values = new HashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Slot slot = shape.slots.get(e.getKey());
            Object value = slot == null ? null : slot.convert(e.getValue());
            if (value == null) {
                return null;
            }
            values.put(slot.field, value);
        }
        try {
            Object out = shape.type.getConstructor().newInstance();
            for (Map.Entry<java.lang.reflect.Field, Object> e : values.entrySet()) {
                e.getKey().set(out, e.getValue());
            }
            COPIED.increment();
            return out;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The fields SmallRye transforms (dates) or adapts, whose values must go through its own code. */
    private static java.util.Set<String> converted(String className) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (InputFieldsInfo.hasTransformationFields(className)) {
            out.addAll(InputFieldsInfo.getTransformationFields(className).keySet());
        }
        if (InputFieldsInfo.hasAdaptToFields(className)) {
            out.addAll(InputFieldsInfo.getAdaptToFields(className).keySet());
        }
        if (InputFieldsInfo.hasAdaptWithFields(className)) {
            out.addAll(InputFieldsInfo.getAdaptWithFields(className).keySet());
        }
        return out;
    }

    private record Shape(Class<?> type, Map<String, Slot> slots) {
    }

    /** One public field: its type, or for a list its elements' (a string or an enum). */
    private record Slot(java.lang.reflect.Field field, Class<?> type, Class<?> element) {
        Object convert(Object value) {
            if (element == null) {
                return type.isInstance(value) ? value : null;
            }
            if (!(value instanceof List<?> list)) {
                return null;
            }
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                Object converted = element(item);
                if (converted == null) {
                    return null;
                }
                out.add(converted);
            }
            return out;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object element(Object item) {
            if (element.isInstance(item)) {
                return item;
            }
            if (element.isEnum() && item instanceof String name) {
                for (Object constant : element.getEnumConstants()) {
                    if (((Enum) constant).name().equals(name)) {
                        return constant;
                    }
                }
            }
            return null;
        }
    }

    private static final List<Class<?>> PLAIN = List.of(String.class, Boolean.class, Integer.class);

    private static Shape shape(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            if (!Modifier.isPublic(type.getConstructor().getModifiers()) || renames(type.getAnnotations())) {
                return NOT_PLAIN;
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return NOT_PLAIN;
        }
        List<Field> creator = InputFieldsInfo.getCreatorParameters(className);
        if (creator != null && !creator.isEmpty()) {
            return NOT_PLAIN;
        }
        java.util.Set<String> converted = converted(className);
        Map<String, Slot> slots = new HashMap<>();
        for (java.lang.reflect.Field f : type.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) || f.isSynthetic()) {
                continue;
            }
            if (!Modifier.isPublic(m) || Modifier.isFinal(m) || renames(f.getAnnotations())) {
                return NOT_PLAIN;
            }
            Class<?> element = null;
            if (f.getType() == List.class && f.getGenericType() instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> c && (c == String.class || c.isEnum())) {
                element = c;
            } else if (!PLAIN.contains(f.getType()) || converted.contains(f.getName())) {
                // other kinds (dates, numbers of other widths, nested objects) stay SmallRye's whenever given
                slots.put(f.getName(), new Slot(f, Void.class, null));
                continue;
            }
            slots.put(f.getName(), converted.contains(f.getName()) ? new Slot(f, Void.class, null) : new Slot(f, f.getType(), element));
        }
        return type.getSuperclass() == Object.class ? new Shape(type, slots) : NOT_PLAIN;
    }

    /** Whether an annotation may change how JSON-B or SmallRye names or reads the field or class. */
    private static boolean renames(Annotation[] annotations) {
        for (Annotation a : annotations) {
            String name = a.annotationType().getName();
            if (name.startsWith("jakarta.json.bind.") || name.equals("org.eclipse.microprofile.graphql.Name")
                    || name.equals("org.eclipse.microprofile.graphql.JsonbProperty") || name.startsWith("io.smallrye.graphql.api.Adapt")
                    || name.equals("org.eclipse.microprofile.graphql.DateFormat") || name.equals("org.eclipse.microprofile.graphql.NumberFormat")) {
                return true;
            }
        }
        return false;
    }
}
