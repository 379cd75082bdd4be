import { describe, expect, it } from 'vitest';
import { reasonText } from './reasons.ts';

describe('waste words', () => {
  it.each([
    ['deleted', 'deleted in layer 6'],
    ['overwritten', 'overwritten in layer 6'],
    ['copied-up', 'copied up by chmod/chown in layer 6'],
    ['hidden-by-opaque', 'hidden by an opaque directory in layer 6'],
  ] as const)('%s', (reason, text) => {
    expect(reasonText({ reason, byLayer: 6 })).toBe(text);
  });
});
