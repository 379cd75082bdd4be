// What the harness page (main.ts) answers for one case, and the Node side (the spec) reads: the
// outcome as core's judge classifies it, its verdict, and its times. Plain data: it crosses
// page.evaluate.

import type { CaseGroup, HostileCase } from '../../src/core/hostile/case.ts';

export interface CaseInfo {
  name: string;
  group: CaseGroup;
  kind: HostileCase['kind'];
}

export interface CaseRow extends CaseInfo {
  outcome: 'error' | 'result' | 'crash';
  /** the result's warnings (0 for an error) */
  warnings: number;
  /** judge's verdict (src/core/hostile/run-case.ts): null when the case is answered as it must be */
  problem: string | null;
  /** wall ms on the page: the read or simulation (worker, then the page's rebuild of its tables) */
  readMs: number;
  /** wall ms: the stack worker's stacking, then the page's own objects and the read paths asked */
  stackMs: number;
  /** both, and a link's decoding on the page: what the budget (BUDGET_MS) holds to */
  ms: number;
  /** the error's message or the first warning, cut to 200 characters, for the report */
  said: string;
}
