import { z } from 'zod';
import {
  GraphNodeSchema,
  GraphRelationshipSchema,
  NodeInputSchema,
  NodePatchSchema,
  RelationshipInputSchema,
  RelationshipPatchSchema,
} from '@atlas/graph';
import { IdParams } from '../http/params.ts';
import { ListQuery as NodeListQuery, DeleteQuery as NodeDeleteQuery } from '../routes/nodes.ts';
import { ListQuery as RelationshipListQuery } from '../routes/relationships.ts';
import { documentRoute, type RouteDoc } from './registry.ts';

// OpenAPI entries of the routers written outside this module (health, CRUD),
// made from the schemas those routers validate with. The audit log, diff,
// tokens and /api/me routers document themselves next to their code.

const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().optional() });
const Node = { schema: GraphNodeSchema, name: 'GraphNode' };
const Relationship = { schema: GraphRelationshipSchema, name: 'GraphRelationship' };

const routes: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/health',
    operationId: 'health',
    tag: 'Service',
    summary: 'Liveness and store statistics',
    responses: {
      200: {
        description: 'The service is up',
        schema: z.object({ status: z.string(), store: z.enum(['embedded', 'neo4j']), revision: z.number().int(), nodes: z.number().int(), relationships: z.number().int() }),
      },
    },
  },
  { method: 'get', path: '/api/nodes', operationId: 'listNodes', tag: 'Nodes', summary: 'List nodes (filters label, kind, level, topics, q, at)', query: NodeListQuery, responses: { 200: { description: 'A page of nodes', schema: page(GraphNodeSchema), name: 'NodePage' } } },
  { method: 'post', path: '/api/nodes', operationId: 'createNode', tag: 'Nodes', summary: 'Create a node', body: { schema: NodeInputSchema, name: 'NodeInput' }, write: true, responses: { 201: { description: 'Created', ...Node } } },
  { method: 'get', path: '/api/nodes/{id}', operationId: 'getNode', tag: 'Nodes', summary: 'One node', params: IdParams, responses: { 200: { description: 'The node', ...Node } } },
  { method: 'patch', path: '/api/nodes/{id}', operationId: 'updateNode', tag: 'Nodes', summary: 'Update fields (null clears; provenance is appended to)', params: IdParams, body: { schema: NodePatchSchema, name: 'NodePatch' }, write: true, responses: { 200: { description: 'Updated', ...Node } } },
  { method: 'delete', path: '/api/nodes/{id}', operationId: 'deleteNode', tag: 'Nodes', summary: 'Delete a node (409 while it has relationships unless detach=true)', params: IdParams, query: NodeDeleteQuery, write: true, responses: { 204: { description: 'Deleted' } } },
  { method: 'get', path: '/api/relationships', operationId: 'listRelationships', tag: 'Relationships', summary: 'List relationships (filters type, from, to, at)', query: RelationshipListQuery, responses: { 200: { description: 'A page of relationships', schema: page(GraphRelationshipSchema), name: 'RelationshipPage' } } },
  { method: 'post', path: '/api/relationships', operationId: 'createRelationship', tag: 'Relationships', summary: 'Create a relationship', body: { schema: RelationshipInputSchema, name: 'RelationshipInput' }, write: true, responses: { 201: { description: 'Created', ...Relationship } } },
  { method: 'get', path: '/api/relationships/{id}', operationId: 'getRelationship', tag: 'Relationships', summary: 'One relationship', params: IdParams, responses: { 200: { description: 'The relationship', ...Relationship } } },
  { method: 'patch', path: '/api/relationships/{id}', operationId: 'updateRelationship', tag: 'Relationships', summary: 'Update properties, provenance or validity', params: IdParams, body: { schema: RelationshipPatchSchema, name: 'RelationshipPatch' }, write: true, responses: { 200: { description: 'Updated', ...Relationship } } },
  { method: 'delete', path: '/api/relationships/{id}', operationId: 'deleteRelationship', tag: 'Relationships', summary: 'Delete a relationship', params: IdParams, write: true, responses: { 204: { description: 'Deleted' } } },
];
for (const route of routes) documentRoute(route);
