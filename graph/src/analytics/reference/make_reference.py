#!/usr/bin/env python3
"""Reference values from networkx for the analytics kernels' tests.

Run once (python3 make_reference.py, with networkx installed); the tests read the
JSON files it writes and never need Python. Fixtures:

- hand.json: a small hand-made weighted graph with a second component and an
  isolated node.
- karate.json: Zachary's karate club, as shipped by networkx (with its weights).
- h2020.json: a 300-actor slice of the Spanish H2020 network
  (test/fixtures/h2020-spain, a copy of shared/data/h2020-spain, MIT — see SOURCE.md next to this file),
  projected to actor–actor (weight = number of shared projects); the raw
  participations are included so the tests can check the projection itself.

Conventions matching the TypeScript kernels: weighted closeness/betweenness and
weighted shortest paths use the distance 1/weight ("inverse-weight").
"""

import csv
import json
import random
import sys
from collections import deque
from pathlib import Path

import networkx as nx
from networkx.algorithms import bipartite

HERE = Path(__file__).resolve().parent
# The copy vendored for the tests (test/fixtures/h2020-spain, byte-identical to the source).
H2020 = Path(__file__).resolve().parents[4] / "test" / "fixtures" / "h2020-spain"
SLICE_SIZE = 300
SLICE_AT = "2017-06-30"


def with_distance(G):
    for _, _, data in G.edges(data=True):
        data["dist"] = 1.0 / data.get("weight", 1)
    return G


def far_pairs(G, count):
    """Deterministic pairs in the largest component, as far apart as possible."""
    largest = sorted(max(nx.connected_components(G), key=len))
    pairs = []
    for s in largest[: max(3, count)]:
        lengths = nx.single_source_shortest_path_length(G, s)
        t = max(sorted(lengths), key=lambda v: lengths[v])
        if s != t:
            pairs.append((s, t))
    return pairs[:count]


