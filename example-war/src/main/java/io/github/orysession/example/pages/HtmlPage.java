package io.github.orysession.example.pages;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks the example's HTML pages: {@link PageHeadersFilter} gives their responses the page security headers, and
 * {@link HtmlErrorFilter} turns the library's JSON errors on them into an HTML page.
 */
@NameBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface HtmlPage {
}
