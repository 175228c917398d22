package dev.portcullis.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.portcullis.openstack.networking.AddressGroupV2;
import dev.portcullis.openstack.networking.AddressGroupV2Args;
import dev.portcullis.openstack.networking.Network;
import dev.portcullis.openstack.networking.NetworkArgs;
import dev.portcullis.openstack.networking.Port;
import dev.portcullis.openstack.networking.PortAllowedAddressPairArgs;
import dev.portcullis.openstack.networking.PortArgs;
import dev.portcullis.openstack.networking.PortFixedIpArgs;
import dev.portcullis.openstack.networking.ProviderPlugin;
import dev.portcullis.openstack.networking.SecGroup;
import dev.portcullis.openstack.networking.SecGroupArgs;
import dev.portcullis.openstack.networking.Subnet;
import dev.portcullis.openstack.networking.SubnetArgs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The network bindings speak pulumi-openstack 5.5.1's schema
 * (https://github.com/pulumi/pulumi-openstack/blob/v5.5.1/provider/cmd/pulumi-resource-openstack/schema.json#L14898
 * Port, #L14617 Network, #L17197 Subnet, #L13835 AddressGroupV2, #L1646 PortFixedIp, #L1572
 * PortAllowedAddressPair): type tokens, input names, wire values, outputs and the pinned plugin version.
 */
class NetworkingBindingsTest {
    /** Every input the schema defines, so a misspelt name cannot pass. */
    static final Set<String> PORT_SCHEMA_INPUTS = Set.of("adminStateUp", "allowedAddressPairs", "binding",
            "description", "deviceId", "deviceOwner", "dnsName", "extraDhcpOptions", "fixedIps", "macAddress", "name",
            "networkId", "noFixedIp", "noSecurityGroups", "portSecurityEnabled", "qosPolicyId", "region",
            "securityGroupIds", "tags", "tenantId", "valueSpecs");
    static final Set<String> NETWORK_SCHEMA_INPUTS = Set.of("adminStateUp", "availabilityZoneHints", "description",
            "dnsDomain", "external", "mtu", "name", "portSecurityEnabled", "qosPolicyId", "region", "segments", "shared",
            "tags", "tenantId", "transparentVlan", "valueSpecs");
    static final Set<String> SUBNET_SCHEMA_INPUTS = Set.of("allocationPools", "cidr", "description", "dnsNameservers",
            "dnsPublishFixedIp", "enableDhcp", "gatewayIp", "ipVersion", "ipv6AddressMode", "ipv6RaMode", "name",
            "networkId", "noGateway", "prefixLength", "region", "segmentId", "serviceTypes", "subnetpoolId", "tags",
            "tenantId", "valueSpecs");
    static final Set<String> ADDRESS_GROUP_SCHEMA_INPUTS = Set.of("addresses", "description", "name", "projectId",
            "region");

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void aPortSendsSchemaNamesAndNestedFixedIpsAndAddressPairsAsListsOfObjects() {
        var mocks = new NeutronMocks();
        PulumiTest.withMocks(mocks).runTest(ctx -> new Port("p", PortArgs.builder()
                .networkId("net-1").name("worker-0").description("worker 0 NIC").adminStateUp(true)
                .fixedIps(PortFixedIpArgs.builder().subnetId("sub-1").ipAddress("10.0.0.5").build(),
                        PortFixedIpArgs.builder().subnetId("sub-6").build())
                .securityGroupIds("sg-a", "sg-b").noSecurityGroups(false)
                .allowedAddressPairs(
                        PortAllowedAddressPairArgs.builder().ipAddress("10.0.0.100/32").build(),
                        PortAllowedAddressPairArgs.builder().ipAddress("10.0.0.101").macAddress("fa:16:3e:00:00:01").build())
                .portSecurityEnabled(true).macAddress("fa:16:3e:aa:bb:cc").dnsName("worker-0").qosPolicyId("qos-1")
                .tags(List.of("portcullis-cluster=prod")).region("RegionOne").tenantId("t1").build(), null))
                .throwOnError();

        assertThat(mocks.types()).containsExactly("openstack:networking/port:Port");
        Map<String, Object> inputs = mocks.inputs("p");
        assertThat(PORT_SCHEMA_INPUTS).containsAll(inputs.keySet());
        assertThat(inputs).isEqualTo(Map.ofEntries(
                Map.entry("networkId", "net-1"),
                Map.entry("name", "worker-0"),
                Map.entry("description", "worker 0 NIC"),
                Map.entry("adminStateUp", true),
                Map.entry("fixedIps", List.of(
                        Map.of("subnetId", "sub-1", "ipAddress", "10.0.0.5"),
                        Map.of("subnetId", "sub-6"))),
                Map.entry("securityGroupIds", List.of("sg-a", "sg-b")),
                Map.entry("noSecurityGroups", false),
                Map.entry("allowedAddressPairs", List.of(
                        Map.of("ipAddress", "10.0.0.100/32"),
                        Map.of("ipAddress", "10.0.0.101", "macAddress", "fa:16:3e:00:00:01"))),
                Map.entry("portSecurityEnabled", true),
                Map.entry("macAddress", "fa:16:3e:aa:bb:cc"),
                Map.entry("dnsName", "worker-0"),
                Map.entry("qosPolicyId", "qos-1"),
                Map.entry("tags", List.of("portcullis-cluster=prod")),
                Map.entry("region", "RegionOne"),
                Map.entry("tenantId", "t1")));
    }