def references(G):
    n = G.number_of_nodes()
    G = with_distance(G)
    nodes = sorted(G.nodes())
    ref = {}
    ref["degree"] = nx.degree_centrality(G)
    ref["degree_weighted"] = {v: G.degree(v, weight="weight") / (n - 1) for v in G}
    ref["pagerank"] = nx.pagerank(G, alpha=0.85, tol=1e-10, max_iter=1000)
    ref["pagerank_unweighted"] = nx.pagerank(G, alpha=0.85, weight=None, tol=1e-10, max_iter=1000)
    ref["eigenvector"] = nx.eigenvector_centrality(G, max_iter=1000, tol=1e-10)
    ref["eigenvector_weighted"] = nx.eigenvector_centrality(G, weight="weight", max_iter=1000, tol=1e-10)
    ref["closeness"] = nx.closeness_centrality(G)
    ref["closeness_weighted"] = nx.closeness_centrality(G, distance="dist")
    ref["betweenness"] = nx.betweenness_centrality(G)
    ref["betweenness_unnormalized"] = nx.betweenness_centrality(G, normalized=False)
    ref["betweenness_weighted"] = nx.betweenness_centrality(G, weight="dist")
    k = min(20, n // 2)
    # networkx draws the sources with random.Random(seed).sample(list(G), k).
    sources = random.Random(42).sample(list(G.nodes()), k)
    ref["betweenness_sampled"] = {
        "k": k,
        "sources": sources,
        "values": nx.betweenness_centrality(G, k=k, seed=42),
    }
    ref["components"] = sorted((len(c) for c in nx.connected_components(G)), reverse=True)
    louvain = nx.community.louvain_communities(G, weight="weight", resolution=1, seed=42)
    greedy = nx.community.greedy_modularity_communities(G, weight="weight")
    ref["louvain"] = {
        "communities": [sorted(c) for c in louvain],
        "modularity": nx.community.modularity(G, louvain, weight="weight"),
    }
    ref["partitions"] = {"greedy": [sorted(c) for c in greedy]}
    ref["modularity_checks"] = [
        {"partition": name, "resolution": res, "weighted": weighted,
         "modularity": nx.community.modularity(G, part, weight="weight" if weighted else None, resolution=res)}
        for name, part in (("louvain", louvain), ("greedy", greedy))
        for res in (1.0, 1.7)
        for weighted in (True, False)
    ]
    paths = []
    for s, t in far_pairs(G, 3):
        for cost, weight in (("hops", None), ("inverse-weight", "dist")):
            found = []
            for path in nx.shortest_simple_paths(G, s, t, weight=weight):
                length = nx.path_weight(G, path, "dist") if weight else len(path) - 1
                found.append({"nodes": path, "cost": length})
                if len(found) == 5:
                    break
            paths.append({"from": s, "to": t, "cost": cost, "k": 5, "paths": found})
    ref["k_shortest_paths"] = paths
    hub = max(nodes, key=lambda v: (G.degree(v), v))
    ref["khop"] = {"source": hub, "depth": 2, "distances": nx.single_source_shortest_path_length(G, hub, cutoff=2)}
    return ref


def graph_json(name, description, G, extra=None):
    data = {
        "name": name,
        "description": description,
        "generator": f"graph/src/analytics/reference/make_reference.py, networkx {nx.__version__}",
        "nodes": sorted(G.nodes()),
        "edges": sorted([u, v, d.get("weight", 1)] for u, v, d in G.edges(data=True)),
        **(extra or {}),
        "reference": references(G),
    }
    (HERE / f"{name}.json").write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n")
    print(f"{name}.json: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")


def hand_graph():
    G = nx.Graph()
    edges = [
        ("a", "b", 3), ("a", "c", 1), ("b", "c", 2), ("c", "d", 1), ("b", "d", 1),
        ("d", "e", 4), ("e", "f", 1), ("e", "g", 2), ("f", "g", 1), ("g", "h", 1),
        ("f", "h", 5), ("h", "i", 1), ("c", "i", 2),
        ("p", "q", 2), ("q", "r", 1), ("p", "r", 1), ("r", "s", 3),
    ]
    G.add_weighted_edges_from(edges)
    G.add_node("z")  # isolated
    return G


def karate_graph():
    K = nx.karate_club_graph()
    return nx.relabel_nodes(K, {v: f"k{v:02d}" for v in K})


def read_h2020():
    with open(H2020 / "connections.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["type"] == "PARTICIPATES_IN"]
    return rows


def h2020_slice():
    rows = read_h2020()
    B = nx.Graph()
    actors = sorted({r["from"] for r in rows})
    B.add_nodes_from(actors, bipartite=0)
    B.add_nodes_from({r["to"] for r in rows}, bipartite=1)
    B.add_edges_from((r["from"], r["to"]) for r in rows)
    P = bipartite.weighted_projected_graph(B, actors)
    hub = max(actors, key=lambda v: (P.degree(v), v))
    seen, queue = {hub}, deque([hub])
    while queue and len(seen) < SLICE_SIZE:
        u = queue.popleft()
        for v in sorted(P[u]):
            if v not in seen and len(seen) < SLICE_SIZE:
                seen.add(v)
                queue.append(v)
    members = sorted(seen)
    part_rows = [r for r in rows if r["from"] in seen]
    participations = sorted(
        [r["from"], r["to"], r["role"], r["since"] or None, r["until"] or None] for r in part_rows
    )
    G = P.subgraph(members).copy()

    # Projection as it was on SLICE_AT: participations valid that day only.
    def valid(r):
        return (not r["since"] or r["since"][:10] <= SLICE_AT) and (not r["until"] or r["until"][:10] >= SLICE_AT)

    Bat = nx.Graph()
    Bat.add_nodes_from(members, bipartite=0)
    Bat.add_nodes_from({r["to"] for r in part_rows}, bipartite=1)
    Bat.add_edges_from((r["from"], r["to"]) for r in part_rows if valid(r))
    Pat = bipartite.weighted_projected_graph(Bat, members)
    projection_at = {
        "at": SLICE_AT,
        "edges": sorted([u, v, d["weight"]] for u, v, d in Pat.edges(data=True)),
    }
    return G, {"participations": participations, "projection_at": projection_at}


def main():
    print(f"networkx {nx.__version__}", file=sys.stderr)
    graph_json("hand", "hand-made weighted graph: two linked clusters, a separate 4-node component, an isolated node", hand_graph())
    graph_json("karate", "Zachary's karate club (networkx.karate_club_graph, weighted)", karate_graph())
    G, extra = h2020_slice()
    graph_json(
        "h2020",
        f"{SLICE_SIZE} Spanish H2020 organisations (BFS from the best-connected one in the actor-actor projection), "
        "linked with weight = number of shared projects; source /work/shared/data/h2020-spain (MIT)",
        G,
        extra,
    )


if __name__ == "__main__":
    main()
