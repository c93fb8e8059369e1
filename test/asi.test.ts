/**
 * src/engine/asi.ts: a rewrite must not make a statement continue the line before it.
 */
import { repairAsiHazards } from '../src/engine/asi';

describe('repairAsiHazards', () => {
  test('a line now starting with ( after a line without ; gets a leading ;', () => {
    const original = "async function t () {\n  await exec('x')\n  getVersion().should.equal('1')\n}\n";
    const output = "async function t () {\n  await exec('x')\n  (await getVersion()).should.equal('1')\n}\n";
    expect(repairAsiHazards('a.js', original, output).text).toBe("async function t () {\n  await exec('x')\n  ;(await getVersion()).should.equal('1')\n}\n");
  });

  test('[ and template literals too; TypeScript files; a BOM', () => {
    const output = '\ufefflet a = f()\n[1, 2].forEach(g)\nconst b = h\n`x`\n';
    expect(repairAsiHazards('a.ts', '\ufefflet a = f()\n', output).text).toBe('\ufefflet a = f()\n;[1, 2].forEach(g)\nconst b = h\n;`x`\n');
  });

  test('unchanged: files with semicolons, calls on one line, optional calls, hazards the original had', () => {
    const semis = "await exec('x');\n(await getVersion()).should.equal('1');\n";
    expect(repairAsiHazards('a.mjs', semis, semis)).toEqual({ text: semis, parsed: true }); // the re-parse check is done
    expect(repairAsiHazards('a.mjs', semis, `${semis}\n(`).parsed).toBe(false); // does not parse: left to the engine's check
    const multiLine = 'const x = await Promise.all(\n  ys.map(f),\n)\nfoo\n  ?.(bar)\n';
    expect(repairAsiHazards('a.mjs', multiLine, multiLine).text).toBe(multiLine);
    const onPurpose = 'const fn = make\n(arg)\n';
    expect(repairAsiHazards('a.js', onPurpose, `${onPurpose}// more\n`).text).toBe(`${onPurpose}// more\n`);
  });
});