    @Test
    void aPortWithOnlyItsNetworkSendsNothingElse() {
        var mocks = new NeutronMocks();
        PulumiTest.withMocks(mocks).runTest(ctx -> new Port("p", PortArgs.builder().networkId("net-1").build(), null))
                .throwOnError();
        assertThat(mocks.inputs("p")).isEqualTo(Map.of("networkId", "net-1"));
    }

    @Test
    void aPortTakesItsSecurityGroupIdsFromAnOutputAndReadsBackWhatNeutronAssigned() {
        var mocks = new NeutronMocks();
        AtomicReference<Port> port = new AtomicReference<>();
        PulumiTest.withMocks(mocks).runTest(ctx -> {
            var allNodes = new SecGroup("all-nodes", SecGroupArgs.builder().name("all-nodes").build(), null);
            var worker = new SecGroup("worker", SecGroupArgs.builder().name("worker").build(), null);
            // The shape of ClusterSecurityGroups.securityGroupIdsFor("worker"): ids known only once groups exist.
            Output<List<String>> groupIds = Output.all(allNodes.id(), worker.id());
            var network = new Network("net", NetworkArgs.builder().name("cluster").build(), null);
            port.set(new Port("p", PortArgs.builder().networkId(network.id()).name("worker-0")
                    .fixedIps(PortFixedIpArgs.builder().ipAddress("10.0.0.5").build())
                    .securityGroupIds(groupIds).build(), null));
        }).throwOnError();

        assertThat(mocks.inputs("p")).containsEntry("securityGroupIds", List.of("all-nodes", "worker"))
                .containsEntry("networkId", "net");
        assertThat(PulumiTest.extractValue(port.get().id())).isEqualTo("p");
        assertThat(PulumiTest.extractValue(port.get().name())).isEqualTo("worker-0");
        assertThat(PulumiTest.extractValue(port.get().networkId())).isEqualTo("net");
        assertThat(PulumiTest.extractValue(port.get().allFixedIps())).containsExactly("10.0.0.5");
        assertThat(PulumiTest.extractValue(port.get().allSecurityGroupIds())).containsExactly("all-nodes", "worker");
        assertThat(PulumiTest.extractValue(port.get().macAddress())).isEqualTo(NeutronMocks.MAC);
        assertThat(PulumiTest.extractValue(port.get().portSecurityEnabled())).isTrue();
    }

    @Test
    void aNetworkSendsItsMtuAsTheNumberTheEngineCarriesAndReadsItBackAsAnInteger() {
        var mocks = new NeutronMocks();
        AtomicReference<Network> network = new AtomicReference<>();
        PulumiTest.withMocks(mocks).runTest(ctx -> network.set(new Network("net", NetworkArgs.builder().name("cluster")
                .description("nodes").adminStateUp(true).portSecurityEnabled(true).mtu(1450)
                .tags(List.of("portcullis-cluster=prod")).region("RegionOne").tenantId("t1").build(), null)))
                .throwOnError();

        assertThat(mocks.types()).containsExactly("openstack:networking/network:Network");
        assertThat(NETWORK_SCHEMA_INPUTS).containsAll(mocks.inputs("net").keySet());
        assertThat(mocks.inputs("net")).isEqualTo(Map.of("name", "cluster", "description", "nodes", "adminStateUp", true,
                "portSecurityEnabled", true, "mtu", 1450.0, "tags", List.of("portcullis-cluster=prod"),
                "region", "RegionOne", "tenantId", "t1"));
        assertThat(PulumiTest.extractValue(network.get().mtu())).isEqualTo(1450);
        assertThat(PulumiTest.extractValue(network.get().name())).isEqualTo("cluster");
        assertThat(PulumiTest.extractValue(network.get().allTags())).containsExactly("portcullis-cluster=prod");
    }

    @Test
    void aNetworkWithoutAnMtuReadsBackTheOneNeutronChose() {
        var mocks = new NeutronMocks();
        AtomicReference<Network> network = new AtomicReference<>();
        PulumiTest.withMocks(mocks).runTest(ctx -> network.set(new Network("net", NetworkArgs.builder().build(), null)))
                .throwOnError();
        assertThat(mocks.inputs("net")).isEmpty();
        assertThat(PulumiTest.extractValue(network.get().mtu())).isEqualTo(NeutronMocks.MTU);
    }

