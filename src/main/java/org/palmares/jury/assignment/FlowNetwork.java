package org.palmares.jury.assignment;

import java.util.Arrays;

/**
 * A directed network with integer capacities and non-negative costs, solved once for a minimum-cost maximum flow.
 *
 * <p>Successive shortest paths with Johnson potentials: Dijkstra on reduced costs finds the length of the shortest
 * augmenting path, the potentials absorb it, and then every augmenting path of that same length is pushed at once as a
 * blocking flow on the arcs of zero reduced cost (primal-dual). Augmenting only along shortest paths keeps the flow of
 * minimum cost for its value at every step, so the final maximum flow is of minimum cost. Costs start non-negative, so
 * the potentials start at zero.
 *
 * <p>Every loop runs over arcs in the order they were added and breaks ties by node number, so the same network gives
 * the same flow.
 */
final class FlowNetwork {
    private static final long UNREACHED = Long.MAX_VALUE;

    /** The value and cost of the flow found. */
    record Flow(long amount, long cost) {}

    private final int nodeCount;

    // The arcs as added.
    private int arcCount;
    private int[] arcFrom;
    private int[] arcTo;
    private int[] arcCapacity;
    private long[] arcCost;

    // The residual graph, grouped by tail node: the arcs leaving u are firstArc[u] … firstArc[u + 1] - 1, and
    // reverse[a] is the arc going back. Arc i as added sits at forward[i].
    private int[] firstArc;
    private int[] target;
    private int[] residual;
    private long[] cost;
    private int[] reverse;
    private int[] forward;

    private long[] potential;
    private long[] distance;
    private int[] level;
    private int[] currentArc;
    private int[] path;
    private int[] queue;
    private int[] heap;
    private int[] heapPosition;
    private int heapSize;
    private int sink;

    FlowNetwork(int nodeCount, int expectedArcs) {
        if (nodeCount < 2) {
            throw new IllegalArgumentException("a flow network needs a source and a sink");
        }
        this.nodeCount = nodeCount;
        int initial = Math.max(16, expectedArcs);
        arcFrom = new int[initial];
        arcTo = new int[initial];
        arcCapacity = new int[initial];
        arcCost = new long[initial];
    }

    /** Adds an arc and returns its number, for {@link #flow(int)}. */
    int addArc(int from, int to, int capacity, long unitCost) {
        if (firstArc != null) {
            throw new IllegalStateException("the network is already solved");
        }
        if (from < 0 || from >= nodeCount || to < 0 || to >= nodeCount || from == to) {
            throw new IllegalArgumentException("no arc from node " + from + " to node " + to);
        }
        if (capacity < 0 || unitCost < 0) {
            throw new IllegalArgumentException("capacity and cost must not be negative");
        }
        if (arcCount == arcFrom.length) {
            int grown = arcCount + (arcCount >> 1);
            arcFrom = Arrays.copyOf(arcFrom, grown);
            arcTo = Arrays.copyOf(arcTo, grown);
            arcCapacity = Arrays.copyOf(arcCapacity, grown);
            arcCost = Arrays.copyOf(arcCost, grown);
        }
        arcFrom[arcCount] = from;
        arcTo[arcCount] = to;
        arcCapacity[arcCount] = capacity;
        arcCost[arcCount] = unitCost;
        return arcCount++;
    }

    int arcCount() {
        return arcCount;
    }

    int from(int arc) {
        return arcFrom[arc];
    }

    int to(int arc) {
        return arcTo[arc];
    }

    int flow(int arc) {
        return firstArc == null ? 0 : arcCapacity[arc] - residual[forward[arc]];
    }

    Flow minCostMaxFlow(int source, int sink) {
        if (firstArc != null) {
            throw new IllegalStateException("the network is already solved");
        }
        if (source == sink) {
            throw new IllegalArgumentException("the source cannot be the sink");
        }
        this.sink = sink;
        buildResidualGraph();
        potential = new long[nodeCount];
        distance = new long[nodeCount];
        level = new int[nodeCount];
        currentArc = new int[nodeCount];
        path = new int[nodeCount];
        queue = new int[nodeCount];
        heap = new int[nodeCount];
        heapPosition = new int[nodeCount];
        Arrays.fill(heapPosition, -1);

        long amount = 0;
        while (shortestPathsReach(source)) {
            while (zeroCostLevelsReach(source)) {
                System.arraycopy(firstArc, 0, currentArc, 0, nodeCount);
                for (int pushed = augment(source); pushed > 0; pushed = augment(source)) {
                    amount += pushed;
                }
            }
        }
        long totalCost = 0;
        for (int arc = 0; arc < arcCount; arc++) {
            totalCost += flow(arc) * arcCost[arc];
        }
        return new Flow(amount, totalCost);
    }

    private void buildResidualGraph() {
        firstArc = new int[nodeCount + 1];
        for (int arc = 0; arc < arcCount; arc++) {
            firstArc[arcFrom[arc] + 1]++;
            firstArc[arcTo[arc] + 1]++;
        }
        for (int node = 0; node < nodeCount; node++) {
            firstArc[node + 1] += firstArc[node];
        }
        int size = 2 * arcCount;
        target = new int[size];
        residual = new int[size];
        cost = new long[size];
        reverse = new int[size];
        forward = new int[arcCount];
        int[] next = Arrays.copyOf(firstArc, nodeCount);
        for (int arc = 0; arc < arcCount; arc++) {
            int there = next[arcFrom[arc]]++;
            int back = next[arcTo[arc]]++;
            target[there] = arcTo[arc];
            residual[there] = arcCapacity[arc];
            cost[there] = arcCost[arc];
            reverse[there] = back;
            target[back] = arcFrom[arc];
            residual[back] = 0;
            cost[back] = -arcCost[arc];
            reverse[back] = there;
            forward[arc] = there;
        }
    }

