package dev.portcullis.audit;

import dev.portcullis.core.Cidr;
import java.util.Objects;

/** The other end of a live rule, as the cloud names it. */
sealed interface LivePeer permits LivePeer.Network, LivePeer.Group, LivePeer.PrefixList, LivePeer.AddressGroup {
    /** {@code 0.0.0.0/0}, {@code group sg-0abc}, {@code prefix list pl-0abc}, {@code address group 4f…}. */
    String displayName();

    /** A CIDR. */
    record Network(Cidr cidr) implements LivePeer {
        public Network {
            Objects.requireNonNull(cidr, "cidr");
        }
        @Override public String displayName() { return cidr.toString(); }
    }

    /** A security group reference (AWS {@code ReferencedGroupInfo}, Neutron {@code remote_group_id}). */
    record Group(String id) implements LivePeer {
        public Group {
            Objects.requireNonNull(id, "id");
        }
        @Override public String displayName() { return "group " + id; }
    }

    /** An AWS managed prefix list. */
    record PrefixList(String id) implements LivePeer {
        public PrefixList {
            Objects.requireNonNull(id, "id");
        }
        @Override public String displayName() { return "prefix list " + id; }
    }

    /** A Neutron address group ({@code remote_address_group_id}): CIDRs this input does not show. */
    record AddressGroup(String id) implements LivePeer {
        public AddressGroup {
            Objects.requireNonNull(id, "id");
        }
        @Override public String displayName() { return "address group " + id; }
    }
}
