package io.stackadvisor.engine;

import java.util.List;

/** A workload group as defined: where, and its member workloads in the order written (nested groups spelled out). */
record WorkloadGroup(String name, String file, int line, List<String> members) {
}
