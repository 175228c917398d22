package dev.portcullis.openstack;

import dev.portcullis.component.testing.RecordingMocks;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.resources.Resource;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.portcullis.openstack.networking.ProviderPlugin;
import dev.portcullis.openstack.networking.SecGroup;
import dev.portcullis.openstack.networking.SecGroupArgs;
import dev.portcullis.openstack.networking.SecGroupRule;
import dev.portcullis.openstack.networking.SecGroupRuleArgs;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/** The thin bindings speak the provider's schema: type tokens, input names, required inputs, plugin version. */
class NeutronBindingsTest {
    /** Inputs of pulumi-openstack 5.5.1's schema. */
    static final Set<String> SEC_GROUP_INPUTS = Set.of("name", "description", "deleteDefaultRules", "stateful", "tags",
            "region", "tenantId");
    static final Set<String> SEC_GROUP_RULE_INPUTS = Set.of("direction", "ethertype", "securityGroupId", "protocol",
            "portRangeMin", "portRangeMax", "remoteGroupId", "remoteIpPrefix", "remoteAddressGroupId", "description",
            "region", "tenantId");
    static final Set<String> SEC_GROUP_RULE_REQUIRED = Set.of("direction", "ethertype", "securityGroupId");

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void resourcesRegisterWithTheProvidersTypeTokensInputNamesAndPinnedPluginVersion() {
        var mocks = new RecordingMocks();
        var requests = new ConcurrentHashMap<String, RegisterResourceRequest>();
        var test = new PulumiTestInternal.Builder().mocks(mocks)
                .monitorDecorator(monitor -> new RequestRecorder(mocks, requests)).build();
        test.runTest(ctx -> {
            var group = new SecGroup("g", SecGroupArgs.builder().name("g").description("d").deleteDefaultRules(true)
                    .stateful(true).tags(List.of("a=b")).region("r1").tenantId("t1").build(), null);
            new SecGroupRule("r", SecGroupRuleArgs.builder().direction("ingress").ethertype("IPv4")
                    .securityGroupId(group.id()).protocol("tcp").portRangeMin(6443).portRangeMax(6443)
                    .remoteGroupId(group.id()).description("API").region("r1").tenantId("t1").build(), null);
            new SecGroupRule("p", SecGroupRuleArgs.builder().direction("egress").ethertype("IPv6")
                    .securityGroupId(group.id()).remoteIpPrefix("2001:db8::/32").remoteAddressGroupId("ag-1").build(), null);
        }).throwOnError();

        assertThat(mocks.ofType(SecGroup.TYPE)).singleElement().satisfies(r ->
                assertThat(r.inputs.keySet()).isEqualTo(SEC_GROUP_INPUTS));
        assertThat(mocks.ofType(SecGroupRule.TYPE)).hasSize(2).allSatisfy(r -> {
            assertThat(SEC_GROUP_RULE_INPUTS).containsAll(r.inputs.keySet());
            assertThat(r.inputs.keySet()).containsAll(SEC_GROUP_RULE_REQUIRED);
        });
        assertThat(mocks.inputs("r")).containsEntry("portRangeMin", 6443.0).containsEntry("ethertype", "IPv4")
                .containsEntry("remoteGroupId", "g");
        assertThat(List.of("g", "r", "p")).allSatisfy(name ->
                assertThat(requests.get(name).getVersion()).as(name).isEqualTo(ProviderPlugin.VERSION));
    }

    @Test
    void theCliFindsTheOpenstackPluginOnTheClasspath() throws Exception {
        var resource = getClass().getClassLoader().getResourceAsStream("com/pulumi/openstack/plugin.json");
        assertThat(resource).as("com/pulumi/openstack/plugin.json").isNotNull();
        JsonObject plugin = JsonParser.parseReader(new InputStreamReader(resource, StandardCharsets.UTF_8)).getAsJsonObject();
        assertThat(plugin.get("resource").getAsBoolean()).isTrue();
        assertThat(plugin.get("name").getAsString()).isEqualTo("openstack");
        assertThat(plugin.get("version").getAsString()).isEqualTo(ProviderPlugin.VERSION);
        // The CLI's discovery (com.pulumi.bootstrap.internal.PulumiPlugins) matches com/<namespace>/<name>/plugin.json.
        assertThat("com/pulumi/openstack/plugin.json").matches("^(?<package>com/(?<namespace>.+)/(?<name>.+))/plugin.json$");
    }

    /** Records each resource's registration request by name: options (version, replacement) never reach {@code Mocks}. */
    static final class RequestRecorder extends MockMonitor {
        private final Map<String, RegisterResourceRequest> requests;

        RequestRecorder(RecordingMocks mocks, Map<String, RegisterResourceRequest> requests) {
            super(mocks, com.pulumi.Log.ignore());
            this.requests = requests;
        }

        @Override
        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
            requests.put(request.getName(), request);
            return super.registerResourceAsync(resource, request);
        }
    }
}
