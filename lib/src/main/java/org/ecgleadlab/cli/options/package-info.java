/**
 * Options that several commands take, as picocli mixins: one class per option name, so a name has one meaning and one
 * description wherever it appears. A command adds one with {@code @Mixin}; where its default differs from another
 * command's, the command passes it to the mixin's constructor, so each command states its default once and
 * {@code --help} shows it. Imports picocli and the library types an option parses into or defaults to ({@code data},
 * {@code model}, {@code train}, {@code util}), never a job: the commands in {@code cli} wire options to jobs.
 */
package org.ecgleadlab.cli.options;
