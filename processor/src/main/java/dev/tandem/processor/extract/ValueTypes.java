package dev.tandem.processor.extract;

import com.palantir.javapoet.ClassName;
import dev.tandem.processor.model.PropertyModel;
import dev.tandem.processor.model.TypeRef;
import dev.tandem.processor.model.TypeUse;
import dev.tandem.processor.model.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The application's own value types met while mapping one live-object class: records, enums and
 * plain classes with a no-argument constructor. Nothing needs annotating; a type that can't be
 * encoded gives a reason that says what to change.
 */
final class ValueTypes {

    private final Elements elements;
    private final Types types;
    private final String packageName;
    private final Map<String, ValueType> definitions = new LinkedHashMap<>();
    private final Map<String, ClassName> inProgress = new HashMap<>();
    private final Map<String, String> codecNames = new HashMap<>();

    /**
     * @param elements the compiler's element utilities
     * @param types the compiler's type utilities
     * @param packageName the package generated code lives in, for accessibility checks
     */
    ValueTypes(Elements elements, Types types, String packageName) {
        this.elements = elements;
        this.types = types;
        this.packageName = packageName;
    }

    Map<String, ValueType> definitions() {
        return definitions;
    }

    TypeRef named(DeclaredType type, TypeElement element, TypeMapper mapper) throws UnsupportedTypeException {
        String qualified = element.getQualifiedName().toString();
        ValueType known = definitions.get(qualified);
        if (known != null) {
            return new TypeRef.Named(known.className(), known.codecName());
        }
        if (inProgress.containsKey(qualified)) {
            return new TypeRef.Named(inProgress.get(qualified), codecNames.get(qualified));
        }
        checkDefinable(type, element);
        ClassName className = ClassName.get(element);
        String codecName = codecName(qualified, className);
        inProgress.put(qualified, className);
        String doc = Docs.of(elements, element);
        ValueType defined = switch (element.getKind()) {
            case ENUM -> new ValueType.EnumType(className, codecName, doc, constants(element));
            case RECORD -> new ValueType.RecordType(className, codecName, doc, recordProperties(element, mapper));
            default -> new ValueType.BeanType(className, codecName, doc, beanProperties(element, mapper));
        };
        inProgress.remove(qualified);
        definitions.put(qualified, defined);
        return new TypeRef.Named(className, codecName);
    }

    private void checkDefinable(DeclaredType type, TypeElement element) throws UnsupportedTypeException {
        String simple = element.getSimpleName().toString();
        ElementKind kind = element.getKind();
        if (kind == ElementKind.INTERFACE || kind == ElementKind.ANNOTATION_TYPE) {
            throw new UnsupportedTypeException(simple + " is an interface: a behaviour (like a function or a"
                    + " service), not data. Store data in a record, an enum or a class with fields.");
        }
        String qualified = element.getQualifiedName().toString();
        if (qualified.startsWith("java.") || qualified.startsWith("javax.") || qualified.startsWith("jdk.")
                || qualified.startsWith("sun.") || qualified.startsWith("com.sun.")) {
            throw new UnsupportedTypeException(qualified + " is not a data type Tandem can map; "
                    + TypeMapper.SUPPORTED + ".");
        }
        if (!element.getTypeParameters().isEmpty()) {
            throw new UnsupportedTypeException(simple + " is generic, which value types can't be yet."
                    + " Declare a concrete record or class for this use.");
        }
        if (kind == ElementKind.CLASS && TypeMapper.isAbstract(element)) {
            throw new UnsupportedTypeException(simple + " is abstract, so it can't be created when decoding."
                    + " Use a concrete record or class.");
        }
        if (element.getNestingKind().isNested() && !element.getModifiers().contains(Modifier.STATIC)
                && kind == ElementKind.CLASS) {
            throw new UnsupportedTypeException(simple + " is an inner (non-static) class, so it can't be created"
                    + " on its own. Make it static.");
        }
        if (!accessible(element)) {
            throw new UnsupportedTypeException(simple + " can't be used from package " + packageName
                    + " where the generated code lives. Make it public (or move it to that package).");
        }
    }

