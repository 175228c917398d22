package dev.portcullis.aws;

import dev.portcullis.core.CloudIdForms;
import dev.portcullis.core.PatternSyntax;

/**
 * Bindings as AWS config and the command line write them ({@link CloudIdForms#AWS}): a CIDR, a
 * security group id or a managed prefix list id.
 */
public final class AwsBindingSyntax {
    public static final PatternSyntax INSTANCE = CloudIdForms.AWS;

    private AwsBindingSyntax() {}

    /** @throws IllegalArgumentException naming vpcId unless it is vpc- and 8 or 17 hex digits */
    public static String vpcId(String id) {
        return CloudIdForms.awsVpcId("vpcId", id);
    }
}
