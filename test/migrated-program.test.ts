/**
 * src/plan/migrated-program.ts: the migrated program reuses the original's unchanged SourceFiles and
 * sees the new texts; the affected files are the changed ones and their importers, transitively.
 */
import { ts } from 'ts-morph';
import { loadProject } from '../src/plan/load-project';
import { affectedFiles, buildMigratedProgram } from '../src/plan/migrated-program';

const dir = '/virtual/migrated-program';
const before = new Map<string, string>([
  [`${dir}/leaf.ts`, 'export function read(): string {\n  return "x";\n}\n'],
  [`${dir}/middle.ts`, 'import { read } from "./leaf";\nexport function use(): string {\n  return read();\n}\n'],
  [`${dir}/top.ts`, 'import { use } from "./middle";\nexport const value: string = use();\n'],
  [`${dir}/alone.ts`, 'export const other = 1;\n'],
]);

test('unchanged files are the same SourceFile objects; the changed file has its new text', () => {
  const original = loadProject(before, { cwd: dir, noSearch: true });
  const after = new Map(before);
  after.set(`${dir}/leaf.ts`, 'export async function read(): Promise<string> {\n  return "x";\n}\n');
  const migrated = buildMigratedProgram(original, after);
  expect(migrated.program.getSourceFile(`${dir}/alone.ts`)).toBe(original.program.getSourceFile(`${dir}/alone.ts`));
  expect(migrated.program.getSourceFile(`${dir}/leaf.ts`)?.text).toBe(after.get(`${dir}/leaf.ts`));
  expect(original.program.getSourceFile(`${dir}/leaf.ts`)?.text).toBe(before.get(`${dir}/leaf.ts`));
  // the new return type reaches the importers: middle.ts now returns a promise where a string is declared
  const codes = migrated.program.getSemanticDiagnostics(migrated.program.getSourceFile(`${dir}/middle.ts`)).map((d) => d.code);
  expect(codes).toContain(2322);
  expect(original.program.getSemanticDiagnostics(original.program.getSourceFile(`${dir}/middle.ts`))).toEqual([]);
});

test('affected files: the changed file and its importers, transitively, not the others', () => {
  const original = loadProject(before, { cwd: dir, noSearch: true });
  const after = new Map(before);
  after.set(`${dir}/leaf.ts`, `${before.get(`${dir}/leaf.ts`)}// changed\n`);
  const migrated = buildMigratedProgram(original, after);
  expect([...affectedFiles(migrated.program, migrated.projectFiles, [`${dir}/leaf.ts`])].sort()).toEqual([`${dir}/leaf.ts`, `${dir}/middle.ts`, `${dir}/top.ts`]);
  expect([...affectedFiles(migrated.program, migrated.projectFiles, [`${dir}/top.ts`])]).toEqual([`${dir}/top.ts`]);
});

test('a changed file that declares globals affects every project file', () => {
  const texts = new Map(before);
  texts.set(`${dir}/globals.ts`, 'export {};\ndeclare global {\n  var flag: boolean;\n}\n');
  const original = loadProject(texts, { cwd: dir, noSearch: true });
  const affected = affectedFiles(original.program, original.projectFiles, [`${dir}/globals.ts`]);
  expect(affected.size).toBe(original.projectFiles.size);
  expect(ts.isExternalModule(original.program.getSourceFile(`${dir}/globals.ts`) as ts.SourceFile)).toBe(true);
});
