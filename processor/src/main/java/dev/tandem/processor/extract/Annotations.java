package dev.tandem.processor.extract;

import dev.tandem.Action;
import dev.tandem.AllowRead;
import dev.tandem.AllowWrite;
import dev.tandem.Field;
import dev.tandem.LiveObject;
import dev.tandem.OnConnect;
import dev.tandem.OnCreate;
import dev.tandem.OnDisconnect;
import dev.tandem.OnTimer;
import dev.tandem.ServerOnly;
import dev.tandem.View;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/** The Tandem annotations by name, and lookups of their mirrors and values on elements. */
public final class Annotations {

    /** {@code @LiveObject}. */
    public static final String LIVE_OBJECT = LiveObject.class.getCanonicalName();
    /** {@code @Field}. */
    public static final String FIELD = Field.class.getCanonicalName();
    /** {@code @Action}. */
    public static final String ACTION = Action.class.getCanonicalName();
    /** {@code @OnCreate}. */
    public static final String ON_CREATE = OnCreate.class.getCanonicalName();
    /** {@code @OnConnect}. */
    public static final String ON_CONNECT = OnConnect.class.getCanonicalName();
    /** {@code @OnDisconnect}. */
    public static final String ON_DISCONNECT = OnDisconnect.class.getCanonicalName();
    /** {@code @OnJoin}. */
    public static final String ON_JOIN = dev.tandem.OnJoin.class.getCanonicalName();
    /** {@code @OnLeave}. */
    public static final String ON_LEAVE = dev.tandem.OnLeave.class.getCanonicalName();
    /** {@code @OnTimer}. */
    public static final String ON_TIMER = OnTimer.class.getCanonicalName();
    /** {@code @ServerOnly}. */
    public static final String SERVER_ONLY = ServerOnly.class.getCanonicalName();
    /** {@code @View}. */
    public static final String VIEW = View.class.getCanonicalName();

    /** {@code @State}. */
    public static final String STATE = dev.tandem.State.class.getCanonicalName();
    /** {@code @Transition}. */
    public static final String TRANSITION = dev.tandem.Transition.class.getCanonicalName();
    /** {@code @OnEnter}. */
    public static final String ON_ENTER = dev.tandem.OnEnter.class.getCanonicalName();
    /** {@code @OnExit}. */
    public static final String ON_EXIT = dev.tandem.OnExit.class.getCanonicalName();
    /** {@code @After}. */
    public static final String AFTER = dev.tandem.After.class.getCanonicalName();

    /** {@code @AllowRead}. */
    public static final String ALLOW_READ = AllowRead.class.getCanonicalName();
    /** {@code @AllowWrite}. */
    public static final String ALLOW_WRITE = AllowWrite.class.getCanonicalName();

    /** {@code @Formerly}. */
    public static final String FORMERLY = dev.tandem.Formerly.class.getCanonicalName();
    /** {@code @Migrate}. */
    public static final String MIGRATE = dev.tandem.Migrate.class.getCanonicalName();

    /** The annotations that mark members of a live-object class. */
    public static final List<String> MEMBER_ANNOTATIONS = List.of(FIELD, ACTION, ON_CREATE, ON_CONNECT, ON_DISCONNECT,
            ON_JOIN, ON_LEAVE, ON_TIMER, SERVER_ONLY, VIEW, ALLOW_READ, ALLOW_WRITE, STATE, TRANSITION, ON_ENTER, ON_EXIT, AFTER,
            FORMERLY, MIGRATE);

    /** The annotations that give a method a role. */
    static final List<String> METHOD_ROLES = List.of(ACTION, ON_CREATE, ON_CONNECT, ON_DISCONNECT, ON_JOIN, ON_LEAVE,
            ON_TIMER, VIEW, ON_ENTER, ON_EXIT);

    private Annotations() {
    }

    /**
     * @param element an element
     * @param annotation an annotation's qualified name
     * @return the element's mirror of that annotation, or {@code null}
     */
    public static AnnotationMirror mirror(Element element, String annotation) {
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            if (m.getAnnotationType().toString().equals(annotation)) {
                return m;
            }
        }
        return null;
    }

    /**
     * @param annotation an annotation's qualified name
     * @return its simple name, for messages
     */
    public static String simpleName(String annotation) {
        return annotation.substring(annotation.lastIndexOf('.') + 1);
    }

    /**
     * @param mirror an annotation
     * @param member a member's name
     * @return the member's explicit value, or {@code null} when it was left at its default
     */
    static List<String> strings(AnnotationMirror mirror, String member) {
        Object value = value(mirror, member);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> String.valueOf(((AnnotationValue) v).getValue())).toList();
        }
        return List.of(value.toString());
    }

    static Object value(AnnotationMirror mirror, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member)) {
                return e.getValue().getValue();
            }
        }
        return null;
    }
}
