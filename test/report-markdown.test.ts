/**
 * The Markdown reports render: the audit report and the `run --report` pull-request description are
 * converted to HTML with `marked` (GFM) and checked for their tables, rows and Mermaid block.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { marked as Marked } from 'marked';
import { compareWithBaseline } from '../src/audit/baseline';
import { renderAuditMarkdown } from '../src/audit/render-markdown';
import { code, prose, table } from '../src/report/markdown';
import { propagationChains, renderMermaidChains } from '../src/report/pr-description';
import { emptyFilePlan, type Plan } from '../src/core/plan';
import { auditProject } from './helpers/audit-project';
import { copyToTemp, runCli } from './helpers/report-checks';

const AUDIT_FIXTURES = path.join(__dirname, '__fixtures__', 'audit');
// marked ships only ES modules plus a UMD build; jest (CommonJS) loads the UMD build by path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { marked } = require(path.join(path.dirname(require.resolve('marked/package.json')), 'lib', 'marked.umd.js')) as { marked: typeof Marked };
const html = (md: string) => marked.parse(md, { async: false, gfm: true }) as string;
const rowsOf = (h: string) => [...h.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]));

describe('Markdown helpers', () => {
  test('pipes and backticks inside cells do not break the table', () => {
    const md = table(['a', 'b'], [[code('x | y'), code('await `t` | z')]]);
    const rows = rowsOf(html(md));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveLength(2);
    expect(rows[1][0]).toBe('<code>x | y</code>');
    expect(rows[1][1]).toBe('<code>await `t` | z</code>');
  });
});

describe('audit --format markdown', () => {
  const result = auditProject(AUDIT_FIXTURES);
  const rendered = html(renderAuditMarkdown(result));

  test('renders a heading, the score and one list item per finding, under its group', () => {
    expect(rendered).toContain('<h1>async-migrate audit</h1>');
    expect(rendered).toContain(`<strong>Async score: ${result.score.overall.percent}%</strong>`);
    const findingItems = [...rendered.matchAll(/<li><code>([^<]+:\d+:\d+)<\/code> /g)].map((m) => m[1]);
    expect(findingItems.sort()).toEqual(result.findings.map((f) => `${f.file}:${f.line}:${f.column}`).sort());
    expect(rendered).toContain(`<h3>Critical (${result.counts.critical})</h3>`);
  });

  test('lists each rule that occurs with its explanation', () => {
    for (const rule of new Set(result.findings.map((f) => f.rule))) expect(rendered).toMatch(new RegExp(`<td>${rule} [a-z-]+</td>`));
  });
});

describe('audit --format markdown --baseline', () => {
  test('shows the change since the baseline', () => {
    const before = auditProject(path.join(AUDIT_FIXTURES, 'reachable-through-call-chain'), { callGraph: 'syntactic' });
    const after = { ...before, findings: before.findings.slice(1), counts: { ...before.counts, high: before.counts.high - 1 } };
    const rendered = html(renderAuditMarkdown(after, compareWithBaseline(before, after)));
    expect(rendered).toContain('<h2>Since the baseline</h2>');
    expect(rendered).toContain('<li>findings: 0 new, 1 fixed</li>');
    expect(rendered).toContain('<li>high: 2 → 1</li>');
  });
});

describe('run --report pr.md', () => {
  test('a pull-request description: counts per transform, files touched, every site left alone with its code', async () => {
    const dir = copyToTemp(path.join(__dirname, '__fixtures__', 'report', 'run-project'));
    const { stdout, code: exit } = await runCli(['run', 'src', '--json', '--report', 'pr.md'], dir);
    expect(exit).toBe(0);
    const json = JSON.parse(stdout) as { findings: { kind: string; code: string; file: string; line: number; column: number }[] };
    const md = fs.readFileSync(path.join(dir, 'pr.md'), 'utf8');
    const rendered = html(md);
    expect(rendered).toContain('<h2>Move blocking fs calls to async/await</h2>');
    const rewritten = json.findings.filter((f) => f.kind === 'rewritten').length;
    expect(rendered).toContain(`<strong>${rewritten} call site${rewritten === 1 ? '' : 's'}</strong>`);
    expect(rowsOf(rendered).some((cells) => cells[0] === '<code>src/catalog.js</code>')).toBe(true);
    const leftAlone = json.findings.filter((f) => f.kind === 'left-alone');
    expect(leftAlone.length).toBeGreaterThan(0);
    // propagation: readConfig (exported) became async because it calls existsSync/readFileSync
    expect(md).toMatch(/### Exported signatures that changed\n\n\*\*Breaking for callers outside this code:\*\* 1 exported function now returns a promise\.\n\n- `readConfig` — `src\/config\.mjs:\d+`/);
    expect(md).toMatch(/```mermaid\ngraph LR\n[\s\S]*"readConfig"[\s\S]*-->[\s\S]*```/);
    for (const f of leftAlone) {
      const row = rowsOf(rendered).find((cells) => cells[0] === `<code>${f.file}:${f.line}:${f.column}</code>`);
      expect(row?.[1]).toMatch(new RegExp(`^${f.code} `));
      expect(row?.[2]).toMatch(/^<code>.+<\/code>$/);
    }
  });

  test('Mermaid chains: longest first, capped, with a note on what was cut; blocked edges dotted', () => {
    const plan: Plan = {
      version: 1,
      tsconfig: null,
      apiChanges: [],
      apiKept: [],
      files: { 'src/a.ts': emptyFilePlan() },
      edges: [
        { from: 'main', to: 'loadConfig' },
        { from: 'loadConfig', to: 'readConfigFile' },
        { from: 'readConfigFile', to: 'readFileSync' },
        { from: 'loadConfig', to: 'existsSync' },
        { from: 'report', to: 'statSync' },
        { from: 'Settings constructor', to: 'loadConfig', blocked: 'AM101' },
      ],
    };
    expect(propagationChains(plan.edges)).toEqual([
      ['Settings constructor', 'loadConfig', 'readConfigFile', 'readFileSync'],
      ['main', 'loadConfig', 'readConfigFile', 'readFileSync'],
      ['Settings constructor', 'loadConfig', 'existsSync'],
      ['main', 'loadConfig', 'existsSync'],
      ['report', 'statSync'],
    ]);
    const drawn = renderMermaidChains(plan, 2)!;
    const lines = drawn.mermaid.split('\n');
    expect(lines.slice(0, 2)).toEqual(['```mermaid', 'graph LR']);
    expect(lines.filter((l) => l.includes('-->') || l.includes('-.->'))).toHaveLength(4);
    expect(drawn.mermaid).toContain('-.->|AM101|');
    expect(drawn.note).toContain('Showing the 2 longest of 5 chains (4 of 6 call edges)');
    expect(renderMermaidChains(plan, 10)!.note).toBeUndefined();
  });
});

describe('prose in Markdown', () => {
  test('keeps code spans and shows names such as <anonymous> and __init__ as written', () => {
    const rendered = html(prose('async function <anonymous> calls __init__ and `a<b>_c_`'));
    expect(rendered).toBe('<p>async function &lt;anonymous&gt; calls __init__ and <code>a&lt;b&gt;_c_</code></p>\n');
  });
});
