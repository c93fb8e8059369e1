/**
 * `plan --format mermaid` and the report's Mermaid graph (issue 15 item 7): each call of a sync fs
 * function is a node of its own per calling function, so a call kept sync in one function does not
 * mark every call of that function in the project as blocked.
 */
import { emptyFilePlan, type Plan } from '../src/core/plan';
import { formatPlanMermaid } from '../src/plan/format-plan';
import { renderMermaidChains } from '../src/report/pr-description';

/** A one-file plan whose call graph is `edges`. */
const planWithEdges = (edges: Plan['edges']): Plan => ({ version: 1, tsconfig: null, files: { 'src/a.ts': emptyFilePlan() }, apiChanges: [], apiKept: [], edges });

test('readFileSync called from two functions, one blocked, is two nodes and only one is blocked', () => {
  const plan = planWithEdges([
    { from: 'loadConfig', to: 'readFileSync' },
    { from: 'main', to: 'loadConfig' },
    { from: 'Settings.constructor', to: 'readFileSync', blocked: 'AM101' },
  ]);
  const text = formatPlanMermaid(plan);
  const nodes = [...text.matchAll(/^ {2}(n\d+)\["readFileSync"\]$/gm)].map((m) => m[1]);
  expect(nodes).toHaveLength(2);
  const blocked = /class (.*) blocked/.exec(text)?.[1].split(',') ?? [];
  expect(blocked).toHaveLength(1);
  expect(nodes).toContain(blocked[0]);
  // a function called by others stays one node
  expect(text.match(/\["loadConfig"\]/g)).toHaveLength(1);
});

test('the report draws readFileSync once per calling function too; the dotted (blocked) edge reaches only its own node', () => {
  const plan = planWithEdges([
    { from: 'main', to: 'loadConfig' },
    { from: 'loadConfig', to: 'readFileSync' },
    { from: 'Settings constructor', to: 'readFileSync', blocked: 'AM101' },
  ]);
  const text = renderMermaidChains(plan)!.mermaid;
  const nodes = [...text.matchAll(/^ {2}(n\d+)\["readFileSync"\]$/gm)].map((m) => m[1]);
  expect(nodes).toHaveLength(2);
  const solid = [...text.matchAll(/ --> (n\d+)$/gm)].map((m) => m[1]);
  const dotted = [...text.matchAll(/ -\.->\|AM101\| (n\d+)$/gm)].map((m) => m[1]);
  expect(dotted).toHaveLength(1);
  expect(nodes).toContain(dotted[0]);
  expect(solid.filter((n) => nodes.includes(n))).toEqual(nodes.filter((n) => n !== dotted[0]));
});
