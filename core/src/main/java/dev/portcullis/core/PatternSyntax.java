package dev.portcullis.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A cloud's text syntax as a list of forms: CIDRs first, then each reference kind by its pattern
 * ({@code sg-} and hex digits, a UUID, {@code address-group:} and a UUID). The same patterns check a
 * value that arrives only at deployment ({@link #checkValue}).
 */
public final class PatternSyntax implements BindingSyntax {
    /** One reference form: text matching {@code prefix + pattern} is a {@code kind} whose value is the part after the prefix. */
    public record Form(Binding.Kind kind, String prefix, Pattern pattern, String description) {
        public Form {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(description, "description");
        }
    }

    private final List<Form> forms;
    private final String description;

    /** @param forms the reference forms, in the order they are tried; kinds without a form have none in this cloud */
    public PatternSyntax(List<Form> forms) {
        this.forms = List.copyOf(forms);
        this.description = "a CIDR (10.0.0.0/16, 2001:db8::/32), " + String.join(" or ", this.forms.stream().map(Form::description).toList());
    }

    @Override
    public Binding parse(String field, String text) {
        Optional<Binding> cidr = BindingSyntax.cidr(field, text);
        if (cidr.isPresent()) {
            return cidr.get();
        }
        String trimmed = text.trim();
        for (Form form : forms) {
            if (trimmed.startsWith(form.prefix()) && form.pattern().matcher(trimmed.substring(form.prefix().length())).matches()) {
                return Binding.literal(form.kind(), trimmed.substring(form.prefix().length()));
            }
        }
        throw BindingSyntax.unknownForm(field, text, description);
    }

    @Override
    public String forms() {
        return description;
    }

    @Override
    public void checkValue(String field, Binding.Kind kind, String value) {
        if (kind.isCidr()) {
            BindingSyntax.checkCidr(field, kind, value);
            return;
        }
        Form form = forms.stream().filter(f -> f.kind() == kind).findFirst().orElseThrow(() -> new IllegalArgumentException(
                field + " is " + kind.token().replace('-', ' ') + ", which this cloud does not have: expected " + description));
        if (!form.pattern().matcher(value).matches()) {
            throw new IllegalArgumentException(field + " '" + Text.printable(value) + "' is not " + form.description());
        }
    }
}
