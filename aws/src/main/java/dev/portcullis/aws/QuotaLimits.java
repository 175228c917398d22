package dev.portcullis.aws;

/**
 * AWS security-group quotas the plan is checked against. Defaults are AWS's: 60 inbound and 60
 * outbound entries per group, counted separately for IPv4 and IPv6 (a group or prefix-list
 * reference counts once for each), and 5 groups per network interface. Raise them to match raised quotas.
 *
 * @param extraGroupsPerInterface groups of your own each node also carries (a bastion group, say)
 */
public record QuotaLimits(int entriesPerGroupPerDirection, int groupsPerInterface, int extraGroupsPerInterface) {
    public static final QuotaLimits AWS_DEFAULTS = new QuotaLimits(60, 5, 0);

    public QuotaLimits {
        if (entriesPerGroupPerDirection < 1 || entriesPerGroupPerDirection > 1000) {
            throw new IllegalArgumentException("maxEntriesPerGroup " + entriesPerGroupPerDirection
                    + " is out of range: allowed 1..1000 (AWS default 60)");
        }
        if (groupsPerInterface < 1 || groupsPerInterface > 16) {
            throw new IllegalArgumentException("maxGroupsPerInterface " + groupsPerInterface
                    + " is out of range: allowed 1..16 (AWS default 5)");
        }
        if (extraGroupsPerInterface < 0) {
            throw new IllegalArgumentException("ownGroupsPerInterface " + extraGroupsPerInterface + " is out of range: allowed 0 or more");
        }
    }
}
