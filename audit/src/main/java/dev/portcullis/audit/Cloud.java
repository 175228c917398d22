package dev.portcullis.audit;

import dev.portcullis.core.Binding;
import dev.portcullis.core.CloudIdForms;
import dev.portcullis.core.PatternSyntax;
import java.util.Locale;

/** The cloud whose security group listing is audited, and the form of its ids ({@link CloudIdForms}). */
public enum Cloud {
    AWS(CloudIdForms.AWS),
    OPENSTACK(CloudIdForms.NEUTRON);

    private final PatternSyntax ids;

    Cloud(PatternSyntax ids) {
        this.ids = ids;
    }

    /** {@code aws} or {@code openstack}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Checks a security group id given for this cloud. Its alphabet is safe in a shell command, where
     * the id ends up ({@code pulumi import}).
     *
     * @throws IllegalArgumentException naming {@code field} and the form, if {@code id} is not one
     */
    String requireGroupId(String field, String id) {
        ids.checkValue(field, Binding.Kind.SECURITY_GROUP, id);
        return id;
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static Cloud parse(String text) {
        for (Cloud cloud : values()) {
            if (cloud.label().equalsIgnoreCase(text)) {
                return cloud;
            }
        }
        throw new IllegalArgumentException("cloud '" + text + "' is unknown: allowed values are aws, openstack");
    }
}