    private boolean accessible(Element element) {
        for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (!memberAccessible(e)) {
                return false;
            }
        }
        return true;
    }

    private boolean memberAccessible(Element member) {
        var mods = member.getModifiers();
        if (mods.contains(Modifier.PUBLIC)) {
            return true;
        }
        if (mods.contains(Modifier.PRIVATE)) {
            return false;
        }
        return elements.getPackageOf(member).getQualifiedName().contentEquals(packageName);
    }

    private String codecName(String qualified, ClassName className) {
        String name = String.join("", className.simpleNames());
        if (codecNames.containsValue(name)) {
            StringBuilder prefix = new StringBuilder();
            for (String segment : className.packageName().split("\\.")) {
                prefix.append(Names.capitalize(segment));
            }
            name = prefix + name;
        }
        codecNames.put(qualified, name);
        return name;
    }

    private List<String> constants(TypeElement element) {
        List<String> constants = new ArrayList<>();
        for (Element e : element.getEnclosedElements()) {
            if (e.getKind() == ElementKind.ENUM_CONSTANT) {
                constants.add(e.getSimpleName().toString());
            }
        }
        return constants;
    }

    private List<PropertyModel> recordProperties(TypeElement element, TypeMapper mapper)
            throws UnsupportedTypeException {
        List<PropertyModel> properties = new ArrayList<>();
        for (RecordComponentElement c : element.getRecordComponents()) {
            TypeUse type = property(element, c.getSimpleName().toString(), c.asType(), mapper,
                    Nullability.nullable(c, c.asType()));
            String doc = Docs.of(elements, c);
            if (doc.isEmpty()) {
                doc = Docs.param(elements, element, c.getSimpleName().toString());
            }
            properties.add(new PropertyModel(c.getSimpleName().toString(), type,
                    c.getAccessor().getSimpleName().toString(), null, doc));
        }
        return properties;
    }

    private List<PropertyModel> beanProperties(TypeElement element, TypeMapper mapper)
            throws UnsupportedTypeException {
        String simple = element.getSimpleName().toString();
        boolean hasConstructor = ElementFilter.constructorsIn(element.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && memberAccessible(c));
        if (!hasConstructor) {
            throw new UnsupportedTypeException(simple + " has no no-argument constructor that generated code can"
                    + " call. Make " + simple + " a record, or add a "
                    + (elements.getPackageOf(element).getQualifiedName().contentEquals(packageName) ? "package-private"
                    : "public") + " no-argument constructor.");
        }
        checkSuperclass(element);
        List<PropertyModel> properties = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(element.getEnclosedElements())) {
            var mods = field.getModifiers();
            if (mods.contains(Modifier.STATIC) || mods.contains(Modifier.TRANSIENT)) {
                continue;
            }
            properties.add(beanProperty(element, field, mapper));
        }
        return properties;
    }

    private void checkSuperclass(TypeElement element) throws UnsupportedTypeException {
        TypeMirror superclass = element.getSuperclass();
        while (superclass.getKind() == TypeKind.DECLARED) {
            TypeElement parent = (TypeElement) types.asElement(superclass);
            if (parent.getQualifiedName().contentEquals("java.lang.Object")) {
                return;
            }
            boolean hasState = ElementFilter.fieldsIn(parent.getEnclosedElements()).stream()
                    .anyMatch(f -> !f.getModifiers().contains(Modifier.STATIC));
            if (hasState) {
                throw new UnsupportedTypeException(element.getSimpleName() + " extends " + parent.getSimpleName()
                        + ", which has fields, but inherited fields are not encoded. Move the fields into "
                        + element.getSimpleName() + ", or use a record.");
            }
            superclass = parent.getSuperclass();
        }
    }

    private PropertyModel beanProperty(TypeElement owner, VariableElement field, TypeMapper mapper)
            throws UnsupportedTypeException {
        String name = field.getSimpleName().toString();
        String where = owner.getSimpleName() + "." + name;
        boolean isFinal = field.getModifiers().contains(Modifier.FINAL);
        TypeUse type = property(owner, name, field.asType(), mapper, Nullability.nullable(field, field.asType()));
        String doc = Docs.of(elements, field);
        if (memberAccessible(field) && !isFinal) {
            return new PropertyModel(name, type, null, null, doc);
        }
        String cap = Names.capitalize(name);
        ExecutableElement getter = method(owner, "get" + cap, 0);
        if (getter == null && field.asType().getKind() == TypeKind.BOOLEAN) {
            getter = method(owner, "is" + cap, 0);
        }
        ExecutableElement setter = method(owner, "set" + cap, 1);
        if (getter != null && setter != null) {
            return new PropertyModel(name, type, getter.getSimpleName().toString(), setter.getSimpleName().toString(),
                    doc);
        }
        if (isFinal) {
            throw new UnsupportedTypeException(where + " is final, so decoding can't set it."
                    + " Remove final, or make " + owner.getSimpleName() + " a record for an immutable value.");
        }
        throw new UnsupportedTypeException(where + " can't be read and written by generated code in package "
                + packageName + ". Make the field " + (elements.getPackageOf(owner).getQualifiedName()
                .contentEquals(packageName) ? "package-private" : "public") + ", add get" + cap + "() and set" + cap
                + "(...), or make " + owner.getSimpleName() + " a record.");
    }

    private ExecutableElement method(TypeElement owner, String name, int params) {
        for (ExecutableElement m : ElementFilter.methodsIn(owner.getEnclosedElements())) {
            if (m.getSimpleName().contentEquals(name) && m.getParameters().size() == params
                    && !m.getModifiers().contains(Modifier.STATIC) && memberAccessible(m)) {
                return m;
            }
        }
        return null;
    }

    private TypeUse property(TypeElement owner, String name, TypeMirror type, TypeMapper mapper, boolean nullable)
            throws UnsupportedTypeException {
        try {
            return mapper.use(type, nullable);
        } catch (UnsupportedTypeException e) {
            throw new UnsupportedTypeException(owner.getSimpleName() + "." + name + ": " + e.getMessage());
        }
    }
}
