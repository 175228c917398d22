package dev.portcullis.core.catalog;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The source row a test of {@link SeedDeviationsTest} checks the catalog's departure from, written
 * as the blueprint records it in {@code SourceDeviation.row()}. {@link RecordedDeviationsTest} holds
 * the tests and the recorded deviations to each other.
 */
@Retention(RUNTIME)
@Target(METHOD)
@Repeatable(DepartsFrom.Rows.class)
public @interface DepartsFrom {
    /** The row, as the source says it. */
    String value();

    /** The source table, when it is not the enclosing {@link Table}'s. */
    String source() default "";

    @Retention(RUNTIME)
    @Target(METHOD)
    public @interface Rows {
        DepartsFrom[] value();
    }

    /** The distribution and the source table a nested class of {@link SeedDeviationsTest} checks. */
    @Retention(RUNTIME)
    @Target(TYPE)
    public @interface Table {
        String distribution();

        String source();
    }
}
