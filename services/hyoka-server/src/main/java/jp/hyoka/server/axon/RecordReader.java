package jp.hyoka.server.axon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.impl.MethodProperty;
import com.fasterxml.jackson.databind.deser.impl.PropertyBasedCreator;
import com.fasterxml.jackson.databind.deser.std.StdValueInstantiator;
import com.fasterxml.jackson.databind.introspect.AnnotatedConstructor;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.util.Iterator;

/**
 * Jackson's own deserializer of one record type, whose creator part reads the record without Jackson's bean-generic
 * buffering (BENCHMARKS.md row 5: a load reads 10 payloads, and Jackson's {@code _deserializeUsingPropertyBased} was
 * the largest part of a load's CPU). It does what {@code BeanDeserializer._deserializeUsingPropertyBased} does for a
 * record, step by step, with what Jackson resolved for it: the same creator properties (each with its value and type
 * deserializer, null and absent values), the same unknown-property, polymorphic and instantiation-failure handling,
 * the same "all parameters seen: build, then read the rest onto the bean" order. What it leaves out is the generic
 * machinery around that: the property-value buffer, a map lookup per field name (the names are compared by identity
 * in the order they are written, then looked up as Jackson does), and the canonical constructor called by reflection
 * (here a method handle; when it throws, Jackson's instantiator is called with the same arguments, so a failure is
 * Jackson's own exception).
 *
 * <p>Used only where nothing else is in play, checked once the deserializer is resolved: a record read by a
 * constructor through Jackson's standard instantiator, at most 31 parameters, none injected or required, no object id,
 * any-setter, unwrapped or external-type property, no setter-backed or ignored property. Otherwise, and for a call
 * with an active view or with {@code FAIL_ON_MISSING_CREATOR_PROPERTIES} or {@code FAIL_ON_NULL_CREATOR_PROPERTIES}
 * on, Jackson's own method reads it. {@code RecordReaderTest} holds it equal to Jackson's reading.
 */
final class RecordReader extends BeanDeserializer {

    private static final long serialVersionUID = 1L;
    private static final Plan NONE = new Plan(null, null, null);

    /** Prepared on first use (the deserializer is resolved by then); {@link #NONE}: Jackson's method reads. */
    private transient volatile Plan plan;

