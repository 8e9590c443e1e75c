"""IRIs of the vocabularies the lab itself reads (TREE, LDES, SHACL), as plain strings."""

from __future__ import annotations

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_SUBCLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"

TREE = "https://w3id.org/tree#"
TREE_MEMBER = TREE + "member"
TREE_VIEW = TREE + "view"
TREE_RELATION = TREE + "relation"
TREE_NODE = TREE + "node"
TREE_PATH = TREE + "path"
TREE_VALUE = TREE + "value"
TREE_NODE_CLASS = TREE + "Node"
TREE_RELATION_CLASS = TREE + "Relation"

LDES = "https://w3id.org/ldes#"
LDES_EVENT_STREAM = LDES + "EventStream"
LDES_TIMESTAMP_PATH = LDES + "timestampPath"
LDES_VERSION_OF_PATH = LDES + "versionOfPath"
LDES_RETENTION_POLICY = LDES + "retentionPolicy"

# Relation types whose direction orders the pages: a cycle made only of one direction
# contradicts the ordering the relations claim.
FORWARD_RELATIONS = frozenset({TREE + "GreaterThanRelation", TREE + "GreaterThanOrEqualToRelation"})
BACKWARD_RELATIONS = frozenset({TREE + "LessThanRelation", TREE + "LessThanOrEqualToRelation"})
