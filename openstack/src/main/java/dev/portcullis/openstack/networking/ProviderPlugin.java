package dev.portcullis.openstack.networking;

import com.pulumi.resources.CustomResourceOptions;

/**
 * The {@code openstack} resource plugin these bindings speak to. Every resource pins it in its
 * options, so the engine installs exactly this version on demand; {@code plugin.json} on the
 * classpath ({@code com/pulumi/openstack/plugin.json}) lets the CLI find it before the program runs.
 */
public final class ProviderPlugin {
    /** The pulumi-openstack release whose schema these bindings follow. */
    public static final String VERSION = "5.5.1";

    private ProviderPlugin() {}

    /** The caller's options with the plugin version pinned (the caller's version wins if set). */
    static CustomResourceOptions pinned(CustomResourceOptions options) {
        CustomResourceOptions pin = CustomResourceOptions.builder().version(VERSION).build();
        return CustomResourceOptions.merge(pin, options);
    }
}
