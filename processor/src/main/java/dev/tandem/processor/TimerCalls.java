package dev.tandem.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.Diagnostic.Kind;

/**
 * Checks, once javac has attributed a live-object class, its calls to {@code LiveContext.schedule},
 * {@code scheduleAt}, {@code cancel} and {@code dueAt}: a timer name that is a compile-time constant must name one
 * of the class's {@code @OnTimer} methods (TANDEM-403). Method bodies are typed only after
 * annotation processing, hence a {@link TaskListener} on the analyze phase rather than a check in
 * {@code process}. With another compiler than javac there is no listener and the run-time check
 * stays the only one; so does it for a name computed at run time.
 */
final class TimerCalls implements TaskListener {

    private static final String LIVE_CONTEXT = "dev.tandem.LiveContext";
    private static final Set<String> METHODS = Set.of("schedule", "scheduleAt", "cancel", "dueAt");

    private final Trees trees;
    private final Map<TypeElement, List<String>> timers = new ConcurrentHashMap<>();

    private TimerCalls(Trees trees) {
        this.trees = trees;
    }

    /** @return the check, listening to the compilation, or {@code null} when the compiler is not javac */
    static TimerCalls install(ProcessingEnvironment env) {
        try {
            TimerCalls calls = new TimerCalls(Trees.instance(env));
            JavacTask.instance(env).addTaskListener(calls);
            return calls;
        } catch (IllegalArgumentException | LinkageError | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * @param type a live-object class that compiled cleanly so far
     * @param names its {@code @OnTimer} methods, sorted
     */
    void expect(TypeElement type, List<String> names) {
        timers.put(type, List.copyOf(names));
    }

    @Override
    public void finished(TaskEvent event) {
        if (event.getKind() != TaskEvent.Kind.ANALYZE || timers.isEmpty() || event.getCompilationUnit() == null) {
            return;
        }
        CompilationUnitTree unit = event.getCompilationUnit();
        new Scanner(unit, event.getTypeElement()).scan(new TreePath(unit), null);
    }

    private final class Scanner extends TreePathScanner<Void, Void> {

        private final CompilationUnitTree unit;
        private final TypeElement topLevel;
        private final Deque<TypeElement> liveObjects = new ArrayDeque<>();

        Scanner(CompilationUnitTree unit, TypeElement topLevel) {
            this.unit = unit;
            this.topLevel = topLevel;
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
            Element element = trees.getElement(getCurrentPath());
            if (liveObjects.isEmpty() && topLevel != null && element != null && !element.equals(topLevel)
                    && element.getEnclosingElement() instanceof javax.lang.model.element.PackageElement) {
                return null; // another top-level class of the file: its own event checks it
            }
            boolean live = element instanceof TypeElement t && timers.containsKey(t);
            if (live) {
                liveObjects.push((TypeElement) element);
            }
            try {
                return super.visitClass(tree, unused);
            } finally {
                if (live) {
                    liveObjects.pop();
                }
            }
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
            if (!liveObjects.isEmpty() && !call.getArguments().isEmpty()
                    && trees.getElement(getCurrentPath()) instanceof ExecutableElement method
                    && METHODS.contains(method.getSimpleName().toString())
                    && method.getEnclosingElement() instanceof TypeElement owner
                    && owner.getQualifiedName().contentEquals(LIVE_CONTEXT)) {
                ExpressionTree argument = call.getArguments().get(0);
                String name = constant(argument);
                TypeElement type = liveObjects.peek();
                List<String> names = timers.get(type);
                if (name != null && !names.contains(name)) {
                    trees.printMessage(Kind.ERROR, Diagnostic.TIMER_UNKNOWN.format(name, type.getSimpleName(),
                            names.isEmpty() ? "it has no timers" : "timers: " + String.join(", ", names),
                            method.getSimpleName(), name), argument, unit);
                }
            }
            return super.visitMethodInvocation(call, unused);
        }

        private String constant(ExpressionTree argument) {
            if (argument instanceof LiteralTree literal) {
                return literal.getValue() instanceof String s ? s : null;
            }
            Element element = trees.getElement(new TreePath(getCurrentPath(), argument));
            return element instanceof VariableElement v && v.getConstantValue() instanceof String s ? s : null;
        }
    }
}
