// A statement's redirections (`>`, `>>`, `&>`, `<`, heredocs, here-strings, `2>&1`, `>/dev/null`),
// as /bin/sh applies them before running its command: where its input comes from and where its
// output goes. Files named by `>` are created (or truncated) here, before the command runs, as
// the shell does; the caller writes the output once the command has produced it.

import type sh from 'mvdan-sh';
import { EMPTY, textContent, unknownContent, type Content } from '../vfs/content.ts';
import type { FsOps } from '../vfs/fs-ops.ts';
import { Op } from './ops.ts';
import { isDevice } from './test-ops.ts';

/** What the interpreter lends: its filesystem, word expansion, node kinds and its error guard. */
export interface RedirectIo {
  fs: FsOps;
  word(w: sh.Word): Promise<string>;
  kind(node: sh.Node): string;
  /** runs a filesystem change; a failure is reported and gives undefined */
  safe<T>(fn: () => T): T | undefined;
}

export interface Redirected {
  /** the command's standard input */
  input: Content | null;
  /** where its standard output goes: a file (appended to), nowhere (a device, or stderr), or the pipe (null) */
  target: { path: string | null; append: boolean } | null;
}

export async function readRedirects(redirs: readonly (sh.Redirect | null)[], stdin: Content | null, io: RedirectIo): Promise<Redirected> {
  let input = stdin;
  let target: Redirected['target'] = null;
  for (const rd of redirs) {
    if (!rd) continue;
    const fd = rd.N ? rd.N.Value : null;
    const word = rd.Word ? await io.word(rd.Word) : '';
    switch (rd.Op) {
      case Op.rdrOut:
      case Op.clbOut:
      case Op.appOut:
      case Op.rdrAll:
      case Op.appAll: {
        const append = rd.Op === Op.appOut || rd.Op === Op.appAll;
        if (fd !== null && fd !== '1') {
          if (fd === '2' && !isDevice(word)) io.safe(() => io.fs.writeFile(word, EMPTY, { append }));
          break;
        }
        if (isDevice(word)) target = { path: null, append };
        else {
          io.safe(() => io.fs.writeFile(word, EMPTY, { append }));
          target = { path: word, append: true };
        }
        break;
      }
      case Op.rdrIn:
        if (word === '/dev/null') input = EMPTY;
        else input = io.safe(() => io.fs.readFile(word)) ?? unknownContent(`${word} could not be read`);
        break;
      case Op.hdoc:
      case Op.dashHdoc: {
        const quoted = rd.Word?.Parts.some((p) => io.kind(p) !== 'Lit') ?? false;
        let text = rd.Hdoc ? (quoted ? rd.Hdoc.Parts.map((p) => (p as sh.Lit).Value ?? '').join('') : await io.word(rd.Hdoc)) : '';
        // <<- : the shell strips leading tabs from every line (the parser leaves them).
        if (rd.Op === Op.dashHdoc) text = text.replace(/^\t+/gm, '');
        input = textContent(text);
        break;
      }
      case Op.wordHdoc:
        input = textContent(`${word}\n`);
        break;
      case Op.dplOut:
        if ((fd === null || fd === '1') && word === '2') target = { path: null, append: false };
        break;
      default:
        break;
    }
  }
  return { input, target };
}
