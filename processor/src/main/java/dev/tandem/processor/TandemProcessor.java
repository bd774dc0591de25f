package dev.tandem.processor;

import dev.tandem.processor.extract.Annotations;
import dev.tandem.processor.extract.Context;
import dev.tandem.processor.extract.LiveObjectExtractor;
import dev.tandem.processor.extract.UnresolvedTypeException;
import dev.tandem.processor.model.HookModel;
import dev.tandem.processor.model.LiveObjectModel;
import dev.tandem.processor.write.GeneratedNames;
import dev.tandem.processor.write.ServiceFile;
import dev.tandem.processor.write.SourceFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Processes {@code @LiveObject} classes: extract a validated model, then write the generated code.
 * It never throws: an unexpected failure becomes a compile error on the class.
 */
public final class TandemProcessor extends AbstractProcessor {

    private final Set<String> deferred = new LinkedHashSet<>();
    private final Map<String, TypeElement> typeNames = new HashMap<>();
    private final Set<String> definitions = new TreeSet<>();
    private TimerCalls timerCalls;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        timerCalls = TimerCalls.install(env);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> types = new LinkedHashSet<>();
        types.add(Annotations.LIVE_OBJECT);
        types.addAll(Annotations.MEMBER_ANNOTATIONS);
        // claimed so that generated sources, which carry it, don't trip -Xlint:processing
        types.add("javax.annotation.processing.Generated");
        return types;
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(SchemaCheck.OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Reporter reporter = new Reporter(processingEnv.getMessager());
        Context context = Context.of(processingEnv, reporter);
        reportMisplaced(round, reporter);
        List<TypeElement> todo = new ArrayList<>();
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                todo.add(type);
            }
        }
        deferred.clear();
        for (Element e : round.getElementsAnnotatedWith(processingEnv.getElementUtils().getTypeElement(Annotations.LIVE_OBJECT))) {
            todo.add((TypeElement) e);
        }
        for (TypeElement type : todo) {
            processOne(type, context, round.processingOver());
        }
        if (round.processingOver() && !definitions.isEmpty()) {
            try {
                ServiceFile.write(processingEnv.getFiler(), definitions);
            } catch (IOException e) {
                reporter.error(Diagnostic.INTERNAL_ERROR, typeNames.values().iterator().next(),
                        ServiceFile.PATH, e.toString());
            }
        }
        return true;
    }

    private void processOne(TypeElement type, Context context, boolean lastRound) {
        try {
            LiveObjectModel model = new LiveObjectExtractor(context).extract(type);
            if (model == null || !uniqueTypeName(model, context.reporter())) {
                return;
            }
            String schemas = processingEnv.getOptions().get(SchemaCheck.OPTION);
            if (schemas != null && !schemas.isBlank()
                    && !new SchemaCheck(java.nio.file.Path.of(schemas), context.reporter()).check(model)) {
                return;
            }
            new SourceFiles(processingEnv.getFiler()).write(model);
            definitions.add(GeneratedNames.definition(model).canonicalName());
            if (timerCalls != null) {
                timerCalls.expect(type, model.timers().stream().map(HookModel::method).toList());
            }
        } catch (UnresolvedTypeException e) {
            if (!lastRound) {
                deferred.add(type.getQualifiedName().toString());
            }
            // in the last round the compiler itself reports the missing type
        } catch (Exception | LinkageError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            context.reporter().error(Diagnostic.INTERNAL_ERROR, type, type.getQualifiedName(), trace);
        }
    }

    private boolean uniqueTypeName(LiveObjectModel model, Reporter reporter) {
        TypeElement other = typeNames.putIfAbsent(model.typeName(), model.element());
        if (other == null || other.equals(model.element())) {
            return true;
        }
        reporter.error(Diagnostic.DUPLICATE_TYPE_NAME, model.element(),
                Annotations.mirror(model.element(), Annotations.LIVE_OBJECT),
                model.typeName(), model.element().getQualifiedName(), other.getQualifiedName());
        return false;
    }

    private void reportMisplaced(RoundEnvironment round, Reporter reporter) {
        for (String annotation : Annotations.MEMBER_ANNOTATIONS) {
            TypeElement annotationType = processingEnv.getElementUtils().getTypeElement(annotation);
            if (annotationType == null) {
                continue;
            }
            for (Element member : round.getElementsAnnotatedWith(annotationType)) {
                Element owner = member.getEnclosingElement();
                if (Annotations.mirror(owner, Annotations.LIVE_OBJECT) == null) {
                    String simple = Annotations.simpleName(annotation);
                    reporter.error(Diagnostic.ANNOTATION_OUTSIDE_LIVE_OBJECT, member,
                            Annotations.mirror(member, annotation), simple,
                            owner.getSimpleName() + "." + member.getSimpleName(), owner.getSimpleName(),
                            owner.getSimpleName(), simple);
                }
            }
        }
    }
}
