// The parse as versioned JSON (`layerscope parse --json`, and the app's Dockerfile editor): every
// instruction with its lines, flags as written, arguments (BuildKit's Next chain), form and
// heredocs. Bump the schema version on any change a consumer could notice.

import type { DockerfileParse, Heredoc, Instruction } from './node.ts';

export const DOCKERFILE_SCHEMA = 'layerscope.dockerfile/v1';

export interface InstructionJson {
  keyword: string;
  line: number;
  endLine: number;
  flags: string[];
  args: string[];
  json: boolean;
  heredocs: Heredoc[];
  original: string;
  /** ONBUILD's trigger */
  sub?: Omit<InstructionJson, 'line' | 'endLine'>;
}

export interface DockerfileJson {
  schema: typeof DOCKERFILE_SCHEMA;
  file: string;
  /** parser directives by name: { "syntax": "docker/dockerfile:1", "escape": "`" } */
  directives: Record<string, string>;
  escapeToken: string;
  instructions: InstructionJson[];
  warnings: { line: number; message: string; url?: string }[];
}

function body(i: Instruction): Omit<InstructionJson, 'line' | 'endLine'> {
  const out: Omit<InstructionJson, 'line' | 'endLine'> = {
    keyword: i.keyword,
    flags: i.flags,
    args: i.args,
    json: i.json,
    heredocs: i.heredocs,
    original: i.original,
  };
  if (i.sub) out.sub = body(i.sub);
  return out;
}

export function toDockerfileJson(parse: DockerfileParse): DockerfileJson {
  return {
    schema: DOCKERFILE_SCHEMA,
    file: parse.file,
    directives: Object.fromEntries(parse.directives.map((d) => [d.name, d.value])),
    escapeToken: parse.escapeToken,
    instructions: parse.instructions.map((i) => {
      const { keyword, ...rest } = body(i);
      return { keyword, line: i.startLine, endLine: i.endLine, ...rest };
    }),
    warnings: parse.warnings.map((w) => ({ ...w })),
  };
}
