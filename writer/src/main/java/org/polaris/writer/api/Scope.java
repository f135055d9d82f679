package org.polaris.writer.api;

import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * What an authenticated caller may see: global administrators and global users everything;
 * district-scoped users (role {@code district:<name>}) their own districts' runs and rosters.
 */
record Scope(boolean global, Set<String> districts) {

    static Scope of(SecurityIdentity identity) {
        boolean global = identity.hasRole("admin") || identity.hasRole("user");
        Set<String> districts = identity.getRoles().stream().filter(r -> r.startsWith("district:"))
                .map(r -> r.substring("district:".length())).collect(Collectors.toSet());
        return new Scope(global, districts);
    }

    boolean sees(String district) {
        return global || (district != null && districts.contains(district));
    }
}
