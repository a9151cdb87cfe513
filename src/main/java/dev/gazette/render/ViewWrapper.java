package dev.gazette.render;

import freemarker.ext.beans.StringModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * FreeMarker's object wrapper, with a quick way to the components of the records a page's data
 * is made of. Every {@code ${teaser.title}} went through the generic bean model: the class's
 * introspection looked up by name, a reflective call, a cache per model. That was two sevenths of
 * the templates' time in a full build of 10,000 articles (profiled under the quick compiler the
 * builds run on). A record is wrapped in the very model FreeMarker gives it (a string model, with
 * the same emptiness, keys, method calls and text), whose {@code get} reads a component through a
 * function made once per record class; anything else goes the generic way, so templates see the
 * same values.
 */
final class ViewWrapper extends DefaultObjectWrapper {

    /**
     * Per record class, by its name, its components' readers (empty for a class FreeMarker would
     * read otherwise). By name, checked against the class, not a {@code ClassValue}, whose
     * {@code get} missed its quick path on every call here and was a fifth of this wrapper's time:
     * a class keeps its name, and the name its hash.
     */
    private static final Map<String, Readers> BY_NAME = new java.util.concurrent.ConcurrentHashMap<>();

    private record Readers(Class<?> type, Map<String, Function<Object, Object>> byComponent) {
    }

    private static Map<String, Function<Object, Object>> readersOf(Class<?> type) {
        Readers known = BY_NAME.get(type.getName());
        if (known == null) {
            known = BY_NAME.computeIfAbsent(type.getName(), name -> new Readers(type, componentReaders(type)));
        }
        // Another class of the same name (from another class loader) is read, not kept.
        return known.type() == type ? known.byComponent() : componentReaders(type);
    }

    ViewWrapper() {
        super(Configuration.VERSION_2_3_34);
        writeProtect();
    }

    @Override
    public TemplateModel wrap(Object obj) throws TemplateModelException {
        // The two commonest values first: a string, as the generic way wraps it, and a record,
        // before a chain of interface checks that a record passes through to the end.
        if (obj instanceof String s) {
            return new SimpleScalar(s);
        }
        if (obj instanceof Record r) {
            Map<String, Function<Object, Object>> readers = readersOf(r.getClass());
            if (!readers.isEmpty()) {
                return new RecordModel(r, this, readers);
            }
        }
        return super.wrap(obj);
    }

    /** The model FreeMarker gives a record (a {@link StringModel} aware of method calls), reading components directly. */
    static final class RecordModel extends StringModel implements MethodCallAwareTemplateHashModel {
        private final Map<String, Function<Object, Object>> readers;

        RecordModel(Record record, ViewWrapper wrapper, Map<String, Function<Object, Object>> readers) {
            super(record, wrapper);
            this.readers = readers;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            Function<Object, Object> reader = readers.get(key);
            return reader == null ? super.get(key) : wrapper.wrap(reader.apply(object));
        }

        @Override
        public TemplateModel getBeforeMethodCall(String key) throws TemplateModelException, ShouldNotBeGetAsMethodException {
            return super.getBeforeMethodCall(key);
        }
    }

    /**
     * The readers of a public record's components. A component is left to the generic way when a
     * JavaBeans getter of its name exists ({@code getTitle()} for {@code title}), where FreeMarker's
     * rules for which to read are subtle, and the whole class when it cannot be reached from here.
     */
    private static Map<String, Function<Object, Object>> componentReaders(Class<?> type) {
        if (!type.isRecord() || !reachable(type) || wrappedOtherwise(type)) {
            return Map.of();
        }
        Map<String, Function<Object, Object>> readers = new HashMap<>();
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            for (RecordComponent c : type.getRecordComponents()) {
                Method accessor = c.getAccessor();
                String name = c.getName();
                String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
                if (!Modifier.isPublic(accessor.getModifiers()) || hasNoArgumentMethod(type, "get" + capital)
                        || hasNoArgumentMethod(type, "is" + capital)) {
                    continue;
                }
                readers.put(name, reader(lookup, type, accessor));
            }
        } catch (Throwable e) {
            return Map.of(); // the generic way reads it as before
        }
        return readers; // never written again: read from any thread once published through the maps above
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> reader(MethodHandles.Lookup lookup, Class<?> type, Method accessor) throws Throwable {
        MethodHandle handle = lookup.unreflect(accessor);
        MethodHandles.Lookup caller = MethodHandles.lookup();
        CallSite site = LambdaMetafactory.metafactory(caller, "apply", MethodType.methodType(Function.class),
                MethodType.methodType(Object.class, Object.class), handle, MethodType.methodType(accessor.getReturnType().isPrimitive()
                        ? box(accessor.getReturnType()) : accessor.getReturnType(), type));
        return (Function<Object, Object>) site.getTarget().invoke();
    }

    private static Class<?> box(Class<?> primitive) {
        return MethodType.methodType(primitive).wrap().returnType();
    }

    /** Whether FreeMarker wraps instances of {@code type} as something other than a bean: a model, a collection, a DOM node… */
    private static boolean wrappedOtherwise(Class<?> type) {
        for (Class<?> special : new Class<?>[] {TemplateModel.class, freemarker.template.TemplateModelAdapter.class, java.util.Collection.class,
                java.util.Map.class, java.util.Iterator.class, Iterable.class, java.util.Enumeration.class, org.w3c.dom.Node.class}) {
            if (special.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code type} and every class it is nested in are public. */
    private static boolean reachable(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNoArgumentMethod(Class<?> type, String name) {
        try {
            type.getMethod(name);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
