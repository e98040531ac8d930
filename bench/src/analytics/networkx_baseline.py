"""networkx baseline for the analytics benchmark (bench/src/analytics/section.ts).

Reads an undirected edge list (one "u v" per line, node count on the first line)
and times networkx's sampled betweenness: betweenness_centrality(G, k, seed).
Only the call is timed (not the graph load). Prints one JSON object.
"""

import json
import sys
import time

import networkx as nx


def main() -> None:
    path, k, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(path) as f:
        n = int(f.readline())
        graph = nx.Graph()
        graph.add_nodes_from(range(n))
        graph.add_edges_from(tuple(map(int, line.split())) for line in f)
    wall = time.perf_counter()
    cpu = time.process_time()
    nx.betweenness_centrality(graph, k=k, seed=seed)
    print(json.dumps({
        "wallMs": (time.perf_counter() - wall) * 1000,
        "cpuMs": (time.process_time() - cpu) * 1000,
        "networkx": nx.__version__,
        "n": graph.number_of_nodes(),
        "m": graph.number_of_edges(),
    }))


if __name__ == "__main__":
    main()
