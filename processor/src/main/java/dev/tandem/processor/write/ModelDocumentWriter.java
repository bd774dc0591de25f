package dev.tandem.processor.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.processor.model.ActionModel;
import dev.tandem.processor.model.FieldModel;
import dev.tandem.processor.model.LiveObjectModel;
import dev.tandem.processor.model.MachineModel;
import dev.tandem.processor.model.TransitionModel;
import dev.tandem.processor.model.ParameterModel;
import dev.tandem.processor.model.PropertyModel;
import dev.tandem.processor.model.TypeRef;
import dev.tandem.processor.model.TypeUse;
import dev.tandem.processor.model.ValueType;
import dev.tandem.processor.model.ViewModel;
import java.util.List;

/**
 * Writes the model document of one live object: a language-neutral JSON description of its state,
 * actions and value types, from which the TypeScript client is generated. The format is documented
 * in {@code docs/MODEL.md}; output is stable (fields and parameters in declaration order; actions
 * and types sorted by name).
 */
public final class ModelDocumentWriter {

    /** The format version; bumped when a change would break readers. */
    public static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelDocumentWriter() {
    }

    /**
     * @param model a live object
     * @return its model document, as pretty-printed JSON ending with a newline
     */
    public static String write(LiveObjectModel model) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("typeName", model.typeName());
        doc.put("javaClass", model.className().canonicalName());
        doc.put("name", model.stem());
        putDoc(doc, model.doc());
        ArrayNode fields = doc.putArray("fields");
        for (FieldModel f : model.clientFields()) { // server-only fields never reach a client, nor their names
            ObjectNode field = fields.addObject();
            field.put("name", f.name());
            field.set("type", type(f.type()));
            field.put("stored", f.stored());
            putDoc(field, f.doc());
        }
        if (!model.views().isEmpty()) {
            ArrayNode views = doc.putArray("views");
            for (ViewModel v : model.views()) {
                ObjectNode view = views.addObject();
                view.put("name", v.name());
                view.set("type", type(v.type()));
                putDoc(view, v.doc());
            }
        }
        ArrayNode actions = doc.putArray("actions");
        for (ActionModel a : model.actions()) {
            ObjectNode action = actions.addObject();
            action.put("name", a.name());
            ArrayNode params = action.putArray("parameters");
            for (ParameterModel p : a.clientParameters()) {
                params.addObject().put("name", p.name()).set("type", type(p.type()));
            }
            if (a.isVoid()) {
                action.putNull("returns");
            } else {
                action.set("returns", type(a.returns()));
            }
            putDoc(action, a.doc());
        }
        ArrayNode timers = doc.putArray("timers");
        model.timers().forEach(t -> timers.add(t.method()));
        if (model.machine() != null) {
            doc.set("machine", machine(model.machine()));
        }
        ObjectNode types = doc.putObject("types");
        for (ValueType t : ClientTypes.of(model).values()) {
            types.set(t.className().canonicalName(), valueType(t));
        }
        try {
            return MAPPER.writeValueAsString(doc) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode machine(MachineModel m) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("field", m.field());
        m.states().forEach(node.putArray("states")::add);
        node.put("initial", m.initial());
        m.terminal().forEach(node.putArray("terminal")::add);
        ArrayNode transitions = node.putArray("transitions");
        for (TransitionModel t : m.transitions()) {
            ObjectNode entry = transitions.addObject().put("action", t.method());
            t.from().forEach(entry.putArray("from")::add);
            t.to().forEach(entry.putArray("to")::add);
        }
        m.free().forEach(node.putArray("free")::add);
        ArrayNode timed = node.putArray("timed");
        for (TransitionModel t : m.timed()) {
            ObjectNode entry = timed.addObject().put("timer", t.method());
            t.from().forEach(entry.putArray("from")::add);
            t.to().forEach(entry.putArray("to")::add);
            entry.put("after", t.after());
        }
        node.put("diagram", MachineDiagram.of(m));
        return node;
    }

    private static ObjectNode valueType(ValueType t) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", t.codecName());
        if (t instanceof ValueType.EnumType e) {
            node.put("kind", "enum");
            ArrayNode values = node.putArray("values");
            e.constants().forEach(values::add);
        } else {
            node.put("kind", t instanceof ValueType.RecordType ? "record" : "class");
            List<PropertyModel> props = t instanceof ValueType.RecordType r ? r.properties()
                    : ((ValueType.BeanType) t).properties();
            ArrayNode properties = node.putArray("properties");
            for (PropertyModel p : props) {
                ObjectNode prop = properties.addObject();
                prop.put("name", p.name());
                prop.set("type", type(p.type()));
                putDoc(prop, p.doc());
            }
        }
        putDoc(node, t.doc());
        return node;
    }

    private static ObjectNode type(TypeUse use) {
        ObjectNode node = type(use.type());
        if (use.nullable()) {
            node.put("nullable", true);
        }
        return node;
    }

    private static ObjectNode type(TypeRef ref) {
        ObjectNode node = MAPPER.createObjectNode();
        if (ref instanceof TypeRef.Scalar s) {
            node.put("kind", "scalar").put("name", s.kind().modelName());
        } else if (ref instanceof TypeRef.Named n) {
            node.put("kind", "ref").put("name", n.className().canonicalName());
        } else if (ref instanceof TypeRef.CollectionOf c) {
            node.put("kind", c.kind().isSet() ? "set" : "list").set("items", type(c.element()));
        } else if (ref instanceof TypeRef.ArrayOf a) {
            node.put("kind", "list").set("items", type(a.component()));
        } else if (ref instanceof TypeRef.MapOf m) {
            node.put("kind", "map");
            node.set("keys", type(m.key()));
            node.set("values", type(m.value()));
        } else if (ref instanceof TypeRef.OptionalOf o) {
            node.put("kind", "optional").set("value", type(o.value()));
        }
        return node;
    }

    private static void putDoc(ObjectNode node, String doc) {
        if (!doc.isEmpty()) {
            node.put("doc", doc);
        }
    }
}
