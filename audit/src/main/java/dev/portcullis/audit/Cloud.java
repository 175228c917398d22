package dev.portcullis.audit;

import java.util.Locale;

/** The cloud whose security group listing is audited. */
public enum Cloud {
    AWS,
    OPENSTACK;

    /** {@code aws} or {@code openstack}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
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
