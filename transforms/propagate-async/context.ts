/** What every step of propagate-async receives besides `j` and `root`. */
import type { FilePlan } from '../../src/core/plan';
import type { Reporter } from '../lib/report';
import type { RangeKeyer } from './index-nodes';

export interface StepOptions {
  /** This file's part of the plan. */
  filePlan: FilePlan;
  report: Reporter;
  /** Raw offsets → the key of recast's positions in the text being edited. */
  key: RangeKeyer;
}

/** A babel/recast node with the fields the steps read. */
export type LooseNode = {
  type: string;
  start?: number;
  end?: number;
  async?: boolean;
  generator?: boolean;
  loc?: { start: { line: number; column: number } };
  [key: string]: unknown;
};
