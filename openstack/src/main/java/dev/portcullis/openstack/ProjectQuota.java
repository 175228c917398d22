package dev.portcullis.openstack;

/**
 * Neutron quotas are per project, and many clusters may share one. Defaults are Neutron's: 10
 * security groups and 100 rules. {@code groupsInUse} and {@code rulesInUse} are what the project
 * already holds: by default its own {@code default} group and that group's four rules.
 */
public record ProjectQuota(int maxGroups, int maxRules, int groupsInUse, int rulesInUse) {
    public static final ProjectQuota NEUTRON_DEFAULTS = new ProjectQuota(10, 100, 1, 4);

    public ProjectQuota {
        if (maxGroups < 1) {
            throw new IllegalArgumentException("maxSecurityGroups " + maxGroups + " is out of range: allowed 1 or more (Neutron default 10)");
        }
        if (maxRules < 1) {
            throw new IllegalArgumentException("maxSecurityGroupRules " + maxRules + " is out of range: allowed 1 or more (Neutron default 100)");
        }
        if (groupsInUse < 0) {
            throw new IllegalArgumentException("securityGroupsInUse " + groupsInUse + " is out of range: allowed 0 or more");
        }
        if (rulesInUse < 0) {
            throw new IllegalArgumentException("securityGroupRulesInUse " + rulesInUse + " is out of range: allowed 0 or more");
        }
    }
}