    @Test
    void aSubnetSendsItsIpVersionAsANumberAndReadsBackItsAddressing() {
        var mocks = new NeutronMocks();
        AtomicReference<Subnet> subnet = new AtomicReference<>();
        PulumiTest.withMocks(mocks).runTest(ctx -> {
            var network = new Network("net", NetworkArgs.builder().name("cluster").build(), null);
            subnet.set(new Subnet("sub", SubnetArgs.builder().networkId(network.id()).cidr("2001:db8:1::/64")
                    .ipVersion(6).name("nodes-v6").description("node addresses").gatewayIp("2001:db8:1::1")
                    .noGateway(false).enableDhcp(true).dnsNameservers(List.of("2001:4860:4860::8888"))
                    .tags(List.of("portcullis-cluster=prod")).region("RegionOne").tenantId("t1").build(), null));
        }).throwOnError();

        assertThat(mocks.types()).containsExactly("openstack:networking/network:Network",
                "openstack:networking/subnet:Subnet");
        assertThat(SUBNET_SCHEMA_INPUTS).containsAll(mocks.inputs("sub").keySet());
        assertThat(mocks.inputs("sub")).isEqualTo(Map.ofEntries(
                Map.entry("networkId", "net"),
                Map.entry("cidr", "2001:db8:1::/64"),
                Map.entry("ipVersion", 6.0),
                Map.entry("name", "nodes-v6"),
                Map.entry("description", "node addresses"),
                Map.entry("gatewayIp", "2001:db8:1::1"),
                Map.entry("noGateway", false),
                Map.entry("enableDhcp", true),
                Map.entry("dnsNameservers", List.of("2001:4860:4860::8888")),
                Map.entry("tags", List.of("portcullis-cluster=prod")),
                Map.entry("region", "RegionOne"),
                Map.entry("tenantId", "t1")));
        assertThat(PulumiTest.extractValue(subnet.get().ipVersion())).isEqualTo(6);
        assertThat(PulumiTest.extractValue(subnet.get().cidr())).isEqualTo("2001:db8:1::/64");
        assertThat(PulumiTest.extractValue(subnet.get().networkId())).isEqualTo("net");
        assertThat(PulumiTest.extractValue(subnet.get().gatewayIp())).isEqualTo("2001:db8:1::1");
    }

    @Test
    void aSubnetWithoutGatewayOrVersionReadsBackNeutronsDefaults() {
        var mocks = new NeutronMocks();
        AtomicReference<Subnet> subnet = new AtomicReference<>();
        PulumiTest.withMocks(mocks).runTest(ctx -> subnet.set(new Subnet("sub", SubnetArgs.builder().networkId("net-1")
                .cidr("10.0.0.0/24").build(), null))).throwOnError();
        assertThat(mocks.inputs("sub")).isEqualTo(Map.of("networkId", "net-1", "cidr", "10.0.0.0/24"));
        assertThat(PulumiTest.extractValue(subnet.get().ipVersion())).isEqualTo(4);
        assertThat(PulumiTest.extractValue(subnet.get().gatewayIp())).isEqualTo(NeutronMocks.GATEWAY);
    }

    @Test
    void anAddressGroupSendsItsCidrsInOrderAndReadsThemBack() {
        var mocks = new NeutronMocks();
        AtomicReference<AddressGroupV2> group = new AtomicReference<>();
        PulumiTest.withMocks(mocks).runTest(ctx -> group.set(new AddressGroupV2("ag", AddressGroupV2Args.builder()
                .addresses("192.0.2.0/24", "2001:db8::/32").name("admins").description("admin workstations")
                .projectId("p1").region("RegionOne").build(), null))).throwOnError();

        assertThat(mocks.types()).containsExactly("openstack:networking/addressGroupV2:AddressGroupV2");
        assertThat(mocks.inputs("ag")).isEqualTo(Map.of("addresses", List.of("192.0.2.0/24", "2001:db8::/32"),
                "name", "admins", "description", "admin workstations", "projectId", "p1", "region", "RegionOne"));
        assertThat(ADDRESS_GROUP_SCHEMA_INPUTS).containsAll(mocks.inputs("ag").keySet());
        assertThat(PulumiTest.extractValue(group.get().addresses())).containsExactly("192.0.2.0/24", "2001:db8::/32");
        assertThat(PulumiTest.extractValue(group.get().name())).isEqualTo("admins");
    }