    private long reducedCost(int from, int arc) {
        return cost[arc] + potential[from] - potential[target[arc]];
    }

    /**
     * Dijkstra on reduced costs from the source, stopped once the sink is settled, then adds each node's distance
     * (capped at the sink's) to its potential. The cap keeps every residual reduced cost non-negative for nodes the
     * search did not settle, and the settled shortest paths to the sink end up with zero reduced cost.
     */
    private boolean shortestPathsReach(int source) {
        Arrays.fill(distance, UNREACHED);
        distance[source] = 0;
        push(source);
        while (heapSize > 0) {
            int node = pop();
            if (node == sink) {
                break;
            }
            for (int arc = firstArc[node], end = firstArc[node + 1]; arc < end; arc++) {
                if (residual[arc] > 0) {
                    long reduced = reducedCost(node, arc);
                    assert reduced >= 0 : "negative reduced cost " + reduced;
                    int next = target[arc];
                    long through = distance[node] + reduced;
                    if (through < distance[next]) {
                        distance[next] = through;
                        push(next);
                    }
                }
            }
        }
        while (heapSize > 0) {
            heapPosition[heap[--heapSize]] = -1;
        }
        long reach = distance[sink];
        if (reach == UNREACHED) {
            return false;
        }
        for (int node = 0; node < nodeCount; node++) {
            potential[node] += Math.min(distance[node], reach);
        }
        return true;
    }

    /** Breadth-first levels over residual arcs of zero reduced cost, for the blocking flow. */
    private boolean zeroCostLevelsReach(int source) {
        Arrays.fill(level, -1);
        int head = 0;
        int tail = 0;
        level[source] = 0;
        queue[tail++] = source;
        while (head < tail) {
            int node = queue[head++];
            if (level[sink] >= 0 && level[node] >= level[sink]) {
                break;
            }
            for (int arc = firstArc[node], end = firstArc[node + 1]; arc < end; arc++) {
                int next = target[arc];
                if (residual[arc] > 0 && level[next] < 0 && reducedCost(node, arc) == 0) {
                    level[next] = level[node] + 1;
                    queue[tail++] = next;
                }
            }
        }
        return level[sink] >= 0;
    }

    /** Finds one source-to-sink path in the level graph, pushes its bottleneck and returns it, or 0 when blocked. */
    private int augment(int source) {
        int depth = 0;
        int node = source;
        while (true) {
            if (node == sink) {
                int pushed = Integer.MAX_VALUE;
                for (int step = 0; step < depth; step++) {
                    pushed = Math.min(pushed, residual[path[step]]);
                }
                for (int step = 0; step < depth; step++) {
                    residual[path[step]] -= pushed;
                    residual[reverse[path[step]]] += pushed;
                }
                return pushed;
            }
            int advancedTo = -1;
            for (int end = firstArc[node + 1]; currentArc[node] < end; currentArc[node]++) {
                int arc = currentArc[node];
                int next = target[arc];
                if (residual[arc] > 0 && level[next] == level[node] + 1 && reducedCost(node, arc) == 0) {
                    path[depth++] = arc;
                    advancedTo = next;
                    break;
                }
            }
            if (advancedTo >= 0) {
                node = advancedTo;
            } else if (node == source) {
                return 0;
            } else {
                level[node] = -1; // a dead end for the rest of this blocking flow
                int arc = path[--depth];
                node = target[reverse[arc]];
                currentArc[node]++;
            }
        }
    }

    // An indexed binary heap of nodes by (distance, rank); the sink ranks first among equals so that Dijkstra stops
    // as early as it can.

    private boolean before(int a, int b) {
        if (distance[a] != distance[b]) {
            return distance[a] < distance[b];
        }
        return rank(a) < rank(b);
    }

    private int rank(int node) {
        return node == sink ? -1 : node;
    }

    private void push(int node) {
        int at = heapPosition[node];
        if (at < 0) {
            at = heapSize++;
            heap[at] = node;
            heapPosition[node] = at;
        }
        siftUp(at);
    }

    private int pop() {
        int top = heap[0];
        heapPosition[top] = -1;
        int last = heap[--heapSize];
        if (heapSize > 0) {
            heap[0] = last;
            heapPosition[last] = 0;
            siftDown(0);
        }
        return top;
    }

    private void siftUp(int at) {
        int node = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(node, heap[parent])) {
                break;
            }
            heap[at] = heap[parent];
            heapPosition[heap[at]] = at;
            at = parent;
        }
        heap[at] = node;
        heapPosition[node] = at;
    }

    private void siftDown(int at) {
        int node = heap[at];
        while (true) {
            int child = 2 * at + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], node)) {
                break;
            }
            heap[at] = heap[child];
            heapPosition[heap[at]] = at;
            at = child;
        }
        heap[at] = node;
        heapPosition[node] = at;
    }
}
