/**
 * `async-migrate list`: the registered transforms in run order, with description and options
 * (all read from the registry, so the list cannot drift from the code). `--json` prints the same as
 * `{ "schemaVersion": 1, "transforms": [ { name, order, description, options, example } ] }`.
 */
import type { Argv } from 'yargs';
import { TRANSFORMS } from '../engine/registry';
import { colorsFor, shouldColor } from '../report/colors';
import { EXIT, type CommandFactory } from './context';
import { flagName } from './shared';

const createListCommand: CommandFactory = (ctx) => ({
  command: 'list',
  describe: 'List the registered transforms, in run order',
  builder: (y: Argv) => y.option('json', { describe: 'Print the list as JSON', type: 'boolean', default: false }),
  handler: (argv: { json?: boolean; _?: unknown }) => {
    if (argv.json) {
      const list = TRANSFORMS.map(({ meta }) => ({ name: meta.name, order: meta.order, description: meta.description, options: meta.options, example: meta.example }));
      ctx.stdout.write(`${JSON.stringify({ schemaVersion: 1, transforms: list }, null, 2)}\n`);
    } else {
      const c = colorsFor(shouldColor(ctx.stdout.isTTY, ctx.env));
      const width = Math.max(...TRANSFORMS.map((t) => t.meta.name.length));
      const lines = ['Transforms, in run order (`async-migrate run` runs all of them; pick with -t <name>):', ''];
      TRANSFORMS.forEach(({ meta }, index) => {
        lines.push(`  ${index + 1}. ${c.bold(meta.name.padEnd(width))}  ${meta.description}  ${c.dim(`(order ${meta.order})`)}`);
        const flags = meta.options.map((option) => `--${flagName(option.name)} <${option.type}>`);
        const flagWidth = Math.max(0, ...flags.map((f) => f.length));
        meta.options.forEach((option, i) => lines.push(`       ${flags[i].padEnd(flagWidth)}  ${option.description}`));
      });
      ctx.stdout.write(`${lines.join('\n')}\n`);
    }
    ctx.exitCode = EXIT.ok;
  },
});

export default createListCommand;
