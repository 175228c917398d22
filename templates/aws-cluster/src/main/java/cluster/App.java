package cluster;

import com.pulumi.Pulumi;
import dev.portcullis.examples.ClusterFirewall;

/** A cluster's security groups on AWS; every choice comes from `portcullis:*` config (see Pulumi.yaml). */
public final class App {
    public static void main(String[] args) {
        Pulumi.run(ctx -> ClusterFirewall.stack(ctx, "aws"));
    }
}