    @Test
    void everyResourcePinsThePluginVersionUnlessTheCallerChoseOne() {
        var mocks = new NeutronMocks();
        var requests = new ConcurrentHashMap<String, RegisterResourceRequest>();
        new PulumiTestInternal.Builder().mocks(mocks)
                .monitorDecorator(monitor -> new RequestRecorder(mocks, requests)).build()
                .runTest(ctx -> {
                    var network = new Network("net", NetworkArgs.builder().build(), null);
                    new Subnet("sub", SubnetArgs.builder().networkId(network.id()).cidr("10.0.0.0/24").build(), null);
                    new Port("p", PortArgs.builder().networkId(network.id()).build(), null);
                    new AddressGroupV2("ag", AddressGroupV2Args.builder().addresses("192.0.2.0/24").build(), null);
                    new Port("older", PortArgs.builder().networkId(network.id()).build(),
                            CustomResourceOptions.builder().version("5.4.0").build());
                }).throwOnError();

        assertThat(List.of("net", "sub", "p", "ag")).allSatisfy(name ->
                assertThat(requests.get(name).getVersion()).as(name).isEqualTo("5.5.1").isEqualTo(ProviderPlugin.VERSION));
        assertThat(requests.get("older").getVersion()).isEqualTo("5.4.0");
    }

    @Test
    void buildersRefuseMissingRequiredInputsByName() {
        assertThatThrownBy(() -> PortArgs.builder().name("p").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("PortArgs needs networkId");
        assertThatThrownBy(() -> SubnetArgs.builder().cidr("10.0.0.0/24").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SubnetArgs needs networkId");
        assertThatThrownBy(() -> AddressGroupV2Args.builder().name("admins").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("AddressGroupV2Args needs addresses");
        assertThatThrownBy(() -> PortAllowedAddressPairArgs.builder().macAddress("fa:16:3e:00:00:01").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("PortAllowedAddressPairArgs needs ipAddress");
    }

    @Test
    void buildersRefuseNullsAndImpossibleIpVersionsNamingTheInput() {
        assertThatThrownBy(() -> PortArgs.builder().securityGroupIds(Arrays.asList("sg-a", null)))
                .isInstanceOf(NullPointerException.class).hasMessage("securityGroupIds[1]");
        assertThatThrownBy(() -> PortArgs.builder().networkId((Output<String>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("networkId");
        assertThatThrownBy(() -> AddressGroupV2Args.builder().addresses((List<String>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("addresses");
        assertThatThrownBy(() -> SubnetArgs.builder().ipVersion(5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ipVersion must be 4 or 6, got: 5");
    }

    /**
     * Records registrations; state echoes the inputs and adds what Neutron computes when an input is unset
     * (MAC address, fixed IPs, effective groups, MTU, gateway, IP version, all tags).
     */
    static final class NeutronMocks implements Mocks {
        static final String MAC = "fa:16:3e:12:34:56";
        static final int MTU = 1442;
        static final String GATEWAY = "10.0.0.1";

        private final List<ResourceArgs> registered = Collections.synchronizedList(new ArrayList<>());

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            registered.add(args);
            Map<String, Object> state = new LinkedHashMap<>(args.inputs);
            state.put("allTags", args.inputs.getOrDefault("tags", List.of()));
            switch (args.type) {
                case "openstack:networking/port:Port" -> {
                    state.putIfAbsent("macAddress", MAC);
                    state.putIfAbsent("portSecurityEnabled", true);
                    state.put("allSecurityGroupIds", args.inputs.getOrDefault("securityGroupIds", List.of("default")));
                    List<?> fixedIps = (List<?>) args.inputs.getOrDefault("fixedIps", List.of());
                    state.put("allFixedIps", fixedIps.stream().map(ip -> ((Map<?, ?>) ip).get("ipAddress")).toList());
                }
                case "openstack:networking/network:Network" -> state.putIfAbsent("mtu", (double) MTU);
                case "openstack:networking/subnet:Subnet" -> {
                    state.putIfAbsent("ipVersion", 4.0);
                    state.putIfAbsent("gatewayIp", GATEWAY);
                }
                default -> { }
            }
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name), state));
        }

        List<String> types() {
            synchronized (registered) {
                return registered.stream().map(r -> r.type).distinct().sorted().toList();
            }
        }

        Map<String, Object> inputs(String name) {
            synchronized (registered) {
                return registered.stream().filter(r -> r.name.equals(name)).findFirst()
                        .orElseThrow(() -> new AssertionError("no resource named " + name)).inputs;
            }
        }
    }

    /** Keeps each registration request by name: resource options (the version) never reach {@code Mocks}. */
    static final class RequestRecorder extends MockMonitor {
        private final Map<String, RegisterResourceRequest> requests;

        RequestRecorder(Mocks mocks, Map<String, RegisterResourceRequest> requests) {
            super(mocks, com.pulumi.Log.ignore());
            this.requests = requests;
        }

        @Override
        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                RegisterResourceRequest request) {
            requests.put(request.getName(), request);
            return super.registerResourceAsync(resource, request);
        }
    }
}