    RecordReader(BeanDeserializerBase jackson) {
        super(jackson);
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
            throws JsonMappingException {
        JsonDeserializer<?> contextual = super.createContextual(context, property);
        // Jackson's contextual copies are plain bean deserializers: read them the same way.
        return contextual != this && contextual.getClass() == BeanDeserializer.class
                ? new RecordReader((BeanDeserializer) contextual) : contextual;
    }

    /** Whether reads go the direct way (once resolved; else every read is Jackson's own method). */
    boolean readsDirectly() {
        return plan() != NONE;
    }

    @Override
    protected Object _deserializeUsingPropertyBased(JsonParser parser, DeserializationContext context)
            throws IOException {
        Plan plan = plan();
        if (plan == NONE || _needViewProcesing && context.getActiveView() != null
                || context.isEnabled(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                || context.isEnabled(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)) {
            return super._deserializeUsingPropertyBased(parser, context);
        }
        SettableBeanProperty[] properties = plan.properties();
        Object[] arguments = new Object[properties.length];
        int seen = 0;
        int needed = properties.length;
        int next = 0;
        TokenBuffer unknown = null;
        for (JsonToken token = parser.currentToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            SettableBeanProperty property = plan.find(name, next, _propertyBasedCreator);
            if (property != null) {
                Object value = _deserializeWithErrorWrapping(parser, context, property);
                int index = property.getCreatorIndex();
                next = index + 1;
                arguments[index] = value;
                if ((seen & 1 << index) == 0) {
                    seen |= 1 << index;
                    if (--needed == 0) {                    // Jackson builds here and reads the rest onto the bean
                        parser.nextToken();
                        Object bean = build(context, plan, arguments, seen);
                        parser.assignCurrentValue(bean);
                        if (bean == null) {
                            _handleNullFromPropsBasedCreator(parser, context, unknown, null);
                            return null;
                        }
                        if (bean.getClass() != _beanType.getRawClass()) {
                            return handlePolymorphic(parser, context, parser.streamReadConstraints(), bean, unknown);
                        }
                        if (unknown != null) {
                            bean = handleUnknownProperties(context, bean, unknown);
                        }
                        return deserialize(parser, context, bean);
                    }
                }
                continue;
            }
            if (_ignoreAllUnknown) {
                parser.skipChildren();
                continue;
            }
            if (unknown == null) {                          // kept and handed over after building, as Jackson does
                unknown = context.bufferForInputBuffering(parser);
            }
            unknown.writeFieldName(name);
            unknown.copyCurrentStructure(parser);
        }
        Object bean = build(context, plan, arguments, seen);
        parser.assignCurrentValue(bean);
        if (bean == null) {
            _handleNullFromPropsBasedCreator(null, context, unknown, null);
            return null;
        }
        if (unknown != null) {
            if (bean.getClass() != _beanType.getRawClass()) {
                return handlePolymorphic(null, context, parser.streamReadConstraints(), bean, unknown);
            }
            return handleUnknownProperties(context, bean, unknown);
        }
        return bean;
    }

    /** The record from its arguments, absent ones as Jackson fills them; failures wrapped as Jackson wraps them. */
    private Object build(DeserializationContext context, Plan plan, Object[] arguments, int seen) throws IOException {
        try {
            SettableBeanProperty[] properties = plan.properties();
            for (int index = 0; index < arguments.length; index++) {
                if ((seen & 1 << index) == 0) {
                    arguments[index] = absent(properties[index], context);
                }
            }
            try {
                return (Object) plan.constructor().invokeExact(arguments);
            } catch (Throwable failure) {
                // The constructor refused (or a value did not fit): Jackson's instantiator gives its own exception.
                return _valueInstantiator.createFromObjectWith(context, arguments);
            }
        } catch (Exception e) {
            return wrapInstantiationProblem(e, context);
        }
    }

    /** What {@code PropertyValueBuffer._findMissing} answers for a property without injection or requirement. */
    private static Object absent(SettableBeanProperty property, DeserializationContext context)
            throws JsonMappingException {
        try {
            Object absent = property.getNullValueProvider().getAbsentValue(context);
            return absent != null ? absent : property.getValueDeserializer().getAbsentValue(context);
        } catch (DatabindException e) {
            AnnotatedMember member = property.getMember();
            if (member != null) {
                e.prependPath(member.getDeclaringClass(), property.getName());
            }
            throw e;
        }
    }

    private Plan plan() {
        Plan prepared = plan;
        if (prepared == null) {
            prepared = prepare();
            plan = prepared;
        }
        return prepared;
    }

    private Plan prepare() {
        if (_propertyBasedCreator == null || !_beanType.isRecordType() || _objectIdReader != null
                || _anySetter != null || _injectables != null || _unwrappedPropertyHandler != null
                || _externalTypeIdHandler != null || _ignorableProps != null && !_ignorableProps.isEmpty()
                || _includableProps != null || _valueInstantiator.getClass() != StdValueInstantiator.class
                || !(_valueInstantiator.getWithArgsCreator() instanceof AnnotatedConstructor creator)) {
            return NONE;
        }
        for (Iterator<SettableBeanProperty> all = _beanProperties.iterator(); all.hasNext(); ) {
            if (all.next() instanceof MethodProperty) {
                return NONE;                                // a setter Jackson would buffer and call after building
            }
        }
        Constructor<?> constructor = creator.getAnnotated();
        int count = constructor.getParameterCount();
        if (count == 0 || count > 31 || _propertyBasedCreator.properties().size() != count) {
            return NONE;
        }
        SettableBeanProperty[] properties = new SettableBeanProperty[count];
        for (SettableBeanProperty property : _propertyBasedCreator.properties()) {
            int index = property.getCreatorIndex();
            if (index < 0 || index >= count || properties[index] != null || property.isRequired()
                    || property.isInjectionOnly() || property.getInjectableValueId() != null
                    || property.getInjectionDefinition() != null || property.getValueDeserializer() == null
                    || property.getNullValueProvider() == null) {
                return NONE;
            }
            properties[index] = property;
        }
        String[] names = new String[count];
        for (int index = 0; index < count; index++) {
            names[index] = properties[index].getName().intern();   // the parser hands out interned names
        }
        try {
            MethodHandle handle = MethodHandles.publicLookup().unreflectConstructor(constructor)
                    .asSpreader(Object[].class, count)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new Plan(properties, names, handle);
        } catch (IllegalAccessException e) {
            return NONE;                                    // not public: Jackson's reflection reads it
        }
    }

    /**
     * The record's creator properties by index, their names, and the canonical constructor taking them as an array.
     */
    private record Plan(SettableBeanProperty[] properties, String[] names, MethodHandle constructor) {

        /**
         * The creator property of {@code name}: the names are written in their order, so the next one is compared by
         * identity first; anything else is looked up as Jackson looks it up.
         */
        SettableBeanProperty find(String name, int from, PropertyBasedCreator jackson) {
            for (int index = from; index < names.length; index++) {
                if (names[index] == name) {
                    return properties[index];
                }
            }
            return jackson.findCreatorProperty(name);
        }
    }
}
