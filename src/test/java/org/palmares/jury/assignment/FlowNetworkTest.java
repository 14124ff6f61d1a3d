package org.palmares.jury.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FlowNetworkTest {

    @Test
    void maximum_flow_comes_first_then_the_least_cost() {
        FlowNetwork network = new FlowNetwork(4, 5);
        int source = 0, a = 1, b = 2, sink = 3;
        network.addArc(source, a, 2, 1);
        network.addArc(source, b, 1, 2);
        int aToB = network.addArc(a, b, 1, 1);
        int aToSink = network.addArc(a, sink, 1, 3);
        int bToSink = network.addArc(b, sink, 2, 1);

        assertEquals(new FlowNetwork.Flow(3, 10), network.minCostMaxFlow(source, sink));
        assertEquals(1, network.flow(aToB));
        assertEquals(1, network.flow(aToSink));
        assertEquals(2, network.flow(bToSink));
    }

    @Test
    void an_early_cheap_choice_is_undone_through_a_reverse_arc() {
        // Both a and b want x; a must give it up and pay for y, or b gets nothing.
        FlowNetwork network = new FlowNetwork(6, 7);
        int source = 0, a = 1, b = 2, x = 3, y = 4, sink = 5;
        network.addArc(source, a, 1, 0);
        network.addArc(source, b, 1, 0);
        int aToX = network.addArc(a, x, 1, 0);
        int aToY = network.addArc(a, y, 1, 5);
        int bToX = network.addArc(b, x, 1, 0);
        network.addArc(x, sink, 1, 0);
        network.addArc(y, sink, 1, 0);

        assertEquals(new FlowNetwork.Flow(2, 5), network.minCostMaxFlow(source, sink));
        assertEquals(0, network.flow(aToX));
        assertEquals(1, network.flow(aToY));
        assertEquals(1, network.flow(bToX));
    }

    @Test
    void a_network_with_no_path_carries_no_flow() {
        FlowNetwork network = new FlowNetwork(3, 1);
        network.addArc(0, 1, 4, 2);
        assertEquals(new FlowNetwork.Flow(0, 0), network.minCostMaxFlow(0, 2));
    }

    @Test
    void negative_costs_are_refused_because_the_potentials_start_at_zero() {
        FlowNetwork network = new FlowNetwork(2, 1);
        assertThrows(IllegalArgumentException.class, () -> network.addArc(0, 1, 1, -1));
    }

    @Test
    void a_network_is_solved_once() {
        FlowNetwork network = new FlowNetwork(2, 1);
        network.addArc(0, 1, 1, 0);
        network.minCostMaxFlow(0, 1);
        assertThrows(IllegalStateException.class, () -> network.minCostMaxFlow(0, 1));
        assertThrows(IllegalStateException.class, () -> network.addArc(0, 1, 1, 0));
    }
}
